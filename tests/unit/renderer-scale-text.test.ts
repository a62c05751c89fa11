import { describe, expect, test } from 'vitest';
import { localized } from '../../scales/display-format.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { bandLabelFor, type BandIndex } from '../../renderer/scales/band-label-for.ts';
import { scaleTextLanguage } from '../../renderer/reviews/scale-text-language.ts';

/**
 * What the renderer shows of the scale in the Swedish UI: the review editor's item titles, sections, criteria and
 * anchors (useScaleLanguage -> scaleTextLanguage, then localized) and every band label (useBandLabel ->
 * bandLabelFor), with the real scale files.
 */
const { registry } = loadScaleRegistry();
const v100 = registry.get('ips-25', '1.0.0')!.data;
const v110 = registry.get('ips-25', '1.1.0')!.data;
const finnish = new Set([v100, v110].flatMap((data) => [
  ...data.items.map((i) => i.title.fi!), ...data.sections.map((s) => s.title.fi!), ...data.scoring.bands.map((b) => b.label.fi!),
]));
// As BandLabelsProvider loads it: the default version (1.1.0) first.
const index: BandIndex = [v110, v100].map((data) => ({ key: `ips-25@${data.version}`, bands: data.scoring.bands }));

describe('the renderer in Swedish with IPS-25 1.1.0', () => {
  test('item and section titles, criteria and anchors are the Swedish text, none of them Finnish', () => {
    const { language, lang } = scaleTextLanguage(v110.languages, 'sv');
    expect({ language, lang }).toEqual({ language: 'sv', lang: undefined });
    const shown = [
      ...v110.items.flatMap((item) => [item.title, item.criterion, ...item.anchors]).map((text) => localized(text, language)),
      ...v110.sections.map((section) => localized(section.title, language)),
    ];
    expect(shown.filter((text) => finnish.has(text))).toEqual([]);
    expect(shown.slice(0, 1)).toEqual(['Klientantal per IPS-arbetstränare']);
  });

  test('band labels are Swedish for 1.1.0 results, and for 1.0.0 results too (same band keys), never Finnish', () => {
    for (const scaleKey of ['ips-25@1.1.0', 'ips-25@1.0.0', undefined]) {
      const labels = v110.scoring.bands.map((band) => bandLabelFor(index, band.key, scaleKey, 'sv'));
      expect(labels, String(scaleKey)).toEqual(['svag', 'ganska god', 'god', 'exemplarisk']);
    }
  });

  test('English and Finnish UIs keep their own labels; a 1.0.0 result in English says "poor" as 1.0.0 does', () => {
    expect(bandLabelFor(index, 'poor', 'ips-25@1.1.0', 'en')).toBe('not supported employment');
    expect(bandLabelFor(index, 'poor', 'ips-25@1.0.0', 'en')).toBe('poor');
    expect(bandLabelFor(index, 'good', 'ips-25@1.0.0', 'fi')).toBe('hyvä');
    expect(bandLabelFor(index, 'unknown', 'ips-25@1.0.0', 'fi')).toBeUndefined();
  });

  test('a scale without Swedish (1.0.0) falls back to Finnish, marked with lang for screen readers', () => {
    expect(scaleTextLanguage(v100.languages, 'sv')).toEqual({ language: 'fi', lang: 'fi' });
  });
});
