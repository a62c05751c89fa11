import { describe, expect, test } from 'vitest';
import {
  actionPlanCandidates, actionPlanThreshold, consensusBlocker, consensusPrefill, disagreementItems, followUpMonths, formatBounds,
  formatMean, formatTotal, goalReached, isOverdue, localDate, needsJustification, outcomeOf, ratingsHidden, resultRatingsOf,
  reviewAgreement, scoresLowestWhenModelDiffers, scoreRatings, canMoveTo, bandStatement,
} from '../../scales/review-rules/index.ts';
import { recommendationPrefill } from '../../scales/review-rules/consensus.ts';
import { parseScaleVersion } from '../../scales/scale-version.ts';
import { bundledIps25, partialRatings, ratingsSumming } from '../fixtures/ratings.ts';

const ips25 = bundledIps25().scale.data;
const score = (ratings: Parameters<typeof scoreRatings>[1]) => {
  const result = scoreRatings(ips25, ratings);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.score;
};

describe('how a total is printed', () => {
  const pilot = score(partialRatings(73, 17, 'model-differs'));
  const full = score(ratingsSumming(104));
  test('an estimate with the scale decimals, a sum as a whole number, in the language\'s form', () => {
    expect(formatTotal(pilot, 'fi')).toBe('107,4');
    expect(formatTotal(pilot, 'sv')).toBe('107,4');
    expect(formatTotal(pilot, 'en')).toBe('107.4');
    expect(formatTotal(full, 'fi')).toBe('104');
    expect(formatTotal(score(partialRatings(60, 12)), 'fi')).toBe('');
  });
  test('bounds and mean', () => {
    expect(formatBounds(pilot, 'fi')).toBe('81–113');
    expect(formatBounds(full, 'en')).toBe('104');
    expect(formatMean(pilot, 'fi')).toBe('4,29');
    expect(formatMean(pilot, 'en')).toBe('4.29');
  });
  test('the band is stated plainly only when certain', () => {
    expect(bandStatement(pilot)).toBe('on-rated-items');
    expect(bandStatement(full)).toBe('certain');
    expect(bandStatement(score(partialRatings(100, 24)))).toBe('certain');
    expect(bandStatement(score(partialRatings(60, 12)))).toBe('none');
  });
});

describe('localDate', () => {
  test('01.30 Finnish time is that day in Helsinki, the day before in UTC', () => {
    const at = new Date('2026-11-22T23:30:00Z');
    expect(localDate(at, 'Europe/Helsinki')).toBe('2026-11-23');
    expect(localDate(at, 'UTC')).toBe('2026-11-22');
  });
});

describe('follow-up interval and goal reached', () => {
  test('a full good review: 12 months; a fair one: 6', () => {
    expect(followUpMonths(score(ratingsSumming(104)), ips25)).toBe(12);
    expect(followUpMonths(score(ratingsSumming(99)), ips25)).toBe(6);
  });
  test('the pilot estimate (107,4, "good" on the rated items) does not move the interval: its lower bound 81 is fair', () => {
    const pilot = score(partialRatings(73, 17));
    expect(pilot.band).toBe('good');
    expect(goalReached(pilot, ips25)).toBe(false);
    expect(followUpMonths(pilot, ips25)).toBe(6);
  });
  test('an estimate whose lower bound reaches good counts', () => {
    const sure = score(partialRatings(100, 24));
    expect(sure.lowerBound).toBe(101);
    expect(followUpMonths(sure, ips25)).toBe(12);
  });
  test('a scale file may set its own rule', () => {
    const custom = { scoring: { ...ips25.scoring, followUp: { goalBand: 'exemplary', monthsBelowGoal: 3, monthsAtGoal: 24 } } };
    expect(followUpMonths(score(ratingsSumming(104)), custom)).toBe(3);
  });
});

describe('action plan', () => {
  test('threshold 3 by default, as scale data', () => {
    expect(actionPlanThreshold(ips25)).toBe(3);
    expect(actionPlanThreshold({ scoring: { ...ips25.scoring, actionPlanThreshold: 2 } })).toBe(2);
  });
  test('candidates: scored at or below the threshold, not planned yet, in scale order', () => {
    const scores = new Map([[1, 3], [2, 4], [3, 1], [7, 2]]);
    expect(actionPlanCandidates(ips25, scores, new Set([3]))).toEqual([1, 7]);
  });
  test('candidates: also any item with a recommendation, whatever its score (issue 13)', () => {
    const scores = new Map([[1, 3], [2, 4], [3, 1], [7, 2], [9, 5]]);
    expect(actionPlanCandidates(ips25, scores, new Set([3]), new Set([2, 3, 9, 12]))).toEqual([1, 2, 7, 9, 12]);
  });
  test('overdue only after the due day, while open', () => {
    expect(isOverdue({ dueDate: '2026-11-22', status: 'open' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-23', status: 'open' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-22', status: 'done' }, '2026-11-23')).toBe(false);
  });
});

describe('result ratings, consensus and workflow', () => {
  test('consensus once there is any, else the only reviewer\'s, else nothing', () => {
    expect(resultRatingsOf({ consensus: ['c'], reviewerRatings: ['r'], reviewerCount: 2 })).toEqual(['c']);
    expect(resultRatingsOf({ consensus: [], reviewerRatings: ['r'], reviewerCount: 1 })).toEqual(['r']);
    expect(resultRatingsOf({ consensus: [], reviewerRatings: ['r'], reviewerCount: 2 })).toEqual([]);
  });
  test('outcomes: legacy reasons read as today\'s', () => {
    expect(outcomeOf({ score: 3, reason: null })).toBe('3');
    expect(outcomeOf({ score: null, reason: 'not-applicable' })).toBe('model-differs');
    expect(outcomeOf(undefined)).toBe('');
  });
  test('justification when the consensus differs from every reviewer who decided', () => {
    expect(needsJustification('4', ['3', '5'])).toBe(true);
    expect(needsJustification('4', ['4', '5'])).toBe(false);
    expect(needsJustification('4', ['', ''])).toBe(false);
    expect(needsJustification('', ['3'])).toBe(false);
  });
  test('pre-fill where every reviewer agrees, with each different note once', () => {
    const a = [{ item: 1, score: 4, evidence: 'haastattelu' }, { item: 2, score: 3 }, { item: 3, score: null, reason: 'no-data', reasonNote: 'ei tietoa' }];
    const b = [{ item: 1, score: 4, evidence: 'kirjaukset' }, { item: 2, score: 2 }, { item: 3, score: null, reason: 'no-data', reasonNote: 'ei tietoa' }];
    expect(consensusPrefill([1, 2, 3, 4], [a, b])).toEqual([
      { item: 1, score: 4, reason: null, reasonNote: null, evidence: 'haastattelu\n\nkirjaukset' },
      { item: 3, score: null, reason: 'no-data', reasonNote: 'ei tietoa', evidence: null },
    ]);
    expect(disagreementItems([1, 2, 3, 4], [a, b])).toEqual([2]);
  });
  test('a disputed item starts undecided, with both reviewers’ evidence to edit', () => {
    const a = [{ item: 13, score: 3, evidence: 'Ainon näyttö' }];
    const b = [{ item: 13, score: 5, evidence: 'Bertan näyttö' }];
    expect(consensusPrefill([13], [a, b])).toEqual([{ item: 13, score: null, reason: null, reasonNote: null, evidence: 'Ainon näyttö\n\nBertan näyttö' }]);
    expect(recommendationPrefill([[{ item: 13, text: 'A' }, { item: null, text: 'Yleinen' }], [{ item: 13, text: 'B' }, { item: 13, text: 'B' }]], [{ item: null }]))
      .toEqual([{ item: 13, text: 'A\n\nB' }]);
  });
  test('workflow', () => {
    expect(canMoveTo('draft', 'consensus')).toBe(true);
    expect(canMoveTo('final', 'draft')).toBe(false);
    expect(ratingsHidden('draft', [{ completedAt: null }, { completedAt: 'x' }])).toBe(true);
    expect(consensusBlocker('draft', [{ completedAt: 'x' }])).toBe('single-reviewer');
    expect(consensusBlocker('draft', [{ completedAt: 'x' }, { completedAt: 'y' }])).toBeNull();
  });
  test('agreement over pairs', () => {
    const a = new Map([[1, 3], [2, 4], [3, null]]);
    const b = new Map([[1, 3], [2, 5], [3, 2]]);
    expect(reviewAgreement([1, 2, 3], [a, b], { min: 1, max: 5 })).toMatchObject({ comparedItems: 2, exactAgreement: 0.5, withinOne: 1 });
  });
});

describe('not-rated reasons', () => {
  test('items 4 and 5 (integration with treatment teams) score 1 when the service lacks it', () => {
    expect(scoresLowestWhenModelDiffers(ips25, 4)).toBe(true);
    expect(scoresLowestWhenModelDiffers(ips25, 5)).toBe(true);
    expect(scoresLowestWhenModelDiffers(ips25, 6)).toBe(false);
  });
  test('old review files with "not-applicable" score the same as before', () => {
    const old = score(partialRatings(73, 17, 'not-applicable'));
    const today = score(partialRatings(73, 17, 'model-differs'));
    expect(old).toEqual(today);
  });
  test('the optional scale fields leave 1.0.0 its hash', () => {
    const { scale } = bundledIps25();
    const again = parseScaleVersion(scale.json, 'again');
    expect(again.contentHash).toBe('sha256:57b467307697372fca35468275270427ebec488d9c557d9e92e340d5d6b08cea');
    expect(again.data.scoring.actionPlanThreshold).toBeUndefined();
  });
});
