import { describe, expect, test } from 'vitest';
import type { LocalizedText, ScaleVersionData } from '../../scales/scale-schema.ts';
import { scaleDifferences } from '../../scales/scale-diff.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';

/** The second edition of our IPS-25 text (1.1.0) against the first (1.0.0) and the review notes. */
const { registry } = loadScaleRegistry();
const v100 = registry.get('ips-25', '1.0.0')!.data;
const v110 = registry.get('ips-25', '1.1.0')!.data;
const numbers = (text: string | undefined) => [...new Set(text?.match(/\d+/g) ?? [])].sort();

/** Every text of a scale with its place, for checks over all of them. */
function texts(scale: ScaleVersionData): [string, LocalizedText][] {
  return [
    ['title', scale.title],
    ...scale.dataSources.map((d): [string, LocalizedText] => [`dataSources.${d.key}`, d.label]),
    ...scale.sections.map((s): [string, LocalizedText] => [`sections.${s.key}`, s.title]),
    ...scale.items.flatMap((item): [string, LocalizedText][] => [
      [`${item.number}.title`, item.title], [`${item.number}.criterion`, item.criterion],
      ...item.anchors.map((a, i): [string, LocalizedText] => [`${item.number}.anchors[${i}]`, a]),
      ...(item.interviewPrompts ?? []).map((p, i): [string, LocalizedText] => [`${item.number}.prompts[${i}]`, p]),
    ]),
    ...scale.scoring.bands.map((b): [string, LocalizedText] => [`bands.${b.key}`, b.label]),
    ...scale.notes.map((n, i): [string, LocalizedText] => [`notes[${i}]`, n]),
  ];
}

describe('IPS-25 1.1.0 keeps every number of 1.0.0', () => {
  // The review notes change wording and rules, not thresholds: no anchor is exempt. Where the notes make a range's
  // meeting point explicit (item 24, 30%) or reword a bound (item 21, "less than 64%"), the numbers stay the same.
  const EXEMPT = new Set<string>();

  test('each anchor carries the same numbers as in 1.0.0 (fi and en), and sv the same numbers as en', () => {
    const differences: string[] = [];
    v110.items.forEach((item, i) => item.anchors.forEach((anchor, a) => {
      const before = v100.items[i]!.anchors[a]!;
      for (const language of ['fi', 'en'] as const) {
        if (!EXEMPT.has(`${item.number}/${a}`) && numbers(anchor[language]).join() !== numbers(before[language]).join()) {
          differences.push(`${item.number}.anchors[${a}].${language}: ${numbers(before[language])} -> ${numbers(anchor[language])}`);
        }
      }
      if (numbers(anchor.sv).join() !== numbers(anchor.en).join()) differences.push(`${item.number}.anchors[${a}].sv: ${numbers(anchor.sv)} vs en ${numbers(anchor.en)}`);
    }));
    expect(differences).toEqual([]);
  });

  test('each criterion carries the same numbers in fi, sv and en', () => {
    const differences = v110.items.filter((item) => numbers(item.criterion.fi).join() !== numbers(item.criterion.en).join() || numbers(item.criterion.sv).join() !== numbers(item.criterion.en).join());
    expect(differences.map((item) => item.number)).toEqual([]);
  });

  test('items, keys, sections, bands and the partial rule are those of 1.0.0', () => {
    expect(v110.items.map((i) => [i.number, i.key, i.section])).toEqual(v100.items.map((i) => [i.number, i.key, i.section]));
    expect(v110.sections.map((s) => [s.key, s.items])).toEqual(v100.sections.map((s) => [s.key, s.items]));
    expect(v110.scoring.bands.map((b) => [b.key, b.min, b.max])).toEqual(v100.scoring.bands.map((b) => [b.key, b.min, b.max]));
    expect(v110.scoring.partial).toEqual(v100.scoring.partial);
    expect(v110.comparableWith).toEqual(['1.0.0']);
  });
});

test('what the settings show before adopting 1.0.0 again: the items whose Finnish or English wording changed; Swedish alone is no change', () => {
  const differences = scaleDifferences(v110, v100);
  expect(differences).toMatchObject({ bands: [], totalRangeChanged: false, itemsAdded: [], itemsRemoved: [] });
  expect(differences.itemsChanged.map((c) => c.number)).toEqual([6, 7, 9, 12, 14, 17, 21, 22, 23, 24]);
  expect(differences.itemsChanged.filter((c) => c.titleChanged).map((c) => c.number)).toEqual([6, 21]);
});

describe('IPS-25 1.1.0 in Swedish', () => {
  test('every text has Swedish that is not a copy of the Finnish or the English', () => {
    const copies = texts(v110).filter(([, t]) => !t.sv || t.sv === t.fi || (t.sv === t.en && !/^(Organisation)$/.test(t.sv)));
    expect(copies.map(([where]) => where)).toEqual([]);
  });

  test('uses the Finland-Swedish terms: IPS-arbetstränare, kvalitetskriterier, kvalitetsbedömning', () => {
    const swedish = texts(v110).map(([, t]) => t.sv).join('\n');
    expect(swedish).toContain('IPS-arbetstränare');
    expect(swedish).not.toMatch(/arbetscoach/i);
    expect(v110.title.sv).toMatch(/^Kvalitetskriterier/);
    expect(swedish).toContain('kvalitetsbedömning');
  });

  test('band labels are marked as our own wording in Swedish only; English names the lowest band as English sources do', () => {
    expect(v110.scoring.bands.map((b) => b.ownWording)).toEqual([['sv'], ['sv'], ['sv'], ['sv']]);
    expect(v110.scoring.bands[0]).toMatchObject({ label: { en: 'not supported employment' }, shortLabel: { en: 'poor' } });
  });
});

describe('IPS-25 1.1.0 carries the review notes', () => {
  const item = (n: number) => v110.items[n - 1]!;

  test('Finnish terms and title', () => {
    expect(v110.title.fi).toBe('IPS-työhönvalmennuksen laatukriteeristö (IPS Fidelity Scale)');
    expect(texts(v110).map(([, t]) => t.fi).join('\n')).not.toMatch(/menetelmäuskollisuusasteikko|\bkoh(ta|da)(a|ssa|n) \d/);
    expect(item(21).title.fi).toBe('Palkkatyö avoimilla työmarkkinoilla');
  });

  test('official titles and the manual numbering beside our paraphrase', () => {
    expect(v110.items.map((i) => i.manualNumber)).toEqual([
      ...[1, 2, 3].map((n) => `Staffing ${n}`), ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Organization ${n}`),
      ...Array.from({ length: 14 }, (_, n) => `Services ${n + 1}`),
    ]);
    expect(v110.items.every((i) => (i.officialTitle ?? '').length > 0)).toBe(true);
    expect(item(9).officialTitle).toBe('Zero exclusion criteria');
  });

  test('item wording: 6 (employment areas since 2025), 9 (job endings, no self-referral), 21, 24', () => {
    expect(item(6).criterion.fi).toMatch(/1\.1\.2025.*työllisyysalueet.*Ohjaamo, Kela/);
    expect(item(6).criterion.sv).toMatch(/1\.1\.2025.*sysselsättningsområden.*Navigatorn, FPA/);
    expect(item(9).anchors[4]!.en).not.toMatch(/refer themselves/);
    expect(item(9).interviewPrompts?.map((p) => p.en)).toContain("What happens when a client's job ends?");
    expect(item(21).anchors[0]!.en).toMatch(/^Less than 64%/);
    expect(item(21).criterion.en).toMatch(/Seasonal and temporary-agency jobs.*palkkatuki.*työkokeilu.*kuntouttava työtoiminta/);
    expect(item(24).criterion.en).toContain('exactly 30% takes anchor 1');
    expect(item(17).criterion.en).toMatch(/closest anchor.*between two anchors/);
  });

  test('data sources: IPS team meeting observed, family and benefits adviser interviewed, documents for 1, observation for 3', () => {
    const keys = v110.dataSources.map((d) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['ips-team-meeting-observation', 'family-interview', 'benefits-adviser-interview']));
    for (const n of [7, 8, 17]) expect(item(n).dataSources).toContain('ips-team-meeting-observation');
    expect(item(12).dataSources).toContain('benefits-adviser-interview');
    expect(item(1).dataSources).toContain('documents');
    expect(item(3).dataSources.some((d) => d.endsWith('-observation'))).toBe(true);
  });

  test('full citations and a changelog', () => {
    const citations = v110.sources.map((s) => s.citation).join('\n');
    expect(citations).toMatch(/Becker DR, Swanson SJ, Reese SL, Bond GR, McLeman BM.*4th ed.*2019/);
    expect(citations).toMatch(/Bond GR, Peterson AE, Becker DR, Drake RE.*Psychiatric Services 2012/);
    expect(citations).toContain('Sosiaali- ja terveysministeriön julkaisuja 2020:12');
    expect(citations).toContain('Perälä');
    expect(v110.changelog?.map((c) => c.version)).toEqual(['1.1.0']);
    expect(v110.changelog?.[0]?.changes.length).toBeGreaterThan(3);
  });
});
