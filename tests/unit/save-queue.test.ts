import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiErrorCode } from '../../electron/contract/api-error.ts';
import { ApiClientError } from '../../renderer/platform/api-client.ts';
import { isPassingFailure, RETRY_DELAYS_MS, SaveQueue, type SaveSnapshot } from '../../renderer/platform/save-queue.ts';
import { saveStateOf } from '../../renderer/platform/use-autosave.ts';

/** A save function that records calls and fails while `down` is true. */
function backend() {
  const calls: unknown[] = [];
  const state = { down: false, refuse: false };
  const save = async (value: unknown) => {
    calls.push(value);
    if (state.refuse) throw Object.assign(new Error('read-only'), { passing: false });
    if (state.down) throw Object.assign(new Error('no connection'), { passing: true });
  };
  return { calls, state, save };
}

const isPassing = (error: unknown) => (error as { passing?: boolean }).passing === true;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the autosave engine (review editor, action plan, consensus fields, visit plan)', () => {
  it('saves a change at once, and text after a pause with only the last value', async () => {
    const { calls, save } = backend();
    const queue = new SaveQueue<string>({ isPassing });
    queue.set('rating:1', { score: 4 }, save, 'item 1');
    await vi.runAllTimersAsync();
    expect(calls).toEqual([{ score: 4 }]);

    queue.set('evidence', 'A', save, 'evidence', 600);
    queue.set('evidence', 'Ab', save, 'evidence', 600);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
    expect(queue.snapshot().busy).toBe(true);
    queue.set('evidence', 'Abc', save, 'evidence', 600);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([{ score: 4 }, 'Abc']);
    expect(queue.idle).toBe(true);
  });

  it('flush() sends waiting text now; an unchanged value is not sent again', async () => {
    const { calls, save } = backend();
    const queue = new SaveQueue<string>({ isPassing });
    queue.set('strengths', 'Hyvä tiimi', save, 'strengths', 600);
    queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['Hyvä tiimi']);
    queue.set('strengths', 'Hyvä tiimi', save, 'strengths', 600);
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['Hyvä tiimi']);
  });

  it('keeps a failed value, retries a passing failure on the one schedule until it passes', async () => {
    const { calls, state, save } = backend();
    const snapshots: SaveSnapshot<string>[] = [];
    const queue = new SaveQueue<string>({ isPassing, onChange: (s) => snapshots.push(s) });
    state.down = true;
    queue.set('rating:3', { score: 2 }, save, 'item 3');
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.snapshot().failures).toMatchObject([{ key: 'rating:3', describe: 'item 3', retrying: true }]);
    expect(queue.pendingValue('rating:3')).toEqual({ score: 2 });
    expect(RETRY_DELAYS_MS).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 30_000]);
    // Each wait of the schedule in turn: one more attempt exactly when it has passed, none a millisecond before.
    for (const [i, delay] of RETRY_DELAYS_MS.entries()) {
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(calls).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(i + 2);
    }
    // The last wait repeats: it is never given up.
    await vi.advanceTimersByTimeAsync(30_000 * 3);
    expect(calls).toHaveLength(RETRY_DELAYS_MS.length + 4);
    state.down = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(queue.idle).toBe(true);
    expect(queue.snapshot()).toMatchObject({ busy: false, failures: [] });
    expect(snapshots.some((s) => s.failures.length === 1)).toBe(true);
  });

  it('a new value starts the schedule again from its first wait', async () => {
    const { calls, state, save } = backend();
    const queue = new SaveQueue<string>({ isPassing });
    state.down = true;
    queue.set('note', 'a', save, 'note');
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    expect(calls).toEqual(['a', 'a', 'a', 'a']);
    queue.set('note', 'b', save, 'note');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toEqual(['a', 'a', 'a', 'a', 'b', 'b']);
  });

  it('only a broken connection or an internal error is retried by itself; what needs the user is not', () => {
    const apiError = (code: ApiErrorCode) => new ApiClientError('consensus.set', { code, messageKey: `errors.${code}` });
    expect(isPassingFailure(new TypeError('Failed to fetch'))).toBe(true);
    expect(isPassingFailure(apiError('internal'))).toBe(true);
    expect(isPassingFailure(apiError('invalid-input'))).toBe(false);
    expect(isPassingFailure(apiError('read-only'))).toBe(false);
  });

  it('after stopRetrying (a field gone) queued values are still sent, failures wait for the user', async () => {
    const { calls, state, save } = backend();
    const queue = new SaveQueue<string>({ isPassing });
    state.down = true;
    queue.set('value', 'x', save, 'field');
    await vi.advanceTimersByTimeAsync(0);
    queue.stopRetrying();
    queue.set('value', 'y', save, 'field');
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['x', 'y']);
    expect(queue.snapshot().failures).toMatchObject([{ retrying: false }]);
    state.down = false;
    queue.retryNow();
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['x', 'y', 'y']);
    expect(queue.idle).toBe(true);
  });

  it('one autosaved value (useAutosave) shows idle, saving, saved, or the failure as an API error', () => {
    const base = { busy: false, failures: [], savedCount: 0 };
    expect(saveStateOf(base, 'consensus.set')).toEqual({ status: 'idle' });
    expect(saveStateOf({ ...base, busy: true }, 'consensus.set')).toEqual({ status: 'saving' });
    expect(saveStateOf({ ...base, savedCount: 2 }, 'consensus.set')).toEqual({ status: 'saved' });
    const refused = new ApiClientError('consensus.set', { code: 'invalid-input', messageKey: 'errors.invalid-input' });
    expect(saveStateOf({ ...base, busy: true, failures: [{ key: 'value', describe: null, error: refused, retrying: false }] }, 'consensus.set'))
      .toEqual({ status: 'error', error: refused, retrying: false });
  });

  it('a refused save waits for the user (retryNow), and a newer value replaces a failed one', async () => {
    const { calls, state, save } = backend();
    const queue = new SaveQueue<string>({ isPassing });
    state.refuse = true;
    queue.set('rating:5', { score: 1 }, save, 'item 5');
    await vi.runAllTimersAsync();
    expect(queue.snapshot().failures).toMatchObject([{ key: 'rating:5', retrying: false }]);
    expect(calls).toHaveLength(1);
    state.refuse = false;
    queue.set('rating:5', { score: 5 }, save, 'item 5');
    await vi.runAllTimersAsync();
    expect(calls).toEqual([{ score: 1 }, { score: 5 }]);
    expect(queue.idle).toBe(true);

    state.refuse = true;
    queue.set('rating:6', { score: 2 }, save, 'item 6');
    await vi.runAllTimersAsync();
    state.refuse = false;
    queue.retryNow();
    await vi.runAllTimersAsync();
    expect(calls.at(-1)).toEqual({ score: 2 });
    expect(queue.idle).toBe(true);
  });

  it('saves one at a time, in the order of the changes; a change made while saving is saved after', async () => {
    const order: string[] = [];
    let release: (() => void) | null = null;
    const slow = (value: string) => new Promise<void>((resolve) => {
      order.push(`start ${value}`);
      release = () => {
        order.push(`end ${value}`);
        resolve();
      };
    });
    const queue = new SaveQueue<string>({ isPassing });
    queue.set('a', 'a1', slow, 'a');
    queue.set('b', 'b1', slow, 'b');
    queue.set('a', 'a2', slow, 'a');
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 3; i++) {
      (release as (() => void) | null)?.();
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(order).toEqual(['start a1', 'end a1', 'start b1', 'end b1', 'start a2', 'end a2']);
    expect(queue.idle).toBe(true);
  });

  it('leaving sends typed text at once and refuses new changes', async () => {
    const { calls, save } = backend();
    const queue = new SaveQueue<string>({ isPassing });
    queue.set('overall', 'Kesken', save, 'overall', 600);
    queue.leave();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['Kesken']);
    queue.set('overall', 'Myöhässä', save, 'overall');
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['Kesken']);
  });
});
