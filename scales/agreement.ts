/** Inter-rater agreement between two reviewers over the items both scored. */
export interface PairAgreement {
  comparedItems: number;
  exactAgreement: number | null;
  withinOne: number | null;
  weightedKappa: number | null;
}

/**
 * Exact agreement, agreement within one point, and Cohen's kappa with quadratic weights (the usual choice for
 * ordinal 1-5 ratings: a 2-point miss counts four times a 1-point miss). Only items both reviewers scored count.
 * Kappa is undefined (null) with fewer than two items or when chance agreement is already perfect.
 */
export function pairAgreement(a: ReadonlyMap<number, number | null>, b: ReadonlyMap<number, number | null>, range: { min: number; max: number }): PairAgreement {
  const pairs: [number, number][] = [];
  for (const [item, scoreA] of a) {
    const scoreB = b.get(item);
    if (scoreA !== null && scoreA !== undefined && scoreB !== null && scoreB !== undefined) pairs.push([scoreA, scoreB]);
  }
  const n = pairs.length;
  if (n === 0) return { comparedItems: 0, exactAgreement: null, withinOne: null, weightedKappa: null };
  const exact = pairs.filter(([x, y]) => x === y).length / n;
  const withinOne = pairs.filter(([x, y]) => Math.abs(x - y) <= 1).length / n;
  return { comparedItems: n, exactAgreement: exact, withinOne, weightedKappa: n < 2 ? null : quadraticKappa(pairs, range) };
}

function quadraticKappa(pairs: readonly [number, number][], { min, max }: { min: number; max: number }): number | null {
  const k = max - min + 1;
  const n = pairs.length;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let observed = 0;
  const weight = (i: number, j: number) => ((i - j) ** 2) / ((k - 1) ** 2);
  for (const [x, y] of pairs) {
    rows[x - min]! += 1;
    cols[y - min]! += 1;
    observed += weight(x - min, y - min);
  }
  let expected = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expected += weight(i, j) * rows[i]! * cols[j]! / n;
  if (expected === 0) return null;
  return 1 - observed / expected;
}

/** Agreement of a review's reviewers, as the API reports it: with more than two reviewers, the mean over pairs. */
export interface ReviewAgreement extends PairAgreement {
  /** Items every reviewer scored (0 with fewer than two reviewers). */
  comparedItems: number;
  /**
   * Of those compared items, how many have scores that are not all the same: the count the agreement figures are
   * about (two reviewers: exactAgreement = 1 - differingScores / comparedItems). Issue 13: the UI said "differ on 5"
   * (counting not-rated reasons too) next to a share that implied 4.
   */
  differingScores: number;
}

/** `byReviewer`: each reviewer's scores by item (null: not rated). */
export function reviewAgreement(items: readonly number[], byReviewer: readonly ReadonlyMap<number, number | null>[], range: { min: number; max: number }): ReviewAgreement {
  const pairs = byReviewer.flatMap((a, i) => byReviewer.slice(i + 1).map((b) => pairAgreement(a, b, range)));
  const mean = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? known.reduce((x, y) => x + y, 0) / known.length : null;
  };
  const scoredByAll = items.filter((item) => byReviewer.length > 0 && byReviewer.every((m) => (m.get(item) ?? null) !== null));
  return {
    comparedItems: byReviewer.length < 2 ? 0 : scoredByAll.length,
    differingScores: byReviewer.length < 2 ? 0 : scoredByAll.filter((item) => new Set(byReviewer.map((m) => m.get(item))).size > 1).length,
    exactAgreement: mean(pairs.map((p) => p.exactAgreement)),
    withinOne: mean(pairs.map((p) => p.withinOne)),
    weightedKappa: mean(pairs.map((p) => p.weightedKappa)),
  };
}
