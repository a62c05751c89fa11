import { describe, expect, test } from 'vitest';
import { pairAgreement, reviewAgreement } from '../../scales/agreement.ts';

const range = { min: 1, max: 5 };
const ratings = (...scores: (number | null)[]) => new Map(scores.map((s, i) => [i + 1, s]));

describe('agreement between two reviewers', () => {
  test('perfect agreement with variance gives kappa 1', () => {
    expect(pairAgreement(ratings(1, 2, 3, 4, 5), ratings(1, 2, 3, 4, 5), range)).toEqual({ comparedItems: 5, exactAgreement: 1, withinOne: 1, weightedKappa: 1 });
  });

  // Worked by hand: pairs (1,2) (2,1) (3,3) (4,5) (5,4); rows = cols = one of each score.
  // Observed weighted disagreement = 4 x (1/16) = 0.25; expected = sum over all 25 cells of (i-j)^2/16 x 1/5
  // = 100/16/5 = 1.25; kappa = 1 - 0.25/1.25 = 0.8.
  test('a one-point miss on four items: kappa 0.8', () => {
    const result = pairAgreement(ratings(1, 2, 3, 4, 5), ratings(2, 1, 3, 5, 4), range);
    expect(result.exactAgreement).toBeCloseTo(0.2, 10);
    expect(result.withinOne).toBe(1);
    expect(result.weightedKappa).toBeCloseTo(0.8, 10);
  });

  test('systematic reversal gives a negative kappa', () => {
    expect(pairAgreement(ratings(1, 2, 4, 5), ratings(5, 4, 2, 1), range).weightedKappa).toBeLessThan(-0.5);
  });

  test('items not scored by both are left out; no variance means kappa is undefined', () => {
    const result = pairAgreement(ratings(5, 5, null, 4), ratings(5, 5, 3, null), range);
    expect(result).toEqual({ comparedItems: 2, exactAgreement: 1, withinOne: 1, weightedKappa: null });
    expect(pairAgreement(ratings(null), ratings(3), range)).toEqual({ comparedItems: 0, exactAgreement: null, withinOne: null, weightedKappa: null });
  });
});

describe('reviewAgreement differingScores (issue 13: the count beside the figures is the one they imply)', () => {
  test('counts only items every reviewer scored whose scores differ; a not-rated item is not among them', () => {
    const a = new Map<number, number | null>([[1, 5], [2, 4], [3, 3], [4, 2], [5, 5]]);
    const b = new Map<number, number | null>([[1, 5], [2, 3], [3, 3], [4, 1], [5, null]]);
    const result = reviewAgreement([1, 2, 3, 4, 5], [a, b], { min: 1, max: 5 });
    expect(result.comparedItems).toBe(4);
    expect(result.differingScores).toBe(2);
    expect(result.exactAgreement).toBe(1 - result.differingScores / result.comparedItems);
  });
});
