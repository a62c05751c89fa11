import { ApiClientError } from './api-client.ts';

/**
 * The renderer's one autosave engine (review editor, action plan, and through useAutosave the consensus fields and
 * the visit plan), free of React so its rules can be tested on their own:
 *
 * - every change is keyed by what it changes ("rating:3:7", "strengths"); for a key only the latest value is
 *   saved, and a value equal to the last one saved is not sent again;
 * - text waits for a pause in typing (`delayMs`), flush() sends it at once (on blur, on leaving the screen);
 * - one request at a time, in the order the changes were made;
 * - a failure keeps the value (never dropped): a passing failure (no connection, internal error) is retried by
 *   itself on one schedule (RETRY_DELAYS_MS), any failure can be retried by hand, and a newer value for the key
 *   replaces it.
 */

export type SaveEntryState = 'waiting' | 'queued' | 'saving' | 'failed';

export interface SaveFailure<D> {
  key: string;
  describe: D;
  error: unknown;
  /** A new attempt is scheduled by itself. */
  retrying: boolean;
}

export interface SaveSnapshot<D> {
  /** Something is typed but not yet sent, queued, or being saved. */
  busy: boolean;
  failures: SaveFailure<D>[];
  /** How many saves succeeded so far (0: nothing saved in this session yet). */
  savedCount: number;
}

interface Entry<D> {
  value: unknown;
  save: (value: unknown) => Promise<unknown>;
  describe: D;
  state: SaveEntryState;
  error: unknown;
  attempts: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
  waitTimer: ReturnType<typeof setTimeout> | null;
}

export interface SaveQueueOptions<D> {
  /** Whether a failure may pass by itself (then it is retried without asking); default isPassingFailure. */
  isPassing?: (error: unknown) => boolean;
  onChange?: (snapshot: SaveSnapshot<D>) => void;
  /** Called after each successful save, with what was saved. */
  onSaved?: (key: string, describe: D) => void;
}

/**
 * The waits between automatic retries of a passing failure, for every autosave: growing, then the last one repeats,
 * so a save that can pass is tried until it does (the value stays on screen and in the queue meanwhile).
 */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

/** Invalid input, read-only and conflicts need the user; only a broken connection or an internal error may pass. */
export const isPassingFailure = (error: unknown) => !(error instanceof ApiClientError) || error.code === 'internal';

export class SaveQueue<D = unknown> {
  private readonly entries = new Map<string, Entry<D>>();
  private readonly lastSaved = new Map<string, string>();
  private running = false;
  private closed = false;
  private retrying = true;
  private savedCount = 0;
  private readonly isPassing: (error: unknown) => boolean;

  constructor(private readonly options: SaveQueueOptions<D> = {}) {
    this.isPassing = options.isPassing ?? isPassingFailure;
  }

  /**
   * Saves `value` under `key` with `save`, at once or after `delayMs` without a newer value. `describe` says
   * what the value is, for the failure list.
   */
  set<V>(key: string, value: V, save: (value: V) => Promise<unknown>, describe: D, delayMs = 0): void {
    if (this.closed) return;
    const existing = this.entries.get(key);
    if (!existing && this.lastSaved.get(key) === JSON.stringify(value)) return;
    const entry: Entry<D> = existing ?? { value, save: save as Entry<D>['save'], describe, state: 'queued', error: null, attempts: 0, retryTimer: null, waitTimer: null };
    entry.value = value;
    entry.save = save as Entry<D>['save'];
    entry.describe = describe;
    entry.attempts = 0;
    this.clearTimers(entry);
    if (entry.state !== 'saving') entry.state = delayMs > 0 ? 'waiting' : 'queued';
    if (entry.state === 'waiting') {
      entry.waitTimer = setTimeout(() => {
        entry.waitTimer = null;
        if (entry.state === 'waiting') {
          entry.state = 'queued';
          void this.run();
        }
      }, delayMs);
    }
    // A re-set key moves to the back, so changes are saved in the order they were made.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.changed();
    void this.run();
  }

  /** Sends a waiting value now (all of them without a key). */
  flush(key?: string): void {
    for (const [k, entry] of this.entries) {
      if (key !== undefined && k !== key) continue;
      if (entry.state === 'waiting') {
        this.clearTimers(entry);
        entry.state = 'queued';
      }
    }
    this.changed();
    void this.run();
  }

  /** Tries every failed save again now. */
  retryNow(): void {
    for (const entry of this.entries.values()) {
      if (entry.state !== 'failed') continue;
      this.clearTimers(entry);
      entry.state = 'queued';
    }
    this.changed();
    void this.run();
  }

  /** The value not yet saved for `key`, if any (what the screen must keep showing). */
  pendingValue(key: string): unknown {
    return this.entries.get(key)?.value;
  }

  snapshot(): SaveSnapshot<D> {
    const all = [...this.entries.entries()];
    return {
      busy: all.some(([, e]) => e.state !== 'failed'),
      failures: all.filter(([, e]) => e.state === 'failed').map(([key, e]) => ({ key, describe: e.describe, error: e.error, retrying: e.retryTimer !== null })),
      savedCount: this.savedCount,
    };
  }

  /** True when nothing is waiting, queued, saving or failed. */
  get idle(): boolean {
    return this.entries.size === 0;
  }

  /**
   * Leaving the screen: what is typed is sent now, and failed saves go on being retried in the background
   * (the queue then ends by itself); only new changes are refused.
   */
  leave(): void {
    this.flush();
    this.closed = true;
  }

  /** Accepts changes again (a screen shown again, e.g. React's development double mount). */
  resume(): void {
    this.closed = false;
    this.retrying = true;
  }

  /**
   * A field going away (useAutosave): what is queued is still sent, but failed values are no longer retried by
   * themselves, so a late retry cannot overwrite what the field shown next saves.
   */
  stopRetrying(): void {
    this.retrying = false;
    for (const entry of this.entries.values()) {
      if (entry.retryTimer) clearTimeout(entry.retryTimer);
      entry.retryTimer = null;
    }
  }

  private clearTimers(entry: Entry<D>) {
    if (entry.retryTimer) clearTimeout(entry.retryTimer);
    if (entry.waitTimer) clearTimeout(entry.waitTimer);
    entry.retryTimer = null;
    entry.waitTimer = null;
  }

  private nextQueued(): [string, Entry<D>] | undefined {
    for (const pair of this.entries) if (pair[1].state === 'queued') return pair;
    return undefined;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.nextQueued(); next; next = this.nextQueued()) {
        const [key, entry] = next;
        const value = entry.value;
        entry.state = 'saving';
        this.changed();
        try {
          await entry.save(value);
          this.lastSaved.set(key, JSON.stringify(value));
          this.savedCount += 1;
          if (entry.value === value && this.entries.get(key) === entry) {
            this.entries.delete(key);
          } else if (entry.state === 'saving') {
            entry.state = 'queued'; // a newer value arrived while this one was being saved
          }
          this.options.onSaved?.(key, entry.describe);
        } catch (error) {
          if (entry.value !== value) {
            entry.state = entry.state === 'saving' ? 'queued' : entry.state; // the newer value replaces the failed one
          } else {
            this.fail(entry, error);
          }
        }
        this.changed();
      }
    } finally {
      this.running = false;
    }
  }

  private fail(entry: Entry<D>, error: unknown) {
    entry.state = 'failed';
    entry.error = error;
    if (!this.retrying || !this.isPassing(error)) return;
    const delay = RETRY_DELAYS_MS[Math.min(entry.attempts, RETRY_DELAYS_MS.length - 1)]!;
    entry.attempts += 1;
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      if (entry.state !== 'failed') return;
      entry.state = 'queued';
      this.changed();
      void this.run();
    }, delay);
  }

  private changed() {
    this.options.onChange?.(this.snapshot());
  }
}
