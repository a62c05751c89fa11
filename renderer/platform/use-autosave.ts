import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName } from '../../electron/contract/contract.ts';
import { asApiClientError, type ApiClientError } from './api-client.ts';
import { SaveQueue, type SaveSnapshot } from './save-queue.ts';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  /** retrying: a new attempt is scheduled by itself (the failure looked passing: no connection, internal error). */
  | { status: 'error'; error: ApiClientError; retrying: boolean };

/** What one autosaved value shows, from its queue: the failure first, then saving, then saved once anything was. */
export function saveStateOf(snapshot: SaveSnapshot<unknown>, callName: CallName): SaveState {
  const failure = snapshot.failures[0];
  if (failure) return { status: 'error', error: asApiClientError(callName, failure.error), retrying: failure.retrying };
  if (snapshot.busy) return { status: 'saving' };
  return snapshot.savedCount > 0 ? { status: 'saved' } : { status: 'idle' };
}

const KEY = 'value';

/**
 * One value saved as soon as it changes (a consensus field, a visit-plan row), on the one autosave engine
 * (SaveQueue): one request at a time, the latest value winning. A failed save stays visible (state 'error') with
 * its value kept, is retried by itself on the engine's schedule when the failure looks passing, and can be retried
 * by hand: a change is never silently dropped. When the field goes away, what is queued is still sent.
 */
export function useAutosave<T>(callName: CallName, save: (value: T) => Promise<void>) {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const saveRef = useRef(save);
  saveRef.current = save;
  const [queue] = useState(() => new SaveQueue<null>({ onChange: (snapshot) => setState(saveStateOf(snapshot, callName)) }));

  useEffect(() => {
    queue.resume();
    return () => queue.stopRetrying();
  }, [queue]);

  /** Saves this value (after the one being saved, if any). */
  const request = useCallback((value: T) => queue.set(KEY, value, (v: T) => saveRef.current(v), null), [queue]);

  /** Tries the failed value again now. */
  const retry = useCallback(() => queue.retryNow(), [queue]);

  return { state, save: request, retry };
}

/**
 * Calls `fn` with the latest arguments once `delayMs` has passed without a new call; flush() runs it at once
 * (on blur, and when the component goes away).
 */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => void, delayMs: number) {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastArgs = useRef<A | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const args = lastArgs.current;
    lastArgs.current = null;
    if (args) fnRef.current(...args);
  }, []);
  const call = useCallback(
    (...args: A) => {
      lastArgs.current = args;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );
  // Leaving the screen saves what was typed last instead of dropping it.
  useEffect(() => flush, [flush]);
  return { call, flush };
}
