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
