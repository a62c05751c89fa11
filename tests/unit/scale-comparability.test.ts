import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparabilityMismatches } from '../../scales/scale-comparability.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { scoreReview } from '../../scales/review-check.ts';
import { parseScaleVersion, ScaleFileError } from '../../scales/scale-version.ts';
import { readExample } from '../fixtures/ratings.ts';
import { bundledScaleJson, scaleDir } from '../fixtures/scale-files.ts';

/** A later text of IPS-25 that declares itself comparable with 1.0.0. */
function declaring(version: string, change: (json: any) => void = () => {}) {
  const json = bundledScaleJson();
  json.version = version;
  json.comparableWith = ['1.0.0'];
  change(json);
  return json;
}

describe('a declared comparability is checked by the registry', () => {
  test('the bundled 1.1.0 declares 1.0.0 and matches it: both load, and they are comparable', () => {
    const { registry, refused } = loadScaleRegistry();
    expect(refused).toEqual([]);
    const v100 = registry.get('ips-25', '1.0.0')!;
    const v110 = registry.get('ips-25', '1.1.0')!;
    expect(v110.data.comparableWith).toEqual(['1.0.0']);
    expect(comparabilityMismatches(v110.data, v100.data)).toEqual([]);
    expect(registry.comparable(v100, v110)).toBe(true);
  });

  test('a file that declares comparability but changes an item key is refused, naming the item', () => {
    const dir = scaleDir({ 'ips-25-9.0.0.json': declaring('9.0.0', (json) => { json.items[6].key = 'employment-team'; }) });
    const { registry, refused } = loadScaleRegistry([dir]);
    expect(registry.get('ips-25', '9.0.0')).toBeUndefined();
    expect(registry.get('ips-25', '1.0.0')).toBeDefined();
    expect(refused).toHaveLength(1);
    expect(refused[0]?.origin).toBe(join(dir, 'ips-25-9.0.0.json'));
    expect(refused[0]?.problems).toEqual([expect.objectContaining({
      code: 'not-comparable',
      path: 'comparableWith[0]',
      message: 'ips-25@9.0.0 declares it is comparable with 1.0.0 (same item numbers, keys and total range), but item 7 is "employment-team" in 9.0.0 but "vocational-unit" in 1.0.0',
    })]);
  });

  test('a file that declares comparability but drops an item is refused, naming what differs', () => {
    const dir = scaleDir({ 'short.json': declaring('9.0.0', (json) => {
      json.items.pop();
      json.sections[2].items.pop();
      json.scoring.totalRange = { min: 24, max: 120 };
      json.scoring.bands[0].min = 24;
      json.scoring.bands[3].max = 120;
    }) });
    const { refused } = loadScaleRegistry([dir]);
    expect(refused[0]?.problems[0]?.message).toBe('ips-25@9.0.0 declares it is comparable with 1.0.0 (same item numbers, keys and total range), but '
      + '9.0.0 has 24 items, 1.0.0 has 25; item 25 ("engagement-outreach") is missing from 9.0.0; the total range is 24–120 in 9.0.0 but 25–125 in 1.0.0');
  });

  test('the same change without a declaration loads (it is simply not comparable), and a version naming itself is refused', () => {
    const undeclared = declaring('9.0.0', (json) => { delete json.comparableWith; json.items[6].key = 'employment-team'; });
    const self = declaring('9.1.0', (json) => { json.comparableWith = ['9.1.0']; });
    const { registry, refused } = loadScaleRegistry([scaleDir({ 'a.json': undeclared, 'b.json': self })]);
    expect(registry.versionsOf('ips-25')).toEqual(['1.0.0', '1.1.0', '9.0.0']);
    expect(registry.comparable(registry.get('ips-25', '9.0.0')!, registry.get('ips-25', '1.0.0')!)).toBe(false);
    expect(refused.map((r) => r.problems.map((p) => `${p.path}: ${p.message}`))).toEqual([
      ['comparableWith[0]: a version is always comparable with itself; name only other versions of "ips-25"'],
    ]);
  });

  test('a version it names that is not loaded is no reason to refuse it', () => {
    const { registry, refused } = loadScaleRegistry([scaleDir({ 'x.json': declaring('9.0.0', (json) => { json.comparableWith = ['0.9.0']; }) })], { includeBundled: false });
    expect(refused).toEqual([]);
    expect(registry.versionsOf('ips-25')).toEqual(['9.0.0']);
  });

  test('a received version (bundle) with an untrue declaration is refused too', () => {
    const { registry } = loadScaleRegistry();
    const json = declaring('9.0.0', (j) => { j.items[0].key = 'caseload'; });
    const received = parseScaleVersion(json, 'bundle.ipsbundle');
    expect(() => registry.add(received)).toThrow(ScaleFileError);
    expect(() => registry.add(received)).toThrow(/item 1 is "caseload" in 9\.0\.0 but "caseload-size" in 1\.0\.0/);
    expect(registry.get('ips-25', '9.0.0')).toBeUndefined();
  });
});

describe('reviews across 1.0.0 and 1.1.0', () => {
  const withVersion = (name: string, version: string) => ({ ...(readExample(name) as object), scale: { id: 'ips-25', version } });

  test.each(['full-review.json', 'partial-review-17-items.json'])('%s scores the same under both versions', (name) => {
    const { registry } = loadScaleRegistry();
    const old = scoreReview(withVersion(name, '1.0.0'), registry);
    const next = scoreReview(withVersion(name, '1.1.0'), registry);
    if (!old.ok || !next.ok) throw new Error('fixture reviews must be valid');
    const { scale: oldScale, ...oldScore } = old.score as { scale: unknown };
    const { scale: nextScale, ...nextScore } = next.score as { scale: unknown };
    expect(nextScore).toEqual(oldScore);
    expect(oldScale).toMatchObject({ version: '1.0.0' });
    expect(nextScale).toMatchObject({ version: '1.1.0' });
  });
});
