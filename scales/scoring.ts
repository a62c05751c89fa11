import { z } from 'zod';
import { formatPath, type Problem } from './problem.ts';
import type { FidelityBandDefinition, ScaleVersionData } from './scale-schema.ts';

/** Why an item has no score. (Fidelity review manual: "check for missing data"; Finnish partial reviews.) */
export const NotRatedReason = z.enum(['no-data', 'not-applicable', 'not-assessed']);
export type NotRatedReason = z.infer<typeof NotRatedReason>;

/** One item's rating as any source gives it; the engine checks it against the scale. */
export interface RatingInput {
  item: number;
  score: number | null;
  reason?: string | undefined;
}

export const INSUFFICIENT = 'insufficient';

export interface SectionScore {
  key: string;
  totalItems: number;
  ratedItems: number;
  rawTotal: number;
  /** null when no item of the section is rated. */
  meanScore: number | null;
}

export interface NotRatedItem {
  item: number;
  /** null: the item is simply not rated yet (absent from the ratings). */
  reason: NotRatedReason | null;
}

export interface FidelityScore {
  scale: { id: string; version: string };
  totalItems: number;
  ratedItems: number;
  rawTotal: number;
  /** Mean of the rated items, unrounded; null when nothing is rated. */
  meanScore: number | null;
  complete: boolean;
  /**
   * Complete review: the integer sum. Partial review with enough rated items: the prorated estimate,
   * already rounded as the scale says, so the band below is the band of exactly this number.
   * Too few rated items: null.
   */
  total: number | null;
  estimate: boolean;
  /** A band key of the scale, or "insufficient". */
  band: string;
  sections: SectionScore[];
  notRated: NotRatedItem[];
}

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
        problems.push({ code: 'reason-missing', path: at('reason'), message: `item ${item} is not rated; say why (no-data, not-applicable or not-assessed)`, params: { item } });
      } else if (!NotRatedReason.safeParse(rating.reason).success) {
        problems.push({ code: 'reason-unknown', path: at('reason'), message: `"${rating.reason}" is not a reason; use no-data, not-applicable or not-assessed`, params: { item, reason: rating.reason } });
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

  const totalItems = scale.items.length;
  const rated = scale.items.filter((item) => scoreOf(item.number) !== null);
  const ratedItems = rated.length;
  const rawTotal = rated.reduce((sum, item) => sum + (scoreOf(item.number) ?? 0), 0);
  const complete = ratedItems === totalItems;
  const { partial, bands } = scale.scoring;

  let total: number | null;
  if (complete) total = rawTotal;
  else if (ratedItems >= partial.minRatedItems) total = proratedTotal(rawTotal, ratedItems, totalItems, partial.decimals);
  else total = null;

  const sections: SectionScore[] = scale.sections.map((section) => {
    const scores = section.items.map(scoreOf).filter((s): s is number => s !== null);
    const sum = scores.reduce((a, b) => a + b, 0);
    return { key: section.key, totalItems: section.items.length, ratedItems: scores.length, rawTotal: sum, meanScore: scores.length ? sum / scores.length : null };
  });

  const notRated: NotRatedItem[] = scale.items
    .filter((item) => scoreOf(item.number) === null)
    .map((item) => {
      const reason = byItem.get(item.number)?.reason;
      return { item: item.number, reason: reason === undefined ? null : NotRatedReason.parse(reason) };
    });

  return {
    ok: true,
    score: {
      scale: { id: scale.id, version: scale.version },
      totalItems,
      ratedItems,
      rawTotal,
      meanScore: ratedItems ? rawTotal / ratedItems : null,
      complete,
      total,
      estimate: !complete && total !== null,
      band: total === null ? INSUFFICIENT : bandFor(total, bands).key,
      sections,
      notRated,
    },
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
