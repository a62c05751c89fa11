import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { followUpMonths, goalReached } from '../../scales/review-rules/index.ts';
import { scoreRatings, type RatingInput } from '../../scales/scoring.ts';
import { bundledIps25, readExample, ROOT } from '../fixtures/ratings.ts';

const { registry } = bundledIps25();

function scoreExample(name: string, version: string) {
  const file = readExample(name) as { ratings: RatingInput[] };
  const scale = registry.get('ips-25', version)!.data;
  const result = scoreRatings(scale, file.ratings.map(({ item, score, reason }) => ({ item, score, reason })));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { scale, score: result.score };
}

/**
 * "Goal reached" (good fidelity, 100+ on IPS-25) comes from the domain's goalReached: full reviews, or estimates
 * whose lower bound already reaches the band (facts file). The pilot-like partial review is "good on the rated
 * items" but not goal reached.
 */
describe('goal reached', () => {
  test.each(['1.0.0', '1.1.0'])('the pilot-like partial review (17/25, 107,4, bounds 81–113) under IPS-25 %s is not goal reached', (version) => {
    const { scale, score } = scoreExample('partial-review-17-items.json', version);
    expect([score.ratedItems, score.total, score.lowerBound, score.upperBound, score.band, score.estimate]).toEqual([17, 107.4, 81, 113, 'good', true]);
    expect(goalReached(score, scale)).toBe(false);
    expect(followUpMonths(score, scale)).toBe(6);
  });

  test('a full review at 100 or more is goal reached', () => {
    const { scale, score } = scoreExample('full-review.json', '1.1.0');
    expect(score.complete).toBe(true);
    expect(goalReached(score, scale)).toBe(score.total! >= 100);
  });

  test('nothing outside the domain decides "goal reached" from a band key or a band minimum of its own', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : walk(path)) : /\.(ts|tsx)$/.test(name) ? [path] : [];
      });
    const ownFlag = /band\s*===\s*'(good|exemplary)'|(total|lowerBound)\s*>=\s*(100|band\.min)/;
    const offenders = ['renderer', 'cli', 'reports', 'electron']
      .flatMap((dir) => walk(join(ROOT, dir)))
      .filter((file) => readFileSync(file, 'utf8').split('\n').some((line) => ownFlag.test(line)))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
