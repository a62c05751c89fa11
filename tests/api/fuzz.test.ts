import { describe, expect, test } from 'vitest';
import { ApiErrorCode } from '../../electron/contract/api-error.ts';
import { CALL_NAMES } from '../../electron/contract/contract.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { readExample } from '../fixtures/ratings.ts';

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELD_NAMES = ['id', 'name', 'siteId', 'reviewId', 'reviewerId', 'item', 'score', 'reason', 'status', 'kind', 'visitDates',
  'reviewers', 'changes', 'active', 'file', 'text', 'search', 'regionId', 'includeArchived', 'scale', 'version', 'limit', '__proto__', 'constructor'];

function value(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * 16);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return rand() < 0.5;
    case 3: return Math.floor(rand() * 30) - 5;
    case 4: return [0, -1, 1e308, -0, 2 ** 53, 3.5, Number.NaN][Math.floor(rand() * 7)];
    case 5: return '';
    case 6: return 'x'.repeat(Math.floor(rand() * 40_000));
    case 7: return ["'; DROP TABLE sites; --", 'ÄÖÅ äöå – “”', '\u0000\uffff', '2026-02-30', 'final', 'no-data', 'ips-25', '1.0.0'][Math.floor(rand() * 8)];
    case 8: return depth > 2 ? 1 : Array.from({ length: Math.floor(rand() * 4) }, () => value(rand, depth + 1));
    default: {
      if (depth > 2) return {};
      const entries = Array.from({ length: Math.floor(rand() * 5) }, () => [FIELD_NAMES[Math.floor(rand() * FIELD_NAMES.length)]!, value(rand, depth + 1)]);
      return Object.fromEntries(entries);
    }
  }
}

/** A valid-looking input with one field broken, so the fuzzer also gets past the first checks. */
function nearMiss(rand: () => number, ids: { siteId: number; reviewId: number; reviewerId: number }): unknown {
  const base: Record<string, unknown> = { id: ids.siteId, siteId: ids.siteId, reviewId: ids.reviewId, reviewerId: ids.reviewerId, item: 3, score: 4, name: 'N', kind: 'external', visitDates: ['2026-11-01'], reviewers: [{ name: 'R', role: null }], status: 'consensus', changes: { name: 'M' }, active: false, text: 't', file: readExample('full-review.json') };
  const keys = Object.keys(base);
  const broken = keys[Math.floor(rand() * keys.length)]!;
  return { ...base, [broken]: value(rand) };
}

describe('every API call under random and malformed input', () => {
  test('never crashes; failures are typed errors and leave the database unchanged', { timeout: 120_000 }, async () => {
    const { backend, call, dbFile } = await testBackend();
    const site = await call('sites.create', { name: 'Fuzz site', regionCode: '06' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-01'], reviewers: [{ name: 'R', role: null }] });
    const ids = { siteId: site.id, reviewId: review.id, reviewerId: review.reviewers[0]!.id };
    const rand = random(20261123);
    const codes = new Set(ApiErrorCode.options);
    let failures = 0;
    let successes = 0;

    for (const name of [...CALL_NAMES, 'no.such.call', '', 'constructor']) {
      for (let round = 0; round < 60; round++) {
        const input = round % 2 === 0 ? value(rand) : nearMiss(rand, ids);
        const before = dumpDatabase(dbFile);
        const response = await backend.dispatch(name, input);
        expect(typeof response.ok, `${name} ${JSON.stringify(input)?.slice(0, 200)}`).toBe('boolean');
        if (response.ok) {
          successes++;
          continue;
        }
        failures++;
        expect(codes.has(response.error.code), `${name}: ${response.error.code}`).toBe(true);
        expect(response.error.code, `${name} hit an internal error with ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe('internal');
        expect(response.error.messageKey).toBe(`errors.${response.error.code}`);
        expect(JSON.stringify(response.error)).not.toMatch(/\n\s+at |node_modules/);
        expect(dumpDatabase(dbFile), `${name} failed but changed the database`).toEqual(before);
      }
    }
    // The fuzzer must exercise both paths to mean anything.
    expect(failures).toBeGreaterThan(500);
    expect(successes).toBeGreaterThan(20);
    expect(await backend.dispatch('sites.get', { id: site.id })).toMatchObject({ ok: true });
  });
});
