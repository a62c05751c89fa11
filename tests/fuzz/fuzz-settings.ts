/**
 * How much the fuzz suite runs, and from which seed (tests/fuzz/README.md). By default a small bounded count from a
 * fixed seed, so `npm test` is quick and a failure replays; longer or other runs by environment:
 *   IPS_FUZZ_RUNS=500 IPS_FUZZ_SEED=42 npx vitest run tests/fuzz
 * IPS_FUZZ_RUNS scales every property's count (the default counts are for RUNS=1); IPS_FUZZ_SEED picks the seed
 * ("random" for a new one each run, printed on failure by fast-check with its path, to replay it).
 */
export const DEFAULT_FUZZ_SEED = 20261207;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** A multiplier on every property's default count. */
export const FUZZ_SCALE = positiveNumber('IPS_FUZZ_RUNS', 1);

export const FUZZ_SEED = process.env.IPS_FUZZ_SEED === 'random'
  ? Math.floor(Math.random() * 2 ** 31)
  : Math.trunc(positiveNumber('IPS_FUZZ_SEED', DEFAULT_FUZZ_SEED));

/** fast-check's options for a property that runs `defaultRuns` times by default. */
export function fuzzRuns(defaultRuns: number): { numRuns: number; seed: number; endOnFailure: boolean } {
  // endOnFailure: report the first failing input as found (with seed and path), without a long shrink on a busy machine.
  return { numRuns: Math.max(1, Math.round(defaultRuns * FUZZ_SCALE)), seed: FUZZ_SEED, endOnFailure: process.env.IPS_FUZZ_SHRINK !== '1' };
}

/** A test's time limit that grows with the run count. */
export const fuzzTimeout = (defaultMs: number) => Math.round(defaultMs * Math.max(1, FUZZ_SCALE));
