import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName } from '../../electron/contract/contract.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { asApiClientError } from '../platform/use-api-query.ts';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  /** retrying: a new attempt is scheduled by itself (the failure looked passing: no connection, internal error). */
  | { status: 'error'; error: ApiClientError; retrying: boolean };

/** Waits between automatic retries of a failed save; after the last one the user retries by hand. */
const RETRY_DELAYS_MS = [1_500, 4_000, 10_000, 30_000];

/** A failure worth trying again unchanged; invalid input, read-only and conflicts need the user instead. */
const isPassing = (error: ApiClientError) => error.code === 'internal';

/**
 * Saves a value as soon as it changes, one request at a time, the latest value winning. A failed save stays
 * visible (state 'error') with its value kept, is retried by itself when the failure looks passing, and can be
 * retried by hand: a change is never silently dropped.
 */
export function useAutosave<T>(callName: CallName, save: (value: T) => Promise<void>) {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const saveRef = useRef(save);
  saveRef.current = save;
  const pending = useRef<{ value: T } | null>(null);
  const failed = useRef<{ value: T } | null>(null);
  const running = useRef(false);
  const attempts = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (pending.current) {
        const { value } = pending.current;
        pending.current = null;
        if (mounted.current) setState({ status: 'saving' });
        try {
          await saveRef.current(value);
          failed.current = null;
          attempts.current = 0;
          if (mounted.current && !pending.current) setState({ status: 'saved' });
        } catch (caught) {
          const error = asApiClientError(callName, caught);
          if (pending.current) continue; // a newer value replaces the failed one
          failed.current = { value };
          const delay = isPassing(error) ? RETRY_DELAYS_MS[attempts.current] : undefined;
          if (mounted.current) setState({ status: 'error', error, retrying: delay !== undefined });
          if (delay !== undefined) {
            attempts.current += 1;
            timer.current = setTimeout(() => {
              timer.current = null;
              if (failed.current && !pending.current) {
                pending.current = failed.current;
                void run();
              }
            }, delay);
          }
        }
      }
    } finally {
      running.current = false;
    }
  }, [callName]);

  /** Saves this value (after the one being saved, if any). */
  const request = useCallback(
    (value: T) => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      attempts.current = 0;
      pending.current = { value };
      void run();
    },
    [run],
  );

  /** Tries the failed value again now. */
  const retry = useCallback(() => {
    if (!failed.current) return;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    pending.current = failed.current;
    void run();
  }, [run]);

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
