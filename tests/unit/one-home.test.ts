import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';

/**
 * Each rule of a review has one home (conventions, pattern 13): scales/scoring.ts and scales/review-rules/.
 * This scans the code outside the domain for second copies of a rule or of total formatting.
 */
const SCANNED = ['electron', 'renderer', 'cli', 'exchange', 'scripts'];
// reports/ is being switched to the domain functions by the report engineer (issue 12); scanned once that lands.
const files = SCANNED.flatMap((dir) => walk(join(ROOT, dir))).filter((f) => /\.(ts|tsx)$/.test(f));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : walk(path)) : [path];
  });
}

/** Places not yet switched to the domain: each is a known gap of issue 12, listed so that none is added. */
const NOT_YET_SWITCHED = new Set([
  'renderer/comparison/comparison-format.ts',
  'renderer/comparison/review-text.ts',
  'renderer/comparison/HeatmapView.tsx',
]);

function offenders(pattern: RegExp): string[] {
  return files
    .map((file) => relative(ROOT, file))
    .filter((file) => !NOT_YET_SWITCHED.has(file))
    .filter((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').some((line) => pattern.test(line)));
}

describe('one home for the review rules', () => {
  test.each([
    ['a total printed with a hard-coded decimal', /total[^\n]*(toFixed\(1\)|maximumFractionDigits: 1|decimal\([^)]*,\s*1\))/],
    ['a decimal choice of its own for totals', /Number\.isInteger\([^)]*total[^)]*\)\s*\?\s*0\s*:\s*1/],
    ['the action-plan threshold as a number', /score[^\n]*(<=|<)\s*3\b|ACTION_PLAN_THRESHOLD\s*=/],
    ['"today" as the UTC date', /new Date\(\)\.toISOString\(\)\.slice\(0,\s*10\)|now\(\)\.slice\(0,\s*10\)/],
    ['the result-ratings rule restated', /consensus\.length\s*>\s*0\)\s*return/],
    ['the status transitions restated', /draft:\s*\['consensus',\s*'final'\]/],
    ['a not-rated reason list of its own', /\['no-data',\s*'not-applicable'/],
  ])('no second copy: %s', (_what, pattern) => {
    expect(offenders(pattern)).toEqual([]);
  });

  test('SQL that restates a rule names the function it restates', () => {
    const sql = readFileSync(join(ROOT, 'electron/backend/store/comparison-sql.ts'), 'utf8');
    expect(sql).toContain('scoreTotals');
    expect(sql).toContain('resultRatingsOf');
  });
});
