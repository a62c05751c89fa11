import { z } from 'zod';
import { RegionCode } from '../../scales/regions/fi-regions.ts';
import { FidelitySummary, Id, IsoDate, Region, ReviewKind } from './entities.ts';
import { call } from './call.ts';


const ScaleRef = z.object({ id: z.string(), version: z.string() });
export type ComparisonScaleRef = z.infer<typeof ScaleRef>;

/**
 * What a comparison looks at. Only final reviews count, and of an amended review only its final amendment. null
 * means "all". `scale` picks a scale version; reviews of other versions are included only when their items map
 * one to one onto it (same item numbers and keys), and every answer says which versions were included.
 */
export const ComparisonFilters = z.strictObject({
  regionId: Id.nullable().default(null),
  siteId: Id.nullable().default(null),
  /** Visit dates (the first day of a review's visit) from and to, inclusive. */
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  kind: ReviewKind.nullable().default(null),
  scale: z.strictObject({ id: z.string().min(1).max(100), version: z.string().min(1).max(50) }).nullable().default(null),
}).refine((f) => f.from === null || f.to === null || f.from <= f.to, { path: ['to'], message: 'the period ends before it starts' });
export type ComparisonFiltersInput = z.input<typeof ComparisonFilters>;

/** Which reviews an answer is about: the scale versions compared and how many reviews and sites. */
export const Included = z.object({
  scales: z.array(ScaleRef).min(1),
  reviews: z.number().int().min(0),
  sites: z.number().int().min(0),
});

/**
 * A review's result as the comparison shows it: its scale version and what scoreTotals says of its ratings (total,
 * estimate, mean, bounds, band and whether the band is certain), the same summary the site list shows.
 */
const ReviewResult = z.object({
  reviewId: Id,
  kind: ReviewKind,
  /** First visit date. */
  date: IsoDate,
  scale: ScaleRef,
}).extend(FidelitySummary.shape);
export type ComparisonReviewResult = z.infer<typeof ReviewResult>;

/** regionCode names a listed region (the renderer shows it in the UI language); null with a name: free text still to be mapped. */
const SiteRef = z.object({ siteId: Id, siteName: z.string(), regionId: Id.nullable(), regionCode: RegionCode.nullable(), regionName: z.string().nullable() });
export type ComparisonSiteRef = z.infer<typeof SiteRef>;
/** A site and its latest review in the filters, as one flat row (hundreds of them: flat is quick to check). */
const SiteResult = SiteRef.extend(ReviewResult.shape);
export type ComparisonSiteResult = z.infer<typeof SiteResult>;

export const EmploymentOutcome = z.object({
  id: Id,
  siteId: Id,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  clientsServed: z.number().int().positive(),
  inCompetitiveWork: z.number().int().min(0),
  /** The figures THL also follows (docs/employment-outcomes.md); null: the period did not report it. */
  workingOrStudying: z.number().int().min(0).nullable(),
  tenure6Months: z.number().int().min(0).nullable(),
  tenure12Months: z.number().int().min(0).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EmploymentOutcome = z.infer<typeof EmploymentOutcome>;

/**
 * The outcomes set against fidelity (docs/employment-outcomes.md): in competitive (open-market) work and working
 * or studying, as shares of clients served; job tenure of at least 6 and 12 months, as shares of those in
 * open-market work.
 */
export const EMPLOYMENT_MEASURES = ['competitiveWork', 'workingOrStudying', 'tenure6Months', 'tenure12Months'] as const;
export const EmploymentMeasure = z.enum(EMPLOYMENT_MEASURES);
export type EmploymentMeasure = z.infer<typeof EmploymentMeasure>;

/**
 * One outcome of a site over the periods that reported it: `periods` of them, `count` clients of `of` (clients
 * served, or in open-market work for tenure); share = count / of, null when no period reported it or `of` is 0.
 */
const MeasureShare = z.object({
  periods: z.number().int().min(0), count: z.number().int().min(0), of: z.number().int().min(0), share: z.number().min(0).max(1).nullable(),
});
export type EmploymentMeasureShare = z.infer<typeof MeasureShare>;
const Correlation = z.number().min(-1).max(1).nullable();

const OptionalCount = z.number().int().min(0).max(1_000_000).nullable().optional();

const OutcomeInput = z.strictObject({
  /** Given: corrects that record; absent: a new one. */
  id: Id.optional(),
  siteId: Id,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  clientsServed: z.number().int().min(1).max(1_000_000),
  inCompetitiveWork: z.number().int().min(0).max(1_000_000),
  /** Optional figures (absent or null: not reported). Clients working or studying at the period's end. */
  workingOrStudying: OptionalCount,
  /** Of those in competitive work at the period's end, how many had held their work at least 6 / 12 months. */
  tenure6Months: OptionalCount,
  tenure12Months: OptionalCount,
})
  .refine((o) => o.periodStart <= o.periodEnd, { path: ['periodEnd'], message: 'the period ends before it starts' })
  .refine((o) => o.inCompetitiveWork <= o.clientsServed, { path: ['inCompetitiveWork'], message: 'more clients in competitive work than clients served' })
  .superRefine((o, ctx) => {
    const problem = (path: keyof typeof o, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    // The same nesting the database checks (migration 014).
    const studying = o.workingOrStudying ?? null;
    if (studying !== null && studying > o.clientsServed) problem('workingOrStudying', 'more clients working or studying than clients served');
    else if (studying !== null && studying < o.inCompetitiveWork) problem('workingOrStudying', 'fewer clients working or studying than in competitive work');
    const six = o.tenure6Months ?? null;
    const twelve = o.tenure12Months ?? null;
    if (six !== null && six > o.inCompetitiveWork) problem('tenure6Months', 'more clients with 6 months in work than in competitive work');
    if (twelve !== null && twelve > o.inCompetitiveWork) problem('tenure12Months', 'more clients with 12 months in work than in competitive work');
    else if (twelve !== null && six !== null && twelve > six) problem('tenure12Months', 'more clients with 12 months in work than with 6 months');
  });

/** Issue 6: comparison across sites and regions, and the employment outcomes it sets fidelity against. */
export const comparisonContract = {
  /** What the filters offer: the scale versions (with those each can be compared with), regions and sites. */
  'comparison.options': call(z.strictObject({}), z.object({
    /** differsFromShipped: received in a bundle with band limits or items other than the shipped scale's. */
    scales: z.array(ScaleRef.extend({ latest: z.boolean(), differsFromShipped: z.boolean(), comparableWith: z.array(ScaleRef) })),
    defaultScale: ScaleRef.nullable(),
    regions: z.array(Region),
    sites: z.array(SiteRef),
  })),
  /**
   * Which scale versions are compared and how many reviews and sites the filters include. Fetched once per filter
   * change, beside the view shown: switching views does not count again.
   */
  'comparison.included': call(ComparisonFilters, Included),
  /** Per region: how many sites are in each band, by each site's latest review in the filters. */
  'comparison.bandsByRegion': call(ComparisonFilters, z.object({
    /** Band keys from lowest to highest, then "insufficient". */
    bands: z.array(z.string()),
    /** counts: sites per band; onRatedItems: of those, sites whose band is an estimate's, not certain (bandCertain). */
    regions: z.array(z.object({
      regionId: Id.nullable(), regionCode: RegionCode.nullable(), regionName: z.string().nullable(), sites: z.number().int(),
      counts: z.record(z.string(), z.number().int()), onRatedItems: z.record(z.string(), z.number().int()),
    })),
  })),
  /** Each site's latest review in the filters, highest total first (no total last). */
  'comparison.siteTotals': call(ComparisonFilters, z.object({ sites: z.array(SiteResult) })),
  /** Each site's latest review item by item: scores[i] is item items[i] (null: not rated). Highest total first. */
  'comparison.itemHeatmap': call(ComparisonFilters, z.object({
    items: z.array(z.number().int()),
    sites: z.array(SiteResult.extend({ scores: z.array(z.number().int().nullable()) })),
  })),
  /** Mean score of each item over the sites' latest reviews, weakest first (items no site rated last). */
  'comparison.weakestItems': call(ComparisonFilters, z.object({
    items: z.array(z.object({ item: z.number().int(), ratedSites: z.number().int(), mean: z.number().nullable() })),
  })),
  /**
   * Mean totals per year and kind (estimates included: `estimates` says how many of the `withTotal` totals are);
   * with a site chosen, also each of its reviews.
   */
  'comparison.trend': call(ComparisonFilters, z.object({
    years: z.array(z.object({
      year: z.number().int(), kind: ReviewKind, reviews: z.number().int(), withTotal: z.number().int(), estimates: z.number().int(), meanTotal: z.number().nullable(),
    })),
    reviews: z.array(ReviewResult),
  })),
  /**
   * Sites with both kinds: the latest self-assessment against the latest external review, item by item (the kind
   * filter does not apply). items: the mean of each over those sites.
   */
  'comparison.selfVsExternal': call(ComparisonFilters, z.object({
    pairs: z.array(SiteRef.extend({ self: ReviewResult, external: ReviewResult })),
    items: z.array(z.object({
      item: z.number().int(),
      selfMean: z.number().nullable(), selfRated: z.number().int(),
      externalMean: z.number().nullable(), externalRated: z.number().int(),
    })),
  })),
  /**
   * Fidelity against employment, per site: its employment outcome periods overlapping the filter period, summed,
   * each outcome's share over the periods that reported it, and its latest review in the filters (null when none).
   */
  'comparison.fidelityEmployment': call(ComparisonFilters, z.object({
    sites: z.array(SiteRef.extend({
      periods: z.number().int().positive(), periodStart: IsoDate, periodEnd: IsoDate,
      clientsServed: z.number().int(), inCompetitiveWork: z.number().int(), rate: z.number().min(0).max(1),
      measures: z.object(Object.fromEntries(EMPLOYMENT_MEASURES.map((m) => [m, MeasureShare])) as Record<EmploymentMeasure, typeof MeasureShare>),
      review: ReviewResult.nullable(),
    })),
    /**
     * Per outcome, Pearson's r between total and share over the sites with a total and a share; null with fewer
     * than 3 such sites or no variance.
     */
    correlations: z.object(Object.fromEntries(EMPLOYMENT_MEASURES.map((m) => [m, Correlation])) as Record<EmploymentMeasure, typeof Correlation>),
  })),

  'outcomes.list': call(z.strictObject({ siteId: Id }), z.array(EmploymentOutcome)),
  /** Records a period's outcome (id: corrects an existing one). Periods of a site may not overlap. */
  'outcomes.save': call(OutcomeInput, EmploymentOutcome),
  'outcomes.delete': call(z.strictObject({ id: Id }), z.object({ id: Id })),
} as const;
