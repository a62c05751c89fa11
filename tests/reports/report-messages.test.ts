import { describe, expect, test } from 'vitest';
import { MissingMessageError, REPORT_MESSAGES, reportTranslator, type MessageTree } from '../../reports/report-messages.ts';

/** 'summary.chart.title' for every leaf; plural forms (_one, _other) folded into their base key. */
function leafKeys(tree: MessageTree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path.replace(/_(zero|one|two|few|many|other)$/, ''), value);
    else for (const [k, v] of leafKeys(value, path)) keys.set(k, v);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('report message files', () => {
  const fi = leafKeys(REPORT_MESSAGES.fi);

  test.each(['sv', 'en'] as const)('%s has exactly the keys of fi.json, the same placeholders, nothing empty', (language) => {
    const other = leafKeys(REPORT_MESSAGES[language]);
    expect([...fi.keys()].filter((k) => !other.has(k)), `missing in ${language}.json`).toEqual([]);
    expect([...other.keys()].filter((k) => !fi.has(k)), `only in ${language}.json`).toEqual([]);
    for (const [key, text] of other) {
      expect(text.trim(), `${language}: ${key}`).not.toBe('');
      expect(placeholders(text), `${language}: ${key}`).toEqual(placeholders(fi.get(key)!));
    }
  });

  test('placeholders are filled, plural forms follow the language, a missing key throws', () => {
    const t = reportTranslator('fi');
    expect(t('summary.estimate', { rated: 17, total: 25 })).toBe('arvio 17/25 kriteerin perusteella; vaihteluväli {{bounds}}');
    expect(t('summary.notRatedCount', { count: 1 })).toBe('1 kriteeri arvioimatta');
    expect(t('summary.notRatedCount', { count: 8 })).toBe('8 kriteeriä arvioimatta');
    expect(reportTranslator('sv')('summary.notRatedCount', { count: 1 })).toBe('1 kriterium inte bedömt');
    expect(() => t('summary.nothing')).toThrow(MissingMessageError);
  });
});
