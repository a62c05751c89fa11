import { useEffect, useRef, useState } from 'react';
import { SaveQueue, type SaveSnapshot } from './save-queue.ts';

interface SaveQueueCallbacks<D> {
  /** After each successful save. */
  onSaved?: (key: string, describe: D) => void;
  /** When the queue has just emptied (everything saved). */
  onSettled?: () => void;
}

/**
 * A SaveQueue for the lifetime of a screen of many autosaved things (review editor, action plan), with its state
 * for rendering. Leaving the screen sends what is typed; closing or reloading the window while something is
 * unsaved asks first.
 */
export function useSaveQueue<D>(callbacks: SaveQueueCallbacks<D>) {
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const [snapshot, setSnapshot] = useState<SaveSnapshot<D>>({ busy: false, failures: [], savedCount: 0 });
  const [queue] = useState(() => {
    let wasBusy = false;
    return new SaveQueue<D>({
      onChange: (next) => {
        setSnapshot(next);
        const settled = !next.busy && next.failures.length === 0;
        if (settled && wasBusy) callbacksRef.current.onSettled?.();
        wasBusy = !settled;
      },
      onSaved: (key, describe) => callbacksRef.current.onSaved?.(key, describe),
    });
  });

  useEffect(() => {
    queue.resume();
    const warn = (event: BeforeUnloadEvent) => {
      if (queue.idle) return;
      queue.flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      queue.leave();
    };
  }, [queue]);

  return { queue, snapshot };
}
