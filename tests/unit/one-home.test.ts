import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';

/**
 * Each rule of a review has one home (conventions, pattern 13): scales/scoring.ts and scales/review-rules/.
 * This scans the code outside the domain for second copies of a rule or of total formatting.
 */
const SCANNED = ['electron', 'renderer', 'cli', 'exchange', 'scripts', 'reports'];
const files = SCANNED.flatMap((dir) => walk(join(ROOT, dir))).filter((f) => /\.(ts|tsx)$/.test(f));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : walk(path)) : [path];
  });
}

function offenders(pattern: RegExp): string[] {
  return files
    .map((file) => relative(ROOT, file))
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
    ['the follow-up interval as numbers (followUpMonths)', /\?\s*(12\s*:\s*6|6\s*:\s*12)\b|[Mm]onths[A-Za-z]*\s*[:=]\s*(6|12)\b/],
  ])('no second copy: %s', (_what, pattern) => {
    expect(offenders(pattern)).toEqual([]);
  });

  test('the scan sees the report model (reports/ calls the domain too)', () => {
    expect(files.some((file) => relative(ROOT, file) === 'reports/report-model-sections.ts')).toBe(true);
  });

  test('SQL that restates a rule names the function it restates', () => {
    const sql = readFileSync(join(ROOT, 'electron/backend/store/comparison-sql.ts'), 'utf8');
    expect(sql).toContain('scoreTotals');
    expect(sql).toContain('resultRatingsOf');
  });
});
