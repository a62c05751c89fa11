import type { z } from 'zod';
import type { RegionCode } from '../../../scales/regions/fi-regions.ts';
import type { ComparisonSide } from '../../../scales/review-rules/review-kinds.ts';
import {
  EMPLOYMENT_MEASURES, type ComparisonFilters, type ComparisonReviewResult, type EmploymentMeasure, type EmploymentMeasureShare,
} from '../../contract/comparison-contract.ts';
import type { ComparisonParams } from '../store/comparison-sql.ts';
import { comparisonRows, parseScores, regionsAndSites, type ReviewResultRow, type SiteColumns } from '../store/comparison-store.ts';
import { itemsMapOneToOne } from '../../../scales/scale-comparability.ts';
import { bandStatement } from '../../../scales/review-rules/total-format.ts';
import { scoreTotals } from '../../../scales/scoring.ts';
import { comparedScales, defaultScale, type ComparedScales } from './comparison-scales.ts';
import { adoptedVersion, DEFAULT_SCALE_ID } from './default-scale.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { outcomeHandlers } from './outcome-handlers.ts';

type Filters = z.output<typeof ComparisonFilters>;

/** The statements' bound values for the filters; open period ends become dates every ISO date sorts between. */
function bind(ctx: HandlerContext, filters: Filters) {
  const scales = comparedScales(ctx.registry, filters.scale, adoptedVersion(ctx, DEFAULT_SCALE_ID));
  const params: ComparisonParams = {
    scales: scales.rulesJson,
    region: filters.regionId,
    site: filters.siteId,
    kind: filters.kind,
    from: filters.from ?? '0000-01-01',
    to: filters.to ?? '9999-12-31',
  };
  return { scales, params };
}

/**
 * A review's totals by the one home of the partial-review rule, scoreTotals, from the rated-item count and raw total
 * the statement read (the SQL's own total and band only order and group the rows).
 */
function totalsOf(scales: ComparedScales, row: { scaleId: string; scaleVersion: string; ratedItems: number; rawTotal: number }) {
  const version = scales.versions.find((v) => v.data.id === row.scaleId && v.data.version === row.scaleVersion);
  // The statements join only the versions in @scales, so a row of another version cannot occur.
  if (!version) throw new Error(`comparison row of a scale version not compared: ${row.scaleId} ${row.scaleVersion}`);
  const { rawTotal: _raw, complete: _complete, ...summary } = scoreTotals(version.data, { ratedItems: row.ratedItems, rawTotal: row.rawTotal });
  return summary;
}

const reviewResultOf = (scales: ComparedScales) => (row: ReviewResultRow): ComparisonReviewResult => ({
  reviewId: row.reviewId,
  kind: row.kind,
  date: row.date,
  scale: { id: row.scaleId, version: row.scaleVersion },
  ...totalsOf(scales, row),
});

const siteRef = (row: SiteColumns): SiteColumns => ({ siteId: row.siteId, siteName: row.siteName, regionId: row.regionId, regionCode: row.regionCode, regionName: row.regionName });

/** Pearson's r; null when it is undefined (fewer than 3 points, or no spread on an axis). */
export function pearson(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 3) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** An outcome over the periods that reported it: `count` of `of`; no share when none did or `of` is 0. */
export function measureShare(periods: number, count: number, of: number): EmploymentMeasureShare {
  return { periods, count, of, share: periods > 0 && of > 0 ? count / of : null };
}

type ComparisonCall = 'comparison.options' | 'comparison.included' | 'comparison.bandsByRegion' | 'comparison.siteTotals' | 'comparison.itemHeatmap' |
  'comparison.weakestItems' | 'comparison.trend' | 'comparison.selfVsExternal' | 'comparison.fidelityEmployment';
type OutcomeCall = 'outcomes.list' | 'outcomes.save' | 'outcomes.delete';

/** Handlers of this feature's calls (issue 6). All read-only except the outcomes. */
export const comparisonHandlers: HandlerGroup<ComparisonCall | OutcomeCall> = {
  'comparison.options': (_input, ctx) => {
    const versions = ctx.registry.list();
    const fallback = defaultScale(ctx.registry, adoptedVersion(ctx, DEFAULT_SCALE_ID));
    return {
      scales: versions.map((v) => ({
        id: v.data.id,
        version: v.data.version,
        // The version new reviews of this scale default to (ScaleRegistry.defaultVersion), not merely the newest.
        latest: ctx.registry.defaultVersion(v.data.id, adoptedVersion(ctx, v.data.id)) === v,
        differsFromShipped: ctx.registry.differsFromShipped(v),
        comparableWith: versions.filter((o) => o !== v && itemsMapOneToOne(v, o)).map((o) => ({ id: o.data.id, version: o.data.version })),
      })),
      defaultScale: fallback ? { id: fallback.data.id, version: fallback.data.version } : null,
      ...regionsAndSites(ctx.db),
    };
  },

  'comparison.included': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const counts = comparisonRows(ctx.db, 'included', params)[0] ?? { reviews: 0, sites: 0 };
    return { scales: scales.versions.map((v) => ({ id: v.data.id, version: v.data.version })), ...counts };
  },

  'comparison.bandsByRegion': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const bands = [...[...scales.base.data.scoring.bands].sort((a, b) => a.min - b.min).map((b) => b.key), 'insufficient'];
    type Region = { regionId: number | null; regionCode: RegionCode | null; regionName: string | null; sites: number; counts: Record<string, number>; onRatedItems: Record<string, number> };
    const regions = new Map<number | null, Region>();
    const zeros = () => Object.fromEntries(bands.map((b) => [b, 0]));
    for (const row of comparisonRows(ctx.db, 'bandsByRegion', params)) {
      let region = regions.get(row.regionId);
      if (!region) regions.set(row.regionId, (region = { regionId: row.regionId, regionCode: row.regionCode, regionName: row.regionName, sites: 0, counts: zeros(), onRatedItems: zeros() }));
      const score = totalsOf(scales, row);
      region.sites += 1;
      region.counts[score.band] = (region.counts[score.band] ?? 0) + 1;
      if (bandStatement(score) === 'on-rated-items') region.onRatedItems[score.band] = (region.onRatedItems[score.band] ?? 0) + 1;
    }
    // By name; sites without a region last.
    const ordered = [...regions.values()].sort((a, b) =>
      a.regionName === null ? 1 : b.regionName === null ? -1 : a.regionName.localeCompare(b.regionName, 'fi'));
    return { bands, regions: ordered };
  },

  'comparison.siteTotals': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const reviewResult = reviewResultOf(scales);
    return { sites: comparisonRows(ctx.db, 'siteTotals', params).map((row) => ({ ...siteRef(row), ...reviewResult(row) })) };
  },

  'comparison.itemHeatmap': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const items = scales.base.data.items.map((i) => i.number);
    const reviewResult = reviewResultOf(scales);
    const sites = comparisonRows(ctx.db, 'itemHeatmap', params).map((row) => {
      const scores = parseScores(row.scores);
      return { ...siteRef(row), ...reviewResult(row), scores: items.map((item) => scores.get(item) ?? null) };
    });
    return { items, sites };
  },

  'comparison.weakestItems': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const rows = comparisonRows(ctx.db, 'weakestItems', params);
    const rated = new Set(rows.map((r) => r.item));
    // Items no site rated come last, with no mean: they are unknown, not weak.
    const unrated = scales.base.data.items.filter((i) => !rated.has(i.number)).map((i) => ({ item: i.number, ratedSites: 0, mean: null }));
    return { items: [...rows.map((r) => ({ item: r.item, ratedSites: r.ratedSites, mean: r.mean })), ...unrated] };
  },

  'comparison.trend': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    return { years: comparisonRows(ctx.db, 'trendYears', params), reviews: comparisonRows(ctx.db, 'trendReviews', params).map(reviewResultOf(scales)) };
  },

  'comparison.selfVsExternal': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const reviewResult = reviewResultOf(scales);
    const pairs = new Map<number, { site: SiteColumns; self?: ComparisonReviewResult; external?: ComparisonReviewResult }>();
    const sums = { self: new Map<number, { sum: number; rated: number }>(), external: new Map<number, { sum: number; rated: number }>() };
    for (const row of comparisonRows(ctx.db, 'selfVsExternal', params)) {
      const pair = pairs.get(row.siteId) ?? { site: siteRef(row) };
      pair[row.side] = reviewResult(row);
      pairs.set(row.siteId, pair);
      for (const [item, score] of parseScores(row.scores)) {
        const sum = sums[row.side].get(item) ?? { sum: 0, rated: 0 };
        sums[row.side].set(item, { sum: sum.sum + score, rated: sum.rated + 1 });
      }
    }
    const mean = (kind: ComparisonSide, item: number) => {
      const sum = sums[kind].get(item);
      return { mean: sum ? sum.sum / sum.rated : null, rated: sum?.rated ?? 0 };
    };
    return {
      pairs: [...pairs.values()].flatMap(({ site, self, external }) => (self && external ? [{ ...site, self, external }] : [])),
      items: scales.base.data.items.map(({ number: item }) => ({
        item,
        selfMean: mean('self', item).mean, selfRated: mean('self', item).rated,
        externalMean: mean('external', item).mean, externalRated: mean('external', item).rated,
      })),
    };
  },

  'comparison.fidelityEmployment': (filters, ctx) => {
    const { scales, params } = bind(ctx, filters);
    const reviewResult = reviewResultOf(scales);
    const sites = comparisonRows(ctx.db, 'fidelityEmployment', params).map((row) => ({
      ...siteRef(row),
      periods: row.periods,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      clientsServed: row.clientsServed,
      inCompetitiveWork: row.inCompetitiveWork,
      rate: row.inCompetitiveWork / row.clientsServed,
      measures: {
        competitiveWork: measureShare(row.periods, row.inCompetitiveWork, row.clientsServed),
        workingOrStudying: measureShare(row.studyingPeriods, row.workingOrStudying, row.studyingOf),
        tenure6Months: measureShare(row.sixPeriods, row.tenure6Months, row.sixOf),
        tenure12Months: measureShare(row.twelvePeriods, row.tenure12Months, row.twelveOf),
      },
      review: row.reviewId === null ? null : reviewResult(row as ReviewResultRow),
    }));
    const correlationOf = (measure: EmploymentMeasure) =>
      pearson(sites.flatMap((s) => (s.review?.total != null && s.measures[measure].share !== null ? [{ x: s.review.total, y: s.measures[measure].share }] : [])));
    return { sites, correlations: Object.fromEntries(EMPLOYMENT_MEASURES.map((m) => [m, correlationOf(m)])) as Record<EmploymentMeasure, number | null> };
  },

  ...outcomeHandlers,
};

