import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { useApi } from './api-context.tsx';

export { offeredFileText } from './offered-file-text.ts';

/** A bundle (.ipsreview) or review file (.json) the user opened in the desktop shell, as files.takeOffered gives it. */
export type OfferedFile = NonNullable<CallOutput<'files.takeOffered'>>;

/**
 * The file the shell opened for this page (File > Import…, a double-clicked .ipsreview, the preview's --open):
 * null until it has arrived, and null when there is none. Taken once per mount; taking empties the backend's
 * slot, so the request is kept in a ref across StrictMode's second run of the effect instead of being sent
 * again (a second take would answer null and the file would be lost). A failed take counts as no file.
 */
export function useOfferedFile(): OfferedFile | null {
  const api = useApi();
  const taking = useRef<Promise<OfferedFile | null> | null>(null);
  const [file, setFile] = useState<OfferedFile | null>(null);
  useEffect(() => {
    let current = true;
    const pending = (taking.current ??= api.call('files.takeOffered', {}).catch((error: unknown) => {
      console.error('[files] takeOffered failed', error);
      return null;
    }));
    void pending.then((taken) => {
      if (current) setFile(taken);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return file;
}
