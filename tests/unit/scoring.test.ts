import { describe, expect, test } from 'vitest';
import { bandFor, proratedTotal, scoreRatings, type RatingInput } from '../../scales/scoring.ts';
import { bundledIps25, partialRatings, ratingsSumming } from '../fixtures/ratings.ts';

const { scale } = bundledIps25();
const ips25 = scale.data;

function score(ratings: RatingInput[]) {
  const result = scoreRatings(ips25, ratings);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.score;
}

describe('complete reviews', () => {
  test.each([
    [25, 'poor'], [73, 'poor'], [74, 'fair'], [99, 'fair'], [100, 'good'],
    [114, 'good'], [115, 'exemplary'], [124, 'exemplary'], [125, 'exemplary'],
  ])('total %i is %s', (total, band) => {
    const result = score(ratingsSumming(total));
    expect(result).toMatchObject({ complete: true, estimate: false, ratedItems: 25, totalItems: 25, rawTotal: total, total, band });
    expect(result.meanScore).toBeCloseTo(total / 25, 10);
    expect(Number.isInteger(result.total)).toBe(true);
  });

  test('section subtotals follow the scale sections', () => {
    const ratings = ratingsSumming(25).map((r) => ({ ...r, score: r.item <= 3 ? 5 : r.item <= 11 ? 3 : 2 }));
    const result = score(ratings);
    expect(result.sections).toEqual([
      { key: 'staffing', totalItems: 3, ratedItems: 3, rawTotal: 15, meanScore: 5 },
      { key: 'organisation', totalItems: 8, ratedItems: 8, rawTotal: 24, meanScore: 3 },
      { key: 'services', totalItems: 14, ratedItems: 14, rawTotal: 28, meanScore: 2 },
    ]);
    expect(result.total).toBe(67);
    expect(result.notRated).toEqual([]);
  });
});

describe('partial reviews', () => {
  test('17 of 25 items with mean 4.29 is an estimate of 107.4, good (the Varma pilot case)', () => {
    const result = score(partialRatings(73, 17, 'not-applicable'));
    expect(result).toMatchObject({ complete: false, estimate: true, ratedItems: 17, rawTotal: 73, total: 107.4, band: 'good' });
    expect(result.meanScore).toBeCloseTo(4.2941, 4);
    expect(result.notRated).toHaveLength(8);
    // Files written before scale text 1.1.0 say "not-applicable": read as "the service model differs", scored the same.
    expect(result.notRated[0]).toEqual({ item: 18, reason: 'model-differs' });
    // Every unrated item scored 1 or 5: 73 + 8 = 81 (fair) to 73 + 40 = 113 (good), so "good" holds on the rated items only.
    expect(result).toMatchObject({ lowerBound: 81, upperBound: 113, bandCertain: false, totalDecimals: 1 });
  });

  test('an estimate whose bounds share a band states the band as certain', () => {
    // 23 items summing to 110 (mean 4.78): estimate 119.6, bounds 112 to 120; 112 is good, 120 exemplary: not certain.
    expect(score(partialRatings(110, 23))).toMatchObject({ total: 119.6, lowerBound: 112, upperBound: 120, bandCertain: false });
    // 24 items summing to 96: bounds 97 (fair) to 101 (good): not certain. 24 items summing to 100: 101–105, both good.
    expect(score(partialRatings(100, 24))).toMatchObject({ total: 104.2, band: 'good', lowerBound: 101, upperBound: 105, bandCertain: true });
  });

  test('a complete review: both bounds are the total and the band is certain', () => {
    expect(score(ratingsSumming(104))).toMatchObject({ total: 104, lowerBound: 104, upperBound: 104, bandCertain: true, totalDecimals: 0 });
  });

  test('below the minimum the bounds are still given, never a band', () => {
    expect(score(partialRatings(60, 12))).toMatchObject({ lowerBound: 73, upperBound: 125, bandCertain: false, band: 'insufficient' });
  });

  test('exactly the minimum of 13 rated items still gets a band', () => {
    const result = score(partialRatings(52, 13));
    expect(result).toMatchObject({ ratedItems: 13, total: 100, band: 'good', estimate: true });
  });

  test('below the minimum: no total and no band, only the mean', () => {
    const result = score(partialRatings(60, 12));
    expect(result).toMatchObject({ ratedItems: 12, total: null, estimate: false, band: 'insufficient', complete: false });
    expect(result.meanScore).toBe(5);
  });

  test('nothing rated: no mean either', () => {
    const result = score([]);
    expect(result).toMatchObject({ ratedItems: 0, rawTotal: 0, meanScore: null, total: null, band: 'insufficient' });
    expect(result.notRated).toHaveLength(25);
    expect(result.notRated.every((n) => n.reason === null)).toBe(true);
    expect(result.sections.every((s) => s.meanScore === null)).toBe(true);
  });

  // The band comes from the rounded number, so the reader never sees "74,0" labelled poor.
  test.each([
    // rated, raw sum, exact prorated value, shown total, band
    [24, 71, 73.958, 74.0, 'fair'],
    [24, 70, 72.917, 72.9, 'poor'],
    [24, 95, 98.958, 99.0, 'fair'],
    [24, 96, 100.0, 100.0, 'good'],
    [22, 101, 114.773, 114.8, 'good'],
    [24, 110, 114.583, 114.6, 'good'],
    [23, 106, 115.217, 115.2, 'exemplary'],
    [17, 67, 98.529, 98.5, 'fair'],
  ])('%i items summing to %i: %f is shown as %f, %s', (rated, raw, exact, shown, band) => {
    expect(raw * 25 / rated).toBeCloseTo(exact, 3);
    expect(score(partialRatings(raw, rated))).toMatchObject({ total: shown, band, estimate: true });
  });

  test('a value between two integer bands falls in the lower band', () => {
    expect(bandFor(99.9, ips25.scoring.bands).key).toBe('fair');
    expect(bandFor(73.5, ips25.scoring.bands).key).toBe('poor');
    expect(bandFor(114.9, ips25.scoring.bands).key).toBe('good');
  });

  test('rounding is half up and exact, also where floating point would slip', () => {
    expect(proratedTotal(79, 20, 25, 1)).toBe(98.8); // 98.75
    expect(proratedTotal(91, 20, 25, 1)).toBe(113.8); // 113.75
    expect(proratedTotal(57, 20, 25, 1)).toBe(71.3); // 71.25
    expect(proratedTotal(1, 8, 1, 2)).toBe(0.13); // 0.125
    expect(proratedTotal(73, 17, 25, 0)).toBe(107);
  });
});

describe('invalid ratings: every problem at once', () => {
  test('each kind of problem is reported with its path', () => {
    const result = scoreRatings(ips25, [
      { item: 1, score: 6 },
      { item: 2, score: 0 },
      { item: 3, score: 3.5 },
      { item: 26, score: 3 },
      { item: 4, score: 4 },
      { item: 4, score: 5 },
      { item: 5, score: null },
      { item: 6, score: null, reason: 'forgot' },
      { item: 7, score: 4, reason: 'no-data' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['score-out-of-range', 'ratings[0].score'],
      ['score-out-of-range', 'ratings[1].score'],
      ['score-not-integer', 'ratings[2].score'],
      ['unknown-item', 'ratings[3].item'],
      ['duplicate-item', 'ratings[5].item'],
      ['reason-missing', 'ratings[6].reason'],
      ['reason-unknown', 'ratings[7].reason'],
      ['reason-with-score', 'ratings[8].reason'],
    ]);
    expect(result.problems[0]?.message).toBe('item 1: the score 6 is outside 1–5');
    expect(result.problems[5]?.params).toEqual({ item: 5 });
  });
});
