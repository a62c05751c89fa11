import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { canonicalJson, contentHash } from '../../scales/canonical-json.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { ROOT } from '../fixtures/ratings.ts';
import { bundledScaleJson, scaleDir } from '../fixtures/scale-files.ts';

/** Loads only the given folder and returns the problems of its one refused file. */
function refusal(json: unknown) {
  const dir = scaleDir({ 'variant.json': json });
  const { refused, registry } = loadScaleRegistry([dir], { includeBundled: false });
  expect(registry.list()).toHaveLength(0);
  expect(refused).toHaveLength(1);
  expect(refused[0]?.origin).toBe(join(dir, 'variant.json'));
  return refused[0]!.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('bundled scales', () => {
  test('IPS-25 1.0.0 still loads in Finnish and English with 25 items in three sections', () => {
    const { registry, refused } = loadScaleRegistry();
    expect(refused).toEqual([]);
    const scale = registry.get('ips-25', '1.0.0');
    expect(scale?.data.languages).toEqual(['fi', 'en']);
    expect(scale?.data.items.map((i) => i.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(scale?.data.sections.map((s) => [s.key, s.items.length])).toEqual([['staffing', 3], ['organisation', 8], ['services', 14]]);
    expect(scale?.data.scoring.bands.map((b) => [b.key, b.min, b.max, b.label.fi])).toEqual([
      ['poor', 25, 73, 'huono'], ['fair', 74, 99, 'melko hyvä'], ['good', 100, 114, 'hyvä'], ['exemplary', 115, 125, 'esimerkillinen'],
    ]);
    expect(scale?.data.scoring.partial).toEqual({ method: 'prorated-mean', minRatedItems: 13, decimals: 1 });
  });

  test('new reviews default to IPS-25 1.1.0, in Finnish, Swedish and English, with the same bands', () => {
    const { registry } = loadScaleRegistry();
    expect(registry.versionsOf('ips-25')).toEqual(['1.0.0', '1.1.0']);
    const scale = registry.defaultVersion('ips-25');
    expect(scale?.data.version).toBe('1.1.0');
    expect(scale?.data.languages).toEqual(['fi', 'sv', 'en']);
    expect(scale?.data.scoring.bands.map((b) => [b.key, b.min, b.max, b.label.fi, b.label.sv, b.label.en])).toEqual([
      ['poor', 25, 73, 'huono', 'svag', 'not supported employment'], ['fair', 74, 99, 'melko hyvä', 'ganska god', 'fair'],
      ['good', 100, 114, 'hyvä', 'god', 'good'], ['exemplary', 115, 125, 'esimerkillinen', 'exemplarisk', 'exemplary'],
    ]);
    expect(scale?.data.scoring.partial).toEqual(registry.get('ips-25', '1.0.0')?.data.scoring.partial);
  });

  // A released version is never edited: its hash is recorded when it is released and must not move.
  test('every released version still has the content hash recorded at its release', () => {
    const released: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'scales', 'released-hashes.json'), 'utf8'));
    const { registry } = loadScaleRegistry();
    const actual = Object.fromEntries(registry.list().map((s) => [`${s.data.id}@${s.data.version}`, s.contentHash]));
    for (const [ref, hash] of Object.entries(released)) expect(actual[ref], ref).toBe(hash);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(released).sort());
  });
});

describe('content hash', () => {
  test('ignores key order and formatting, changes with any content', () => {
    const json = bundledScaleJson();
    const reordered = Object.fromEntries(Object.entries(structuredClone(json)).reverse());
    expect(contentHash(reordered)).toBe(contentHash(json));
    expect(contentHash(JSON.parse(JSON.stringify(json, null, 4)))).toBe(contentHash(json));
    json.items[0].anchors[0].fi += '.';
    expect(contentHash(json)).not.toBe(contentHash(reordered));
    expect(contentHash(json)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'ä', c: null }] })).toBe('{"a":[{"c":null,"d":"ä"}],"b":1}');
  });
});

describe('broken scale files are refused, naming the file and the place inside it', () => {
  test('not JSON', () => {
    expect(refusal('{ "format": ')[0]).toMatch(/^: not valid JSON/);
  });

  test('an item without five anchors', () => {
    const json = bundledScaleJson();
    json.items[6].anchors.pop();
    expect(refusal(json)).toEqual(['items[6].anchors: item 7 has 4 anchors; the item range 1–5 needs 5']);
  });

  test('overlapping bands', () => {
    const json = bundledScaleJson();
    json.scoring.bands[2].min = 99;
    expect(refusal(json)).toEqual(['scoring.bands[2].min: band "good" (99–114) overlaps band "fair" (74–99)']);
  });

  test('a gap between bands', () => {
    const json = bundledScaleJson();
    json.scoring.bands[3].min = 116;
    expect(refusal(json)).toEqual(['scoring.bands[3].min: totals 115–115 fall between bands "good" and "exemplary"']);
  });

  test('a section that names a missing item', () => {
    const json = bundledScaleJson();
    json.sections[0].items.push(26);
    expect(refusal(json)).toEqual(['sections[0].items[3]: section "staffing" names item 26, which does not exist']);
  });

  test('an item left out of its section, and a text missing a declared language', () => {
    const json = bundledScaleJson();
    json.sections[2].items = json.sections[2].items.filter((n: number) => n !== 25);
    delete json.items[3].criterion.en;
    expect(refusal(json)).toEqual([
      'items[3].criterion.en: text is missing in language "en"',
      'items[24].section: item 25 is not listed in section "services"',
    ]);
  });

  test('shape errors: a missing field, an unknown field, a bad version string', () => {
    const json = bundledScaleJson();
    delete json.items[0].title;
    json.items[1].colour = 'red';
    json.version = 'one';
    const problems = refusal(json);
    expect(problems).toContainEqual(expect.stringMatching(/^version: use a version of the form MAJOR.MINOR.PATCH/));
    expect(problems).toContainEqual(expect.stringMatching(/^items\[0\]\.title: /));
    expect(problems).toContainEqual(expect.stringMatching(/^items\[1\]: Unrecognized key: "colour"/));
  });

  test('an unknown data source and a total range that does not match the items', () => {
    const json = bundledScaleJson();
    json.items[2].dataSources.push('crystal-ball');
    json.scoring.totalRange.max = 120;
    expect(refusal(json)).toEqual([
      'items[2].dataSources[' + (json.items[2].dataSources.length - 1) + ']: item 3 names data source "crystal-ball", which is not in the scale\'s dataSources',
      'scoring.totalRange: 25 items rated 1–5 give totals 25–125, not 25–120',
      'scoring.bands[3].max: the highest band must end at the highest total 120',
    ]);
  });

  test('a second file with a version already loaded is refused; the first one stays', () => {
    const json = bundledScaleJson();
    json.title.en = 'A different text under the same version';
    const dir = scaleDir({ 'copy.json': json });
    const { registry, refused } = loadScaleRegistry([dir]);
    expect(registry.get('ips-25', '1.0.0')?.data.title.en).not.toBe(json.title.en);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.origin).toBe(join(dir, 'copy.json'));
    expect(refused[0]?.problems[0]?.message).toMatch(/^ips-25@1\.0\.0 is already loaded from .*ips-25-1\.0\.0\.json/);
  });

  test('a good file next to a broken one still loads', () => {
    const good = bundledScaleJson();
    good.version = '1.1.0';
    const dir = scaleDir({ 'a-broken.json': '', 'b-good.json': good });
    const { registry, refused } = loadScaleRegistry([dir], { includeBundled: false });
    expect(registry.list().map((s) => s.data.version)).toEqual(['1.1.0']);
    expect(refused.map((r) => r.origin)).toEqual([join(dir, 'a-broken.json')]);
  });
});
