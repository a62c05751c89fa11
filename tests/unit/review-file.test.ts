import { describe, expect, test } from 'vitest';
import { checkReview, scoreReview } from '../../scales/review-check.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';

const { registry, scale } = bundledIps25();
const full = () => structuredClone(readExample('full-review.json')) as any;
const problemsOf = (json: unknown) => {
  const result = checkReview(json, registry);
  return result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`);
};

describe('the example files', () => {
  test('the full review scores 104, good', () => {
    const result = scoreReview(readExample('full-review.json'), registry);
    expect(result.ok && result.score).toMatchObject({ complete: true, total: 104, band: 'good', ratedItems: 25 });
    expect(result.warnings).toEqual([]);
  });

  test('the partial review: 17/25 items, mean 4.29, estimate 107.4, good', () => {
    const result = scoreReview(readExample('partial-review-17-items.json'), registry);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.score).toMatchObject({ ratedItems: 17, total: 107.4, estimate: true, band: 'good' });
    expect(result.score.meanScore?.toFixed(2)).toBe('4.29');
    expect(result.score.notRated.map((n) => n.item)).toEqual([4, 5, 6, 9, 11, 22, 23, 25]);
  });
});

describe('review file problems', () => {
  test('format, shape and dates are checked, every problem at once', () => {
    const json = full();
    json.format = 'ips-fidelity-review/9';
    json.kind = 'audit';
    json.visitDates = ['13.10.2026'];
    json.reviewers = [];
    delete json.site.name;
    expect(problemsOf(json)).toEqual([
      'schema-invalid-value format',
      'schema-invalid-type site.name',
      'schema-invalid-value kind',
      'schema-invalid-format visitDates[0]',
      'schema-too-small reviewers',
    ]);
  });

  test('unknown scale and unknown version name what is known', () => {
    const json = full();
    json.scale = { id: 'ips-26', version: '1.0.0' };
    const unknownScale = checkReview(json, registry);
    expect(!unknownScale.ok && unknownScale.problems).toEqual([expect.objectContaining({ code: 'unknown-scale', path: 'scale.id', message: 'no scale "ips-26" is loaded (known: ips-25)' })]);
    json.scale = { id: 'ips-25', version: '0.9.0' };
    const unknownVersion = checkReview(json, registry);
    expect(!unknownVersion.ok && unknownVersion.problems).toEqual([expect.objectContaining({ code: 'unknown-scale-version', message: 'scale ips-25 has no version 0.9.0 here (known: 1.0.0, 1.1.0)' })]);
  });

  test('a scale hash that differs from the loaded text is refused', () => {
    const json = full();
    json.scale.contentHash = `sha256:${'0'.repeat(64)}`;
    expect(problemsOf(json)).toEqual(['scale-hash-mismatch scale.contentHash']);
    json.scale.contentHash = scale.contentHash;
    expect(problemsOf(json)).toEqual([]);
  });

  test('rating problems carry the rating path', () => {
    const json = full();
    json.ratings[3].score = 7;
    json.ratings[4] = { item: 5, score: null };
    json.ratings.push({ item: 1, score: 2 });
    expect(problemsOf(json)).toEqual(['score-out-of-range ratings[3].score', 'reason-missing ratings[4].reason', 'duplicate-item ratings[25].item']);
  });

  test('unknown fields are warnings, not errors, so later /1 files still read', () => {
    const json = full();
    json.consensus = { startedAt: '2027-01-01' };
    json.ratings[0].reviewerScores = [4, 5];
    const result = checkReview(json, registry);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.path).sort()).toEqual(['consensus', 'ratings[0].reviewerScores']);
    expect(result.ok && 'consensus' in result.review).toBe(false);
  });

  test('an unknown field next to a real error still reports the error', () => {
    const json = full();
    json.extra = 1;
    json.ratings[0].score = 'five';
    const result = checkReview(json, registry);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['ratings[0].score']);
    expect(result.warnings.map((w) => w.path)).toEqual(['extra']);
  });

  test('not an object at all', () => {
    expect(problemsOf([1, 2])).toEqual(['schema-invalid-type ']);
    expect(problemsOf(null)).toEqual(['schema-invalid-type ']);
  });
});
