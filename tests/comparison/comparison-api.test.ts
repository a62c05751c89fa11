import { beforeAll, describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend, type TestBackend } from '../fixtures/backend.ts';
import { importReview, scoresOf, singleReviewerReview, uniform } from './comparison-fixtures.ts';

/** Totals, bands and which reviews count, on hand-made reviews whose answers are known. */
let t: TestBackend;
const REGION = 'Pirkanmaan hyvinvointialue';
const ids: Record<string, number> = {};

/** `rated` items scored so that they add up to `raw`, the rest not rated. */
function partial(raw: number, rated: number) {
  const base = Math.floor(raw / rated);
  const extra = raw - base * rated;
  return scoresOf(Array.from({ length: 25 }, (_, i) => (i < rated ? base + (i < extra ? 1 : 0) : null)));
}

beforeAll(async () => {
  t = await testBackend();
  const add = async (key: string, site: string, kind: 'external' | 'self', date: string, ratings: ReturnType<typeof uniform>, status?: 'draft' | 'final') => {
    ids[key] = (await importReview(t.call, { site, region: REGION, kind, date, ratings, status })).reviewId;
  };
  // 20 items add up to 79: 98.75, rounded half up to 98.8 (floating point would give 98.7), band fair.
  await add('halfUp', 'Hervanta', 'external', '2025-02-03', partial(79, 20));
  // 24 items add up to 71: 73.958 -> 74.0, band fair (the band of the rounded value); 70 -> 72.9, poor.
  await add('roundedIntoFair', 'Kaleva', 'external', '2025-03-04', partial(71, 24));
  await add('poor', 'Lielahti', 'external', '2025-03-05', partial(70, 24));
  // 12 items: too few for a total.
  await add('insufficient', 'Hervanta', 'self', '2025-04-01', partial(48, 12));
  // A draft never counts.
  await add('draft', 'Kaleva', 'external', '2025-06-01', uniform(5), 'draft');
  // All 25 items: 100, good.
  await add('complete', 'Lielahti', 'external', '2024-01-10', uniform(4));
  const site = (await t.call('sites.list', {})).find((s) => s.name === 'Lielahti')!;
  // One reviewer, no consensus rows: the reviewer's own ratings are the result. 25 x 3 = 75.
  ids.single = await singleReviewerReview(t.call, site.id, 'self', '2025-05-05', uniform(3));
}, 60_000);

const totalsBySite = async (filters = {}) =>
  Object.fromEntries((await t.call('comparison.siteTotals', filters)).sites.map((s) => [s.siteName, { reviewId: s.reviewId, total: s.total, estimate: s.estimate, band: s.band }]));

describe('comparison totals and bands', () => {
  test('prorated totals round half up, the band is that of the rounded value, and drafts do not count', async () => {
    const { reviews } = await t.call('comparison.trend', { kind: 'external', siteId: (await t.call('sites.list', {})).find((s) => s.name === 'Hervanta')!.id });
    expect(reviews).toEqual([expect.objectContaining({ reviewId: ids.halfUp, total: 98.8, estimate: true, band: 'fair', ratedItems: 20, totalDecimals: 1, lowerBound: 84, upperBound: 104, bandCertain: false })]);
    expect(await totalsBySite({ kind: 'external' })).toEqual({
      Hervanta: { reviewId: ids.halfUp, total: 98.8, estimate: true, band: 'fair' },
      Kaleva: { reviewId: ids.roundedIntoFair, total: 74, estimate: true, band: 'fair' },
      Lielahti: { reviewId: ids.poor, total: 72.9, estimate: true, band: 'poor' },
    });
  });

  test('the latest review of each site, of any kind: too few items rated means no total; a single reviewer’s ratings count', async () => {
    expect(await totalsBySite()).toEqual({
      Hervanta: { reviewId: ids.insufficient, total: null, estimate: false, band: 'insufficient' },
      Kaleva: { reviewId: ids.roundedIntoFair, total: 74, estimate: true, band: 'fair' },
      Lielahti: { reviewId: ids.single, total: 75, estimate: false, band: 'fair' },
    });
    const bands = await t.call('comparison.bandsByRegion', {});
    expect(bands.bands).toEqual(['poor', 'fair', 'good', 'exemplary', 'insufficient']);
    expect(bands.regions).toEqual([{ regionId: expect.any(Number), regionCode: '08', regionName: REGION, sites: 3,
      counts: { poor: 0, fair: 2, good: 0, exemplary: 0, insufficient: 1 },
      // Kaleva's 74 is an estimate whose bounds span bands: fair only on the rated items.
      onRatedItems: { poor: 0, fair: 1, good: 0, exemplary: 0, insufficient: 0 } }]);
    // The base is the default version of new reviews (1.1.0); 1.0.0 declares the same items, so its reviews count.
    expect(await t.call('comparison.included', {})).toEqual({ scales: [{ id: 'ips-25', version: '1.0.0' }, { id: 'ips-25', version: '1.1.0' }], reviews: 6, sites: 3 });
  });

  test('the period filters by first visit date', async () => {
    expect(await totalsBySite({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ Lielahti: { reviewId: ids.complete, total: 100, estimate: false, band: 'good' } });
    expect((await t.call('comparison.siteTotals', { from: '2030-01-01' })).sites).toEqual([]);
  });

  test('an amendment replaces its original once it is final', async () => {
    const amendment = await t.call('reviews.amend', { reviewId: ids.complete!, reason: 'Kohta 1 korjattu' });
    await t.call('consensus.set', { reviewId: amendment.id, item: 1, score: 5 });
    const period = { from: '2024-01-01', to: '2024-12-31' };
    // Still in consensus: the original stands.
    expect((await totalsBySite(period)).Lielahti).toEqual({ reviewId: ids.complete, total: 100, estimate: false, band: 'good' });
    await t.call('reviews.setStatus', { id: amendment.id, status: 'final' });
    expect((await totalsBySite(period)).Lielahti).toEqual({ reviewId: amendment.id, total: 101, estimate: false, band: 'good' });
    expect((await t.call('comparison.included', period)).reviews).toBe(1);
  });

  test('options: the scale versions and what each compares with, regions and sites for the filters', async () => {
    const options = await t.call('comparison.options', {});
    expect(options.scales).toEqual([
      { id: 'ips-25', version: '1.0.0', latest: false, differsFromShipped: false, comparableWith: [{ id: 'ips-25', version: '1.1.0' }] },
      { id: 'ips-25', version: '1.1.0', latest: true, differsFromShipped: false, comparableWith: [{ id: 'ips-25', version: '1.0.0' }] },
    ]);
    expect(options.defaultScale).toEqual({ id: 'ips-25', version: '1.1.0' });
    expect(options.regions.map((r) => r.name)).toEqual([REGION]);
    expect(options.sites.map((s) => s.siteName)).toEqual(['Hervanta', 'Kaleva', 'Lielahti']);
  });

  test('refuses a period that ends before it starts, an unknown scale version and unknown fields', async () => {
    const bad = await t.backend.dispatch('comparison.siteTotals', { from: '2025-02-01', to: '2025-01-31' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'to', message: 'the period ends before it starts' }] } } });
    expect(await t.backend.dispatch('comparison.trend', { scale: { id: 'ips-25', version: '9.9.9' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await t.backend.dispatch('comparison.trend', { region: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.backend.dispatch('comparison.trend', { from: '2025-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('employment outcomes', () => {
  let siteId: number;
  beforeAll(async () => {
    siteId = (await t.call('sites.create', { name: 'Tampereen IPS', regionCode: '08' })).id;
  });

  test('saves, lists in period order, corrects and deletes a period, with an audit entry each', async () => {
    const second = await t.call('outcomes.save', { siteId, periodStart: '2025-07-01', periodEnd: '2025-12-31', clientsServed: 40, inCompetitiveWork: 18 });
    const first = await t.call('outcomes.save', { siteId, periodStart: '2025-01-01', periodEnd: '2025-06-30', clientsServed: 35, inCompetitiveWork: 0 });
    expect((await t.call('outcomes.list', { siteId })).map((o) => o.id)).toEqual([first.id, second.id]);
    const corrected = await t.call('outcomes.save', { id: second.id, siteId, periodStart: '2025-07-01', periodEnd: '2025-12-31', clientsServed: 40, inCompetitiveWork: 40 });
    expect(corrected).toMatchObject({ id: second.id, clientsServed: 40, inCompetitiveWork: 40, createdAt: second.createdAt });
    expect(await t.call('outcomes.delete', { id: first.id })).toEqual({ id: first.id });
    expect(await t.call('outcomes.list', { siteId })).toEqual([corrected]);
    const audit = await t.call('audit.list', { entity: 'employment-outcome' });
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create', 'create']);
  });

  const refusals: [string, Record<string, unknown>, string, string?][] = [
    ['a period that ends before it starts', { periodStart: '2026-06-30', periodEnd: '2026-01-01' }, 'invalid-input', 'periodEnd'],
    ['a date that does not exist', { periodStart: '2026-02-30' }, 'invalid-input', 'periodStart'],
    ['more clients in work than served', { clientsServed: 10, inCompetitiveWork: 11 }, 'invalid-input', 'inCompetitiveWork'],
    ['no clients served', { clientsServed: 0, inCompetitiveWork: 0 }, 'invalid-input', 'clientsServed'],
    ['a negative count', { inCompetitiveWork: -1 }, 'invalid-input', 'inCompetitiveWork'],
    ['a fractional count', { clientsServed: 10.5 }, 'invalid-input', 'clientsServed'],
    ['a count as text', { clientsServed: '10' }, 'invalid-input', 'clientsServed'],
    ['an unknown field', { note: 'x' }, 'invalid-input'],
    ['an unknown site', { siteId: 999 }, 'not-found'],
    ['an unknown record', { id: 999 }, 'not-found'],
    ['a period overlapping another of the site', { periodStart: '2025-12-01', periodEnd: '2026-03-31' }, 'conflict'],
  ];

  test.each(refusals)('refuses %s and changes nothing', async (_name, change, code, path) => {
    const before = dumpDatabase(t.dbFile);
    const response = await t.backend.dispatch('outcomes.save', { siteId, periodStart: '2026-01-01', periodEnd: '2026-06-30', clientsServed: 20, inCompetitiveWork: 5, ...change });
    expect(response).toMatchObject({ ok: false, error: { code } });
    if (path && !response.ok) expect(response.error.details?.issues?.map((i) => i.path)).toContain(path);
    expect(dumpDatabase(t.dbFile)).toEqual(before);
  });

  test('an overlap names the period it overlaps; a record cannot move to another site', async () => {
    const [existing] = await t.call('outcomes.list', { siteId });
    const overlap = await t.backend.dispatch('outcomes.save', { siteId, periodStart: '2025-12-31', periodEnd: '2026-01-31', clientsServed: 5, inCompetitiveWork: 1 });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'period-overlaps', periodStart: '2025-07-01', periodEnd: '2025-12-31' } } });
    const other = (await t.call('sites.list', {})).find((s) => s.name === 'Kaleva')!;
    const before = dumpDatabase(t.dbFile);
    const moved = await t.backend.dispatch('outcomes.save', { id: existing!.id, siteId: other.id, periodStart: '2025-07-01', periodEnd: '2025-12-31', clientsServed: 40, inCompetitiveWork: 40 });
    expect(moved).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'outcome-of-other-site' } } });
    expect(dumpDatabase(t.dbFile)).toEqual(before);
    expect(await t.backend.dispatch('outcomes.delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('fidelity against employment: the site’s periods in the filter period summed, against its latest review', async () => {
    await importReview(t.call, { site: 'Tampereen IPS', region: REGION, kind: 'external', date: '2025-03-01', ratings: uniform(4) });
    await t.call('outcomes.save', { siteId, periodStart: '2024-01-01', periodEnd: '2024-12-31', clientsServed: 10, inCompetitiveWork: 2 });
    const { sites } = await t.call('comparison.fidelityEmployment', { siteId });
    expect(sites).toEqual([{
      siteId, siteName: 'Tampereen IPS', regionId: expect.any(Number), regionCode: '08', regionName: REGION,
      periods: 2, periodStart: '2024-01-01', periodEnd: '2025-12-31', clientsServed: 50, inCompetitiveWork: 42, rate: 0.84,
      // No period reported the optional figures (tests/comparison/employment-outcomes-api.test.ts has them).
      measures: {
        competitiveWork: { periods: 2, count: 42, of: 50, share: 0.84 },
        workingOrStudying: { periods: 0, count: 0, of: 0, share: null },
        tenure6Months: { periods: 0, count: 0, of: 0, share: null },
        tenure12Months: { periods: 0, count: 0, of: 0, share: null },
      },
      review: expect.objectContaining({ date: '2025-03-01', total: 100, band: 'good' }),
    }]);
    const only2025 = await t.call('comparison.fidelityEmployment', { siteId, from: '2025-01-01' });
    expect(only2025.sites).toEqual([expect.objectContaining({ periods: 1, clientsServed: 40, inCompetitiveWork: 40, rate: 1 })]);
    // The latest review in the period: none in 2024.
    const only2024 = await t.call('comparison.fidelityEmployment', { siteId, to: '2024-12-31' });
    expect(only2024.sites).toEqual([expect.objectContaining({ periods: 1, rate: 0.2, review: null })]);
  });
});
