import { describe, expect, test } from 'vitest';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { scoreReview } from '../../scales/review-check.ts';
import { readExample } from '../fixtures/ratings.ts';
import { bundledScaleJson, scaleDir } from '../fixtures/scale-files.ts';

/**
 * A later version that moves the "good" threshold down to 95 and merges nothing else: the same review must
 * keep scoring as it did under the version it names, whatever versions are added later.
 */
function laterVersion() {
  const json = bundledScaleJson();
  json.version = '2.0.0';
  json.scoring.bands[1].max = 94;
  json.scoring.bands[2].min = 95;
  json.scoring.partial.minRatedItems = 20;
  return json;
}

const review = (version: string, ratings: unknown[]) => ({ ...(readExample('full-review.json') as object), scale: { id: 'ips-25', version }, ratings });
const ninetySeven = Array.from({ length: 25 }, (_, i) => ({ item: i + 1, score: i < 22 ? 4 : 3 })); // 88 + 9 = 97

describe('scale versions are immutable', () => {
  test('adding a version changes neither the older version nor how its reviews score', () => {
    const before = loadScaleRegistry();
    const after = loadScaleRegistry([scaleDir({ 'ips-25-2.0.0.json': laterVersion() })]);
    expect(after.refused).toEqual([]);
    expect(after.registry.versionsOf('ips-25')).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    expect(after.registry.defaultVersion('ips-25')?.data.version).toBe('2.0.0');
    expect(after.registry.get('ips-25', '1.0.0')?.contentHash).toBe(before.registry.get('ips-25', '1.0.0')?.contentHash);

    const underOld = scoreReview(review('1.0.0', ninetySeven), after.registry);
    const underNew = scoreReview(review('2.0.0', ninetySeven), after.registry);
    const beforeAdding = scoreReview(review('1.0.0', ninetySeven), before.registry);
    if (!underOld.ok || !underNew.ok || !beforeAdding.ok) throw new Error('fixture reviews must be valid');
    expect(underOld.score).toEqual(beforeAdding.score);
    expect(underOld.score).toMatchObject({ total: 97, band: 'fair', scale: { version: '1.0.0' } });
    expect(underNew.score).toMatchObject({ total: 97, band: 'good', scale: { version: '2.0.0' } });
  });

  test('the partial-scoring minimum is per version too', () => {
    const { registry } = loadScaleRegistry([scaleDir({ 'ips-25-2.0.0.json': laterVersion() })]);
    const seventeen = (readExample('partial-review-17-items.json') as { ratings: unknown[] }).ratings;
    const underOld = scoreReview(review('1.0.0', seventeen), registry);
    const underNew = scoreReview(review('2.0.0', seventeen), registry);
    if (!underOld.ok || !underNew.ok) throw new Error('fixture reviews must be valid');
    expect(underOld.score).toMatchObject({ total: 107.4, band: 'good' });
    expect(underNew.score).toMatchObject({ total: null, band: 'insufficient' });
  });
});
