import { comparabilityMismatches } from '../scale-comparability.ts';
import type { ScaleVersionData } from '../scale-schema.ts';
import { scoreRatings, type FidelityScoreTotals } from '../scoring.ts';
import { previousFinalReview, type PreviousReviewCandidate } from './previous-review.ts';
import { decidedRatings, type ItemOutcome } from './result-ratings.ts';
import { comparableStatus } from './workflow.ts';

export { comparableStatus };

/**
 * The pair shown first: the site's newest final review and the final review before it (previousFinalReview);
 * without two final reviews, the two newest comparable ones. Null when fewer than two can be compared.
 * Returned as [earlier, later].
 */
export function defaultComparisonPair<T extends PreviousReviewCandidate>(siteReviews: readonly T[]): [T, T] | null {
  const newestFirst = siteReviews.filter((r) => comparableStatus(r.status)).sort(byFirstVisitNewestFirst);
  const newestFinal = newestFirst.find((r) => r.status === 'final');
  const before = newestFinal ? previousFinalReview(newestFinal, newestFirst) : null;
  if (newestFinal && before) return [before, newestFinal];
  const [later, earlier] = newestFirst;
  return later && earlier ? [earlier, later] : null;
}

const firstVisit = (review: PreviousReviewCandidate): string => [...review.visitDates].sort()[0] ?? '';
const byFirstVisitNewestFirst = (a: PreviousReviewCandidate, b: PreviousReviewCandidate) => firstVisit(b).localeCompare(firstVisit(a)) || b.id - a.id;

/** Two chosen reviews in time order: the one visited first is "before". */
export function inTimeOrder<T extends PreviousReviewCandidate>(a: T, b: T): [T, T] {
  return byFirstVisitNewestFirst(a, b) <= 0 ? [b, a] : [a, b];
}

/** An item's outcome in one review: a score, a not-rated reason, or nothing decided. */
export interface ComparedOutcome {
  score: number | null;
  reason: string | null;
}

export type ItemChange = 'up' | 'down' | 'same';

export interface ComparedItem {
  item: number;
  section: string;
  before: ComparedOutcome;
  after: ComparedOutcome;
  /** Scored in both: the direction of the change; otherwise null (not rated in one or both). */
  change: ItemChange | null;
  /** after − before when both are scored. */
  difference: number | null;
}

/** A section's subtotal in one review: the sum of its scored items and how many of its items that covers. */
export interface SectionSubtotal {
  ratedItems: number;
  rawTotal: number;
}

export interface ComparedSection {
  key: string;
  totalItems: number;
  before: SectionSubtotal;
  after: SectionSubtotal;
}

export interface ComparedReview {
  scale: Pick<ScaleVersionData, 'id' | 'version' | 'items' | 'sections' | 'scoring'>;
  /** The review's result ratings (consensus, or a one-reviewer review's own). */
  ratings: readonly ItemOutcome[];
}

export type ReviewComparison =
  | {
      comparable: true;
      items: ComparedItem[];
      sections: ComparedSection[];
      /** Each review's total and band on its own scale version (scoring engine). */
      before: FidelityScoreTotals;
      after: FidelityScoreTotals;
      /** How many items went up, down, stayed the same, or could not be compared (not rated in one or both). */
      counts: Record<ItemChange | 'notCompared', number>;
    }
  | {
      comparable: false;
      /** Why the scale versions cannot be compared item by item (comparabilityMismatches). */
      mismatches: string[];
    };

const outcomeOf = (ratings: readonly ItemOutcome[], item: number): ComparedOutcome => {
  const rating = ratings.find((r) => r.item === item);
  return { score: rating?.score ?? null, reason: rating?.score == null ? (rating?.reason ?? null) : null };
};

const changeOf = (difference: number | null): ItemChange | null => (difference === null ? null : difference > 0 ? 'up' : difference < 0 ? 'down' : 'same');

function subtotal(items: readonly ComparedItem[], side: 'before' | 'after'): SectionSubtotal {
  const scores = items.map((i) => i[side].score).filter((s): s is number => s !== null);
  return { ratedItems: scores.length, rawTotal: scores.reduce((a, b) => a + b, 0) };
}

function totalsOf(review: ComparedReview): FidelityScoreTotals {
  const result = scoreRatings(review.scale as ScaleVersionData, decidedRatings(review.ratings));
  if (!result.ok) throw new Error(`the ratings cannot be scored: ${result.problems.map((p) => p.message).join('; ')}`);
  const { scale: _scale, sections: _sections, notRated: _notRated, ...totals } = result.score;
  return totals;
}

/**
 * Two reviews of a site item by item: each item's outcome in both and its change (up, down, same; or not
 * compared where either is not rated), each section's subtotal in both with the number of items it covers, and
 * both totals and bands. Reviews on different scale versions compare only when the versions map one to one
 * (itemsMapOneToOne: same item numbers, keys and total range); items and sections follow the later review's version.
 */
export function compareReviews(before: ComparedReview, after: ComparedReview): ReviewComparison {
  const mismatches = comparabilityMismatches(before.scale, after.scale);
  if (mismatches.length > 0) return { comparable: false, mismatches };
  const sectionOf = new Map(after.scale.sections.flatMap((section) => section.items.map((item) => [item, section.key] as const)));
  const items: ComparedItem[] = [...after.scale.items]
    .sort((a, b) => a.number - b.number)
    .map(({ number }) => {
      const b = outcomeOf(before.ratings, number);
      const a = outcomeOf(after.ratings, number);
      const difference = a.score !== null && b.score !== null ? a.score - b.score : null;
      return { item: number, section: sectionOf.get(number) ?? '', before: b, after: a, change: changeOf(difference), difference };
    });
  const sections = after.scale.sections.map((section) => {
    const inSection = items.filter((i) => i.section === section.key);
    return { key: section.key, totalItems: section.items.length, before: subtotal(inSection, 'before'), after: subtotal(inSection, 'after') };
  });
  const count = (change: ItemChange | null) => items.filter((i) => i.change === change).length;
  return {
    comparable: true,
    items,
    sections,
    before: totalsOf(before),
    after: totalsOf(after),
    counts: { up: count('up'), down: count('down'), same: count('same'), notCompared: count(null) },
  };
}
