import { describe, expect, test } from 'vitest';
import type { ReportExtras, ReportInput } from '../../reports/report-input.ts';
import { buildReportModel } from '../../reports/report-model.ts';
import { scoreReview } from '../../scales/review-check.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';

const { registry } = bundledIps25();

function changes(previousReview: ReportExtras['previousReview'], language: 'fi' | 'en' = 'fi') {
  const scored = scoreReview(readExample('full-review.json'), registry);
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  const input: ReportInput = { review: scored.review, scale: scored.scale, score: scored.score, reportDate: '2026-11-23', extras: previousReview ? { previousReview } : {} };
  return buildReportModel(input, language).changes;
}

const previous = { reviewDate: '2025-11-03', kind: 'external' as const, total: 88.4, estimate: true, band: 'fair' };

describe('report model: what changed since the previous review', () => {
  test('absent without a previous final review', () => {
    expect(changes(undefined)).toBeNull();
  });

  test('an estimate is marked; a previous review on a scale version that does not compare lists no items and says why', () => {
    const model = changes(previous)!;
    expect(model.table.rows).toEqual([['Kokonaispisteet', '88,4 (arvio)', '104'], ['Taso', 'melko hyvä', 'hyvä']]);
    expect(model.table.headers).toEqual(['', 'Edellinen arviointi 3.11.2025', 'Tämä arviointi']);
    expect(model).toMatchObject({ up: null, down: null, counts: null });
    expect(model.incomparable).toMatch(/^Edellinen arviointi tehtiin asteikon versiolla/);
  });

  test('too few rated items before: no total and no band, in words', () => {
    const model = changes({ ...previous, total: null, estimate: false, band: 'insufficient', scores: [] }, 'en')!;
    expect(model.table.rows[0]![1]).toBe('no total (too few items rated)');
    expect(model.table.rows[1]![1]).toBe('no band');
    // Nothing scored before: no item is compared.
    expect(model.up).toEqual({ heading: 'Scores up (0 items)', lines: [], none: "No item's score went up." });
    expect(model.counts).toBe('Unchanged: 0 items. Not compared (not rated in one or both): 25 items.');
  });
});
