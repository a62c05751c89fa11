import type { z } from 'zod';

/**
 * What a contract entry says about its call besides input and output (issue 14: on the entry itself, not in
 * lists elsewhere that a new call can be left out of).
 */
export interface CallTraits {
  /**
   * The handler awaits (signing, PDF rendering, backups): it runs outside the dispatcher's one write transaction
   * and manages its own. A test checks this against the handler being an async function.
   */
  async?: true;
  /** The database is backed up just before the call runs (imports: "a backup before every import", issue 7). */
  backupBefore?: true;
}

/** One contract entry: the zod schemas of the call's input and output, and its traits. */
export const call = <I extends z.ZodType, O extends z.ZodType, T extends CallTraits = Record<never, never>>(input: I, output: O, traits?: T) =>
  ({ input, output, ...(traits ?? ({} as T)) });

/** An entry whose handler awaits (CallTraits.async). */
export const asyncCall = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => call(input, output, { async: true });
