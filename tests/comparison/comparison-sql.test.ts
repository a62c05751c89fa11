import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDataset } from '../../bench/dataset.ts';
import { comparedScales } from '../../electron/backend/handlers/comparison-scales.ts';
import { COMPARISON_SQL, type ComparisonParams } from '../../electron/backend/store/comparison-sql.ts';
import type { ReviewResultRow } from '../../electron/backend/store/comparison-store.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { scoreTotals } from '../../scales/scoring.ts';
import { tempDbFile, testBackend, type TestBackend } from '../fixtures/backend.ts';
import { compared, employmentBySite, engineData, itemMeans, latestBySite, resultOf, sideOf, type EngineData, type Filters } from './reference-views.ts';

/**
 * The comparison's SQL against the scoring engine on a generated national data set (bench/dataset.ts, scaled
 * down): every review's facts, and every view under several filters, computed both ways.
 */
let t: TestBackend;
let data: EngineData;

beforeAll(async () => {
  const dbFile = tempDbFile();
  await generateDataset(dbFile, { reviews: 640, sites: 32, regions: 5, seed: 11 });
  t = await testBackend(dbFile);
  data = await engineData(t.call, dbFile);
}, 120_000);

const FILTERS: Filters[] = [
  {},
  { regionId: 2 },
  { kind: 'external' },
  { kind: 'peer' },
  { kind: 'self', from: '2021-03-01', to: '2023-06-30' },
  { siteId: 7 },
  { regionId: 4, from: '2024-01-01' },
];

describe('the stored facts of each review (migration 006 triggers)', () => {
  test('the data set mixes what the SQL must handle', () => {
    const statuses = new Set(data.reviews.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['consensus', 'draft', 'final']);
    expect(data.reviews.some((r) => r.estimate)).toBe(true);
    expect(data.reviews.some((r) => r.band === 'insufficient')).toBe(true);
    expect(data.reviews.some((r) => r.amends !== null)).toBe(true);
    // All three kinds (issue 13), and sites whose latest review from outside is a peer review.
    expect(new Set(data.reviews.map((r) => r.kind))).toEqual(new Set(['external', 'self', 'peer']));
    const latestOutside = latestBySite(compared(data, {}, { kind: false }).filter((r) => sideOf(r.kind) === 'external'), (r) => String(r.siteId));
    expect([...latestOutside.values()].some((r) => r.kind === 'peer')).toBe(true);
    const db = new BetterSqlite3(t.dbFile, { readonly: true });
    const sources = db.prepare(`SELECT
        sum(EXISTS (SELECT 1 FROM consensus_ratings c WHERE c.review_id = r.id)) AS consensus,
        sum(NOT EXISTS (SELECT 1 FROM consensus_ratings c WHERE c.review_id = r.id) AND (SELECT count(*) FROM reviewers v WHERE v.review_id = r.id) = 1) AS onlyReviewer,
        sum(NOT EXISTS (SELECT 1 FROM consensus_ratings c WHERE c.review_id = r.id) AND (SELECT count(*) FROM reviewers v WHERE v.review_id = r.id) > 1) AS noResult
      FROM reviews r`).get() as Record<string, number>;
    db.close();
    expect(sources.consensus).toBeGreaterThan(50);
    expect(sources.onlyReviewer).toBeGreaterThan(50);
    expect(sources.noResult).toBeGreaterThan(0);
  });

  test('rated items, raw total and first visit equal the engine for every review, whatever its status', async () => {
    const db = new BetterSqlite3(t.dbFile, { readonly: true });
    const facts = new Map((db.prepare('SELECT review_id, first_visit, rated_items, raw_total FROM review_result_facts').all() as { review_id: number; first_visit: string; rated_items: number; raw_total: number }[]).map((f) => [f.review_id, f]));
    db.close();
    expect(facts.size).toBe(data.reviews.length);
    for (const review of data.reviews) {
      const detail = await t.call('scoring.review', { reviewId: review.id });
      expect(facts.get(review.id), `review ${review.id}`).toEqual({ review_id: review.id, first_visit: review.date, rated_items: detail.ratedItems, raw_total: detail.rawTotal });
    }
  });
});

describe.each(FILTERS)('views with filters %j equal the engine', (filters) => {
  test('trend: every compared review of a site with its total, estimate and band; yearly means', async () => {
    const sites = [...new Set(compared(data, filters).map((r) => r.siteId))].slice(0, 6);
    for (const siteId of sites) {
      const { reviews } = await t.call('comparison.trend', { ...filters, siteId });
      const expected = compared(data, { ...filters, siteId }).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id).map(resultOf);
      expect(reviews).toEqual(expected);
    }
    const { years } = await t.call('comparison.trend', filters);
    const included = await t.call('comparison.included', filters);
    const reviews = compared(data, filters);
    expect(included.reviews).toBe(reviews.length);
    expect(included.sites).toBe(new Set(reviews.map((r) => r.siteId)).size);
    for (const year of years) {
      const inYear = reviews.filter((r) => Number(r.date.slice(0, 4)) === year.year && r.kind === year.kind);
      const totals = inYear.flatMap((r) => (r.total === null ? [] : [r.total]));
      expect(year.reviews).toBe(inYear.length);
      expect(year.withTotal).toBe(totals.length);
      expect(year.estimates).toBe(inYear.filter((r) => r.estimate).length);
      expect(year.meanTotal).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / totals.length, 9);
    }
    expect(years.reduce((n, y) => n + y.reviews, 0)).toBe(reviews.length);
  });

  test('site totals, bands per region and the heat map use each site’s latest review', async () => {
    const latest = [...latestBySite(compared(data, filters)).values()];
    const totals = await t.call('comparison.siteTotals', filters);
    expect(totals.sites.map(({ siteName: _n, regionId: _r, regionCode: _c, regionName: _g, ...rest }) => rest)).toEqual(
      expect.arrayContaining(latest.map((r) => ({ siteId: r.siteId, ...resultOf(r) }))));
    expect(totals.sites).toHaveLength(latest.length);
    const ordered = totals.sites.map((s) => s.total ?? -1);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));

    const bands = await t.call('comparison.bandsByRegion', filters);
    for (const region of bands.regions) {
      const here = latest.filter((r) => r.regionId === region.regionId);
      expect(region.sites).toBe(here.length);
      for (const band of bands.bands) {
        expect(region.counts[band], `${region.regionName} ${band}`).toBe(here.filter((r) => r.band === band).length);
        expect(region.onRatedItems[band], `${region.regionName} ${band} on the rated items`).toBe(here.filter((r) => r.band === band && r.total !== null && !r.bandCertain).length);
      }
    }
    expect(bands.regions.reduce((n, r) => n + r.sites, 0)).toBe(latest.length);

    const heatmap = await t.call('comparison.itemHeatmap', filters);
    expect(heatmap.items).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (const site of heatmap.sites) {
      const scores = await data.scores(site.reviewId);
      expect(site.scores, `site ${site.siteId}`).toEqual(heatmap.items.map((item) => scores.get(item) ?? null));
    }
  });

  test('weakest items: mean item scores over the latest reviews, weakest first', async () => {
    const latest = [...latestBySite(compared(data, filters)).values()];
    const means = await itemMeans(data, latest);
    const { items } = await t.call('comparison.weakestItems', filters);
    expect(items).toHaveLength(25);
    for (const row of items) {
      const expected = means.get(row.item);
      expect(row.ratedSites).toBe(expected?.rated ?? 0);
      if (expected) expect(row.mean).toBeCloseTo(expected.mean, 9);
      else expect(row.mean).toBeNull();
    }
    const rated = items.filter((i) => i.mean !== null).map((i) => i.mean!);
    expect(rated).toEqual([...rated].sort((a, b) => a - b));
  });

  test('self-assessment against external review: latest of each side (a peer review counts as external), sites with both, kind filter ignored', async () => {
    const byKind = latestBySite(compared(data, filters, { kind: false }), (r) => `${r.siteId}:${sideOf(r.kind)}`);
    const siteIds = [...new Set([...byKind.values()].map((r) => r.siteId))].filter((id) => byKind.has(`${id}:self`) && byKind.has(`${id}:external`));
    const answer = await t.call('comparison.selfVsExternal', filters);
    expect(answer.pairs.map((p) => [p.siteId, p.self, p.external]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      siteIds.sort((a, b) => a - b).map((id) => [id, resultOf(byKind.get(`${id}:self`)!), resultOf(byKind.get(`${id}:external`)!)]));
    for (const kind of ['self', 'external'] as const) {
      const means = await itemMeans(data, siteIds.map((id) => byKind.get(`${id}:${kind}`)!));
      for (const row of answer.items) {
        const expected = means.get(row.item);
        expect(row[`${kind}Rated`]).toBe(expected?.rated ?? 0);
        if (expected) expect(row[`${kind}Mean`]).toBeCloseTo(expected.mean, 9);
      }
    }
  });

  test('fidelity against employment: per site, outcome periods in the period summed, with its latest review', async () => {
    const answer = await t.call('comparison.fidelityEmployment', filters);
    const expected = employmentBySite(data, filters);
    const strip = ({ siteName: _n, regionId: _r, regionCode: _c, regionName: _g, ...rest }: (typeof answer.sites)[number]) => rest;
    expect(answer.sites.map(strip).sort((a, b) => a.siteId - b.siteId)).toEqual(expected.sites.sort((a, b) => a.siteId - b.siteId));
    // The data set leaves the optional figures out of some periods, so "over the periods that reported it" matters.
    if (answer.sites.length >= 10) {
      expect(answer.sites.some((s) => s.measures.tenure12Months.periods > 0 && s.measures.tenure12Months.periods < s.periods)).toBe(true);
      expect(answer.correlations.tenure12Months).not.toBeNull();
    }
    for (const [measure, r] of Object.entries(expected.correlations)) {
      const got = answer.correlations[measure as keyof typeof answer.correlations];
      if (r === null) expect(got, measure).toBeNull();
      else expect(got, measure).toBeCloseTo(r, 9);
    }
  });
});

describe('the SQL restates scoreTotals: its totals and bands are the engine’s', () => {
  const { registry } = loadScaleRegistry();
  const scales = comparedScales(registry, null);
  const base: ComparisonParams = { scales: scales.rulesJson, region: null, site: null, kind: null, from: '0000-01-01', to: '9999-12-31' };
  const versionOf = (row: ReviewResultRow) => registry.get(row.scaleId, row.scaleVersion)!.data;

  test('every compared review of every site: the statement’s total and band equal scoreTotals on its rated items and raw total', () => {
    const db = new BetterSqlite3(t.dbFile, { readonly: true });
    try {
      const siteIds = [...new Set(compared(data, {}).map((r) => r.siteId))];
      let checked = 0;
      let estimates = 0;
      for (const site of siteIds) {
        for (const row of db.prepare(COMPARISON_SQL.trendReviews).all({ ...base, site }) as ReviewResultRow[]) {
          const engine = scoreTotals(versionOf(row), { ratedItems: row.ratedItems, rawTotal: row.rawTotal });
          expect({ total: row.total, band: row.band }, `review ${row.reviewId}`).toEqual({ total: engine.total, band: engine.band });
          checked += 1;
          if (engine.estimate) estimates += 1;
        }
      }
      expect(checked).toBe(compared(data, {}).length);
      expect(estimates).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
