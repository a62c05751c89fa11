import { z } from 'zod';
import { formatPath, type Problem } from './problem.ts';
import type { FidelityBandDefinition, ScaleVersionData } from './scale-schema.ts';

/**
 * Why an item has no score (facts file, partial reviews): no data (collect it before leaving the site: a follow-up
 * task), not assessed in this review (agreed scope), or the service model differs (an adapted model; say how).
 * The published scale has no "not applicable": review files and databases written before scale text 1.1.0 say
 * "not-applicable", which is read as "model-differs" (LEGACY_NOT_RATED_REASONS); it scores the same, unrated.
 */
export const NOT_RATED_REASONS = ['no-data', 'not-assessed', 'model-differs'] as const;
export const NotRatedReason = z.enum(NOT_RATED_REASONS);
export type NotRatedReason = z.infer<typeof NotRatedReason>;

/** Reason codes older files and databases hold, and what each means now. */
export const LEGACY_NOT_RATED_REASONS: Readonly<Record<string, NotRatedReason>> = { 'not-applicable': 'model-differs' };

/** A stored or received reason code as today's reason: the legacy code mapped, an unknown code left as it is. */
export const currentReason = (reason: string): string => LEGACY_NOT_RATED_REASONS[reason] ?? reason;

/** A reason as review files accept it: today's codes, or a legacy code, read as today's. */
export const NotRatedReasonInput = z.enum([...NOT_RATED_REASONS, 'not-applicable']).transform((reason) => NotRatedReason.parse(currentReason(reason)));

/** One item's rating as any source gives it; the engine checks it against the scale. */
export interface RatingInput {
  item: number;
  score: number | null;
  reason?: string | undefined;
}

export const INSUFFICIENT = 'insufficient';

const Count = z.number().int();

export const SectionScore = z.object({
  key: z.string(),
  totalItems: Count,
  ratedItems: Count,
  rawTotal: Count,
  /** null when no item of the section is rated. */
  meanScore: z.number().nullable(),
});
export type SectionScore = z.infer<typeof SectionScore>;

export const NotRatedItem = z.object({
  item: Count,
  /** null: the item is simply not rated yet (absent from the ratings). */
  reason: NotRatedReason.nullable(),
});
export type NotRatedItem = z.infer<typeof NotRatedItem>;

/**
 * What a review's ratings say about its total, and no more (the facts file's partial-review rule). The contract
 * derives its score types from this schema; they are never written twice.
 */
export const FidelityScoreTotals = z.object({
  totalItems: Count,
  ratedItems: Count,
  rawTotal: Count,
  /** Mean of the rated items, unrounded; null when nothing is rated. */
  meanScore: z.number().nullable(),
  complete: z.boolean(),
  /**
   * Complete review: the integer sum. Partial review with enough rated items: the prorated estimate,
   * already rounded as the scale says, so the band below is the band of exactly this number.
   * Too few rated items: null.
   */
  total: z.number().nullable(),
  /** Decimals the total is printed with: 0 for a sum, the scale's partial decimals for an estimate. */
  totalDecimals: Count,
  estimate: z.boolean(),
  /** A band key of the scale, or "insufficient". For an estimate: the band on the rated items. */
  band: z.string(),
  /** The total if every unrated item scored the lowest (lower) or highest (upper) score; the sum when complete. */
  lowerBound: Count,
  upperBound: Count,
  /** The band is known: the review is complete, or both bounds lie in the band given. */
  bandCertain: z.boolean(),
});
export type FidelityScoreTotals = z.infer<typeof FidelityScoreTotals>;

export const FidelityScore = FidelityScoreTotals.extend({
  scale: z.object({ id: z.string(), version: z.string() }),
  sections: z.array(SectionScore),
  notRated: z.array(NotRatedItem),
});
export type FidelityScore = z.infer<typeof FidelityScore>;

export type ScoringResult = { ok: true; score: FidelityScore } | { ok: false; problems: Problem[] };

/** Every problem in the ratings at once; an empty list means the engine can score them. */
export function ratingProblems(scale: ScaleVersionData, ratings: readonly RatingInput[], pathPrefix = 'ratings'): Problem[] {
  const problems: Problem[] = [];
  const itemNumbers = new Set(scale.items.map((item) => item.number));
  const seenAt = new Map<number, number>();
  const { min, max } = scale.scoring.itemRange;
  const lastItem = scale.items.length;
  ratings.forEach((rating, index) => {
    const at = (field?: string) => formatPath(field ? [pathPrefix, index, field] : [pathPrefix, index]);
    const item = rating.item;
    if (!itemNumbers.has(item)) {
      problems.push({ code: 'unknown-item', path: at('item'), message: `item ${item} is not in ${scale.id} ${scale.version} (items 1–${lastItem})`, params: { item, last: lastItem } });
    } else {
      const first = seenAt.get(item);
      if (first !== undefined) {
        problems.push({ code: 'duplicate-item', path: at('item'), message: `item ${item} is rated twice (also at ${formatPath([pathPrefix, first])})`, params: { item, other: formatPath([pathPrefix, first]) } });
      } else {
        seenAt.set(item, index);
      }
    }
    if (rating.score === null) {
      if (rating.reason === undefined || rating.reason === '') {
        problems.push({ code: 'reason-missing', path: at('reason'), message: `item ${item} is not rated; say why (no-data, not-assessed or model-differs)`, params: { item } });
      } else if (!NotRatedReason.safeParse(currentReason(rating.reason)).success) {
        problems.push({ code: 'reason-unknown', path: at('reason'), message: `"${rating.reason}" is not a reason; use no-data, not-assessed or model-differs`, params: { item, reason: rating.reason } });
      }
      return;
    }
    if (!Number.isInteger(rating.score)) {
      problems.push({ code: 'score-not-integer', path: at('score'), message: `item ${item}: the score ${rating.score} is not a whole number`, params: { item, score: rating.score } });
    } else if (rating.score < min || rating.score > max) {
      problems.push({ code: 'score-out-of-range', path: at('score'), message: `item ${item}: the score ${rating.score} is outside ${min}–${max}`, params: { item, score: rating.score, min, max } });
    }
    if (rating.reason !== undefined) {
      problems.push({ code: 'reason-with-score', path: at('reason'), message: `item ${item} has a score and also a reason for not being rated; keep one`, params: { item } });
    }
  });
  return problems;
}

/** Scores a full or partial review. Pure: the same scale version and ratings always give the same result. */
export function scoreRatings(scale: ScaleVersionData, ratings: readonly RatingInput[]): ScoringResult {
  const problems = ratingProblems(scale, ratings);
  if (problems.length > 0) return { ok: false, problems };

  const byItem = new Map(ratings.map((rating) => [rating.item, rating]));
  const scoreOf = (item: number) => byItem.get(item)?.score ?? null;

  const rated = scale.items.filter((item) => scoreOf(item.number) !== null);
  const totals = scoreTotals(scale, { ratedItems: rated.length, rawTotal: rated.reduce((sum, item) => sum + (scoreOf(item.number) ?? 0), 0) });

  const sections: SectionScore[] = scale.sections.map((section) => {
    const scores = section.items.map(scoreOf).filter((s): s is number => s !== null);
    const sum = scores.reduce((a, b) => a + b, 0);
    return { key: section.key, totalItems: section.items.length, ratedItems: scores.length, rawTotal: sum, meanScore: scores.length ? sum / scores.length : null };
  });

  const notRated: NotRatedItem[] = scale.items
    .filter((item) => scoreOf(item.number) === null)
    .map((item) => {
      const reason = byItem.get(item.number)?.reason;
      return { item: item.number, reason: reason === undefined ? null : NotRatedReason.parse(currentReason(reason)) };
    });

  return {
    ok: true,
    score: {
      scale: { id: scale.id, version: scale.version },
      ...totals,
      sections,
      notRated,
    },
  };
}

/**
 * The total, its bounds and its band from the count and sum of the rated items: the one home of the partial-review
 * rule (the facts file). Comparison SQL restates the total and band for speed (store/comparison-sql.ts) and
 * tests/comparison/comparison-sql.test.ts proves they agree.
 */
export function scoreTotals(scale: ScaleVersionData, facts: { ratedItems: number; rawTotal: number }): FidelityScoreTotals {
  const { ratedItems, rawTotal } = facts;
  const totalItems = scale.items.length;
  const complete = ratedItems === totalItems;
  const { partial, bands, itemRange } = scale.scoring;
  const unrated = totalItems - ratedItems;
  const lowerBound = rawTotal + unrated * itemRange.min;
  const upperBound = rawTotal + unrated * itemRange.max;

  let total: number | null;
  if (complete) total = rawTotal;
  else if (ratedItems >= partial.minRatedItems) total = proratedTotal(rawTotal, ratedItems, totalItems, partial.decimals);
  else total = null;
  const band = total === null ? INSUFFICIENT : bandFor(total, bands).key;
  return {
    totalItems,
    ratedItems,
    rawTotal,
    meanScore: ratedItems ? rawTotal / ratedItems : null,
    complete,
    total,
    totalDecimals: complete ? 0 : partial.decimals,
    estimate: !complete && total !== null,
    band,
    lowerBound,
    upperBound,
    bandCertain: complete || (total !== null && bandFor(lowerBound, bands).key === band && bandFor(upperBound, bands).key === band),
  };
}

/**
 * mean x item count, rounded half up to `decimals`, in integer arithmetic so that e.g. 98.75 never becomes
 * 98.7499999 and rounds the wrong way: round(raw * n / rated) = floor((2 * raw * n * 10^d + rated) / (2 * rated)).
 */
export function proratedTotal(rawTotal: number, ratedItems: number, totalItems: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.floor((2 * rawTotal * totalItems * scale + ratedItems) / (2 * ratedItems));
  return scaled / scale;
}

/** The highest band whose lower threshold the value reaches: 99.6 is still below 100, so it is not "good". */
export function bandFor(value: number, bands: readonly FidelityBandDefinition[]): FidelityBandDefinition {
  let found = bands[0];
  for (const band of bands) if (value >= band.min) found = band;
  if (!found) throw new Error('a scale has at least one band');
  return found;
}
