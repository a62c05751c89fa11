import { beforeAll, describe, expect, test } from 'vitest';
import { testBackend, type TestBackend } from '../fixtures/backend.ts';
import { importReview, uniform } from './comparison-fixtures.ts';

/**
 * Issue 13: how peer reviews count in the comparison (scales/review-rules/review-kinds.ts). In "self vs external" a
 * peer review is on the external side (done by outsiders); the trend per kind and the kind filter keep it apart.
 */
let t: TestBackend;
const REGION = 'Pirkanmaan hyvinvointialue';

beforeAll(async () => {
  t = await testBackend();
  // Hervanta: a self-assessment and, later, a peer review (its latest review from outside).
  await importReview(t.call, { site: 'Hervanta', region: REGION, kind: 'external', date: '2024-02-01', ratings: uniform(3) });
  await importReview(t.call, { site: 'Hervanta', region: REGION, kind: 'self', date: '2025-01-10', ratings: uniform(5) });
  await importReview(t.call, { site: 'Hervanta', region: REGION, kind: 'peer', date: '2025-03-01', ratings: uniform(4) });
  // Kaleva: a self-assessment and a peer review only.
  await importReview(t.call, { site: 'Kaleva', region: REGION, kind: 'self', date: '2025-02-01', ratings: uniform(4) });
  await importReview(t.call, { site: 'Kaleva', region: REGION, kind: 'peer', date: '2025-04-01', ratings: uniform(2) });
  // Lielahti: peer reviews only, so no pair.
  await importReview(t.call, { site: 'Lielahti', region: REGION, kind: 'peer', date: '2025-05-01', ratings: uniform(3) });
}, 60_000);

describe('peer reviews in the comparison', () => {
  test('self vs external: a peer review is the external side; the latest review from outside wins', async () => {
    const { pairs, items } = await t.call('comparison.selfVsExternal', {});
    expect(pairs.map((p) => [p.siteName, p.self.kind, p.self.total, p.external.kind, p.external.total])).toEqual([
      ['Hervanta', 'self', 125, 'peer', 100],
      ['Kaleva', 'self', 100, 'peer', 50],
    ]);
    expect(items[0]).toMatchObject({ selfMean: 4.5, selfRated: 2, externalMean: 3, externalRated: 2 });
  });

  test('the trend per kind and the kind filter keep peer reviews apart', async () => {
    const { years } = await t.call('comparison.trend', {});
    expect(years.map((y) => [y.year, y.kind, y.reviews, y.meanTotal])).toEqual([
      [2024, 'external', 1, 75],
      [2025, 'peer', 3, 75],
      [2025, 'self', 2, 112.5],
    ]);
    const peerOnly = await t.call('comparison.trend', { kind: 'peer' });
    expect(peerOnly.years.map((y) => y.kind)).toEqual(['peer']);
    const included = await t.call('comparison.siteTotals', { kind: 'peer' });
    expect(included.sites.map((s) => s.siteName).sort()).toEqual(['Hervanta', 'Kaleva', 'Lielahti']);
  });
});
