import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorCode, ApiResponse } from '../../electron/contract/api-error.ts';
import { CALL_NAMES, contract, type CallName } from '../../electron/contract/contract.ts';
import { testBackend, type TestBackend } from '../fixtures/backend.ts';
import { createFinalReview } from '../fixtures/final-review.ts';
import { ratingsSumming, readExample } from '../fixtures/ratings.ts';
import { writeReviewerRatings } from '../../exchange/reviewer-ratings-write.ts';
import { bundleOf, exporterIdentity } from '../exchange/bundle-fixtures.ts';
import { PASSPHRASE, smallPdf } from '../fixtures/identities/identities.ts';
import { hostileValue, mutatedBytes, mutatedJson, nearValid, oddString, signedFileVariants } from './arbitraries.ts';
import { FUZZ_SEED, fuzzRuns, fuzzTimeout } from './fuzz-settings.ts';

/**
 * Every contract call (CALL_NAMES, so a new call is covered without touching this file) under fast-check input
 * against a real backend on a real SQLite file: random values, and near-valid ones built from the call's own input
 * schema. Whatever comes in, the answer is { ok: true } or a typed error other than 'internal', and nothing throws.
 * Counts and seed: tests/fuzz/fuzz-settings.ts (IPS_FUZZ_RUNS, IPS_FUZZ_SEED).
 */
const RUNS_RANDOM = 6;
const RUNS_NEAR_VALID = 10;
const ERROR_CODES = new Set<string>(ApiErrorCode.options.filter((code) => code !== 'internal'));

let api: TestBackend;
let watcher: BetterSqlite3.Database | undefined;
/**
 * SQLite's data_version, read on a connection of our own, changes exactly when another connection (the backend's)
 * commits: a cheap proof that a refused call wrote nothing (dumping every table per call is far too slow).
 */
function watchDatabase() {
  watcher?.close();
  watcher = new BetterSqlite3(api.dbFile, { readonly: true });
}
const writeCount = () => watcher!.pragma('data_version', { simple: true }) as number;
const tally = { calls: 0, ok: 0, refused: new Map<string, number>() };

/**
 * Values for fields by name, where a schema alone gives nothing useful: a review file (z.unknown()), and files in
 * base64 (a signed bundle, a reviewer's ratings file, a PKCS#12, a PDF), each valid, damaged or re-signed.
 */
const special: Record<string, fc.Arbitrary<unknown>> = {
  file: fc.oneof(
    fc.constantFrom(readExample('full-review.json'), readExample('partial-review-17-items.json')),
    mutatedJson(readExample('full-review.json')),
    hostileValue,
  ),
};
const base64 = (bytes: fc.Arbitrary<Uint8Array>) => fc.oneof({ arbitrary: bytes.map((b) => Buffer.from(b).toString('base64')), weight: 6 }, { arbitrary: hostileValue, weight: 1 });

beforeAll(async () => {
  const { identity, p12 } = await exporterIdentity();
  special.bundleBase64 = base64(signedFileVariants(bundleOf(identity), identity));
  special.fileBase64 = base64(signedFileVariants(writeReviewerRatings({
    createdAt: new Date().toISOString(),
    review: { id: '00000000-0000-4000-8000-000000000001', revision: 1, scale: { id: 'ips-25', version: '1.0.0', contentHash: 'sha256:abc' } },
    reviewer: { position: 2, name: 'Aino Laaksonen' },
    completedAt: null,
    ratings: [{ item: 1, score: 4, reason: null, reasonNote: null, evidence: 'Haastattelu' }],
    recommendations: [],
  }, identity), identity));
  special.p12Base64 = base64(fc.oneof(fc.constant(p12), mutatedBytes(p12)));
  special.p12Passphrase = fc.constantFrom(PASSPHRASE, 'väärä');
  special.pdfBase64 = base64(mutatedBytes(await smallPdf()));
  api = await testBackend();
  // Something to find: sites 1 and 2, review 1 (a draft with reviewers 1 and 2, some ratings) and review 2 (final),
  // so near-valid ids (mostly 1..3) reach the handlers.
  const site = await api.call('sites.create', { name: 'Fuzz site', regionCode: '06' });
  const other = await api.call('sites.create', { name: 'Toinen', regionCode: null });
  const review = await api.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-01'], reviewers: [{ name: 'Aino', role: null }, { name: 'Mikael', role: null }] });
  for (const { item, score } of ratingsSumming(100).slice(0, 5)) await api.call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item, score });
  // Review 2 is final (reviewer 3), so the report, bundle, CSV and comparison calls have a result to work on.
  await createFinalReview(api.call, { siteId: other.id, visitDate: '2026-10-01', score: (item) => (item === 7 ? null : 1 + (item % 5)), recommendations: { 3: 'Tiimikokoukset' } });
  watchDatabase();
}, 120_000);

afterAll(() => {
  watcher?.close();
  api?.backend.close();
  if (api) rmSync(dirname(api.dbFile), { recursive: true, force: true });
  const refused = [...tally.refused].map(([code, n]) => `${code} ${n}`).join(', ');
  console.info(`[fuzz] seed ${FUZZ_SEED}: ${tally.calls} calls over ${CALL_NAMES.length} contract entries; ok ${tally.ok}; refused ${refused}`);
});

/** One call: the dispatcher answers (never throws), with a response of the contract's shape and a typed code. */
async function checkCall(name: string, input: unknown): Promise<void> {
  tally.calls++;
  const before = writeCount();
  const response = await api.backend.dispatch(name, input);
  expect(ApiResponse.safeParse(response).success, `${name}: not an ApiResponse: ${JSON.stringify(response)?.slice(0, 300)}`).toBe(true);
  if (response.ok) {
    tally.ok++;
    // A restore puts another file in place: watch that one from now on.
    if (name.startsWith('backups.')) watchDatabase();
    return;
  }
  tally.refused.set(response.error.code, (tally.refused.get(response.error.code) ?? 0) + 1);
  expect(ERROR_CODES.has(response.error.code), `${name} answered ${response.error.code} to ${JSON.stringify(input)?.slice(0, 400)}`).toBe(true);
  expect(JSON.stringify(response.error)).not.toMatch(/\n\s+at |node_modules/);
  // A refused call changes nothing (the dispatcher's transaction, or the handler's own for asynchronous calls).
  expect(writeCount(), `${name} refused (${response.error.code}) but changed the database`).toBe(before);
}

describe('every contract call under fast-check input (real backend, real SQLite)', () => {
  test('the fuzz suite covers the whole contract', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(40);
    expect(new Set(CALL_NAMES).size).toBe(CALL_NAMES.length);
  });

  for (const name of CALL_NAMES) {
    test(name, { timeout: fuzzTimeout(60_000) }, async () => {
      const schema = contract[name as CallName].input;
      await fc.assert(fc.asyncProperty(hostileValue, (input) => checkCall(name, input)), fuzzRuns(RUNS_RANDOM));
      await fc.assert(fc.asyncProperty(nearValid(schema, special), (input) => checkCall(name, input)), fuzzRuns(RUNS_NEAR_VALID));
    });
  }

  test('names that are no call are refused as unknown-call', { timeout: fuzzTimeout(30_000) }, async () => {
    const notACall = fc.oneof(oddString, hostileValue, fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'sites.list ', 'SITES.LIST'))
      .filter((name) => !(typeof name === 'string' && (CALL_NAMES as string[]).includes(name)));
    await fc.assert(fc.asyncProperty(notACall, hostileValue, async (name, input) => {
      const response = await api.backend.dispatch(name, input);
      expect(response).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }), fuzzRuns(20));
  });

  test('every call refuses input nested 100,000 deep as invalid input (fast-check cannot print such values)', { timeout: 60_000 }, async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    for (const name of CALL_NAMES) {
      const response = await api.backend.dispatch(name, { input: deep });
      expect(response.ok ? 'ok' : response.error.code, name).toBe('invalid-input');
    }
  });

  test('the backend still answers after the fuzzing', async () => {
    expect(await api.backend.dispatch('sites.get', { id: 1 })).toMatchObject({ ok: true, output: { id: 1 } });
    // The write check can fail: a committed change moves data_version.
    const before = writeCount();
    expect(await api.backend.dispatch('sites.update', { id: 1, changes: { name: 'Fuzzed site' } })).toMatchObject({ ok: true });
    expect(writeCount()).not.toBe(before);
    // Over the whole contract the near-valid inputs must get past the schemas into the handlers, or the run means little.
    if (tally.calls >= CALL_NAMES.length * 10) {
      expect(tally.ok).toBeGreaterThan(tally.calls / 20);
      expect(tally.refused.get('not-found') ?? 0).toBeGreaterThan(0);
    }
  });
});
