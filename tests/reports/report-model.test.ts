import { describe, expect, test } from 'vitest';
import { addDays, addMonths, FOLLOW_UP_POLICY } from '../../reports/follow-up-policy.ts';
import type { ReportHistoryEntry, ReportInput, ReportLanguage } from '../../reports/report-input.ts';
import { buildReportModel, MAX_TREND_POINTS } from '../../reports/report-model.ts';
import { scoreReview } from '../../scales/review-check.ts';
import type { ReviewFile } from '../../scales/review-file.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';

const { registry } = bundledIps25();

function inputFor(json: unknown, extra: Partial<ReportInput> = {}): ReportInput {
  const scored = scoreReview(json, registry);
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  return { review: scored.review, scale: scored.scale, score: scored.score, reportDate: '2026-11-23', ...extra };
}

const full = () => readExample('full-review.json') as ReviewFile;
const partial = () => readExample('partial-review-17-items.json') as ReviewFile;
const model = (json: unknown, language: ReportLanguage = 'fi', extra: Partial<ReportInput> = {}) => buildReportModel(inputFor(json, extra), language);
const figure = (m: ReturnType<typeof model>, index: number) => m.summary.figures[index]!;

describe('report model: Finnish formatting', () => {
  test('a complete review: whole total, the scale range, band, mean with a decimal comma', () => {
    const m = model(full());
    expect(figure(m, 0)).toEqual({ label: 'Kokonaispisteet', value: '104', note: 'asteikko 25–125' });
    expect(figure(m, 1)).toEqual({ label: 'Taso', value: 'hyvä', note: '100–114 pistettä' });
    expect(figure(m, 2).value).toBe('4,16');
    expect(figure(m, 3)).toMatchObject({ value: '25/25', note: 'kaikki kriteerit arvioitu' });
  });

  test('a partial review: the prorated total with one decimal and the estimate marker', () => {
    const m = model(partial());
    expect(figure(m, 0)).toEqual({ label: 'Kokonaispisteet', value: '107,4', note: 'arvio 17/25 kriteerin perusteella; vaihteluväli 81–113' });
    // The bounds span two bands, so the band is said "on the rated criteria", never bare.
    expect(figure(m, 1)).toEqual({
      label: 'Taso arvioitujen kriteerien perusteella', value: 'hyvä', note: '100–114 pistettä; vaihteluväli 81–113 ulottuu tasoille melko hyvä–hyvä',
    });
    expect(figure(m, 2).value).toBe('4,29');
    expect(figure(m, 3)).toMatchObject({ value: '17/25', note: '8 kriteeriä arvioimatta' });
    expect(m.method.paragraphs).toContain('Arvioinnissa pisteytettiin 17/25 kriteeriä; pisteytettyjen kriteerien keskiarvo on 4,29.');
    expect(m.method.paragraphs.join(' ')).toContain('yhden desimaalin tarkkuuteen');
    expect(m.method.paragraphs.join(' ')).toContain('kokonaispisteet olisivat 81, ja jos 5 pistettä, 113');
    // Cover, summary, method and follow-up say the same.
    const result = 'arvio 107,4 (17/25 kriteeriä), vaihteluväli 81–113, pistekeskiarvo 4,29\ntaso arvioitujen kriteerien perusteella: hyvä';
    expect(m.cover.fields.find((f) => f.label === 'Tulos')?.value).toBe(result);
    expect(m.followUp.fields[0]).toEqual({ label: 'Tulos', value: result });
    expect(m.summary.levels.range).toEqual({ lower: 81, upper: 113 });
    expect(m.summary.levels.bands.map((b) => b.label)).toEqual(['huono', 'melko hyvä', 'hyvä', 'esimerkillinen']);
  });

  test('section subtotals: title from the scale, rated/total, points, mean', () => {
    expect(model(partial()).summary.sectionTable.rows).toEqual([
      ['Henkilöstö', '3/3', '15', '5,00'],
      ['Organisaatio', '3/8', '12', '4,00'],
      ['Palvelut', '11/14', '46', '4,18'],
    ]);
    expect(model(full()).summary.sectionTable.rows.map((r) => r[2])).toEqual(['14', '33', '57']);
  });

  test('dates: d.m.yyyy, visit days joined with "ja", the report date in the footer', () => {
    const m = model(full());
    expect(m.cover.subtitle).toBe('Ulkoinen arviointi 13.10.2026 ja 14.10.2026');
    expect(m.frame.reportDateLine).toBe('Raportin päiväys 23.11.2026');
    expect(m.frame.pageTemplate).toBe('Sivu {{page}} / {{pages}}');
    expect(m.metadata.creationDate).toBe('2026-11-23');
  });

  test('cover: collaboration model explained, reviewers with roles, scale version and content hash', () => {
    const m = model(full());
    const field = (label: string) => m.cover.fields.find((f) => f.label === label);
    expect(field('Yhteistyömalli')?.value).toMatch(/^Malli 1: IPS-työhönvalmentajat työskentelevät psykiatrisen hoidon/);
    expect(field('Arvioijat')?.value).toBe('Aino Laaksonen, pääarvioija\nMikael Sundström, vertaisarvioija');
    expect(field('Asteikon versio')?.value).toBe('ips-25 1.0.0 (2008)');
    expect(field('Asteikon sisältötiiviste')).toMatchObject({ value: bundledIps25().scale.contentHash, mono: true });
    // A detail the review does not give is left out, not printed as "not given".
    expect(model(partial()).cover.fields.find((f) => f.label === 'Yhteistyömalli')).toBeUndefined();
    expect(field('Tulos')?.value).toBe('104/125 pistettä, pistekeskiarvo 4,16\ntaso: hyvä');
  });
});

describe('report model: items', () => {
  test('a rated item carries its score and the scale\'s anchor text for that score', () => {
    const row = model(full()).items.sections[0]!.rows[0]!;
    expect(row).toMatchObject({ number: '1', title: 'Työhönvalmentajan asiakasmäärä', rated: true, scoreText: '5' });
    expect(row.anchor).toBe('20 tai vähemmän asiakasta kokoaikaista työhönvalmentajaa kohden.');
    expect(row.notes[0]).toMatchObject({ heading: 'Havainnot' });
  });

  test('not-rated items show the reason and its note; an item missing from the ratings is "in progress"', () => {
    const json = partial();
    json.ratings = json.ratings.filter((r) => r.item !== 9);
    const rows = model(json).items.sections.flatMap((s) => s.rows);
    expect(rows[3]).toMatchObject({ number: '4', rated: false, scoreText: 'Ei arvioitu', anchor: null });
    // The legacy "not-applicable" reads as "the service model differs"; the reason is said once, then the note.
    expect(rows[3]!.notes[0]).toEqual({ heading: 'Syy', text: expect.stringMatching(/^Palvelumalli poikkeaa\. Työhönvalmentajat eivät kuulu/) });
    expect(rows[5]!.notes[0]!.text).toMatch(/^Rajattu tämän arvioinnin ulkopuolelle\. /);
    expect(rows[8]).toMatchObject({ number: '9', scoreText: 'Ei arvioitu', notes: [{ heading: 'Syy', text: 'Arviointi on kesken.' }] });
    // A rated item without notes has an empty notes cell, not "no observations recorded" on every row.
    expect(rows[0]!.notes).toEqual([]);
    const listed = model(json).method.notRated;
    expect(listed.map((r) => r.label.split('.')[0])).toEqual(['4', '5', '6', '9', '11', '22', '23', '25']);
    expect(listed[0]).toMatchObject({ label: '4. Integraatio: kuuluminen hoitotiimeihin', modelDiffers: true });
    expect(model(json).method.modelDiffersNote).toMatch(/ei ole vaihtoehtoa ”ei sovellu”/);
  });

  test('the bar chart holds all 25 items by section, not-rated ones without a score', () => {
    const chart = model(partial()).summary.chart;
    expect(chart.groups.map((g) => [g.title, g.items.length])).toEqual([['Henkilöstö', 3], ['Organisaatio', 8], ['Palvelut', 14]]);
    expect(chart.groups[1]!.items[0]).toEqual({ number: 4, score: null, label: '–' });
    expect(chart.legend).not.toBeNull();
    expect(model(full()).summary.chart.legend).toBeNull();
  });

  test('item recommendations are collected in item order', () => {
    const items = model(full()).recommendations.items;
    expect(items.map((i) => i.heading)).toEqual(expect.arrayContaining(['6. Yhteistyö ammatillisen kuntoutuksen ja työllisyyspalvelujen kanssa']));
    expect(items.map((i) => Number(i.heading!.split('.')[0]))).toEqual([...items.map((i) => Number(i.heading!.split('.')[0]))].sort((a, b) => a - b));
  });
});

describe('report model: too few rated items', () => {
  test('no total and no band, only the mean; follow-up in 6 months', () => {
    const json = partial();
    json.ratings = json.ratings.map((r) => (r.item > 10 && r.score !== null ? { item: r.item, score: null, reason: 'not-assessed' as const } : r));
    const m = model(json);
    expect(figure(m, 0)).toEqual({ label: 'Kokonaispisteet', value: '–', note: 'ei laskettavissa: arvioituja kriteerejä on alle 13; vaihteluväli 46–122' });
    expect(figure(m, 1)).toEqual({ label: 'Taso', value: 'ei määritettävissä', note: null });
    expect(figure(m, 2).value).not.toBe('–');
    expect(m.method.paragraphs.join(' ')).toContain('Arvioituja kriteerejä on alle 13');
    expect(m.followUp.paragraphs.at(-1)).toBe('Tasoa ei voitu määrittää, joten seuraava arviointi on ajankohtainen 6 kuukauden kuluttua arviointikäynnistä.');
  });
});

describe('report model: other languages', () => {
  test('English: decimal point, "estimate from", English scale wording', () => {
    const m = model(partial(), 'en');
    expect(figure(m, 0)).toEqual({ label: 'Total score', value: '107.4', note: 'estimate from 17/25 criteria; range 81–113' });
    expect(figure(m, 1)).toMatchObject({ label: 'Fidelity on the criteria rated', value: 'good' });
    expect(m.items.sections[0]!.rows[0]!.title).toBe('Caseload per employment specialist');
    expect(m.cover.notices).toEqual([]);
    // British dates with the month in words: 13/10/2026 would be ambiguous.
    expect(model(full(), 'en').cover.subtitle).toBe('External review 13 October 2026 and 14 October 2026');
    expect(m.cover.fields.find((f) => f.label === 'Result')?.value).toBe('estimate 107.4 (17/25 criteria), range 81–113, mean item score 4.29\nfidelity on the criteria rated: good');
  });

  test('Swedish: our wording in Swedish, scale wording in the fallback language, with a notice saying so', () => {
    const m = model(partial(), 'sv');
    expect(figure(m, 0)).toEqual({ label: 'Totalpoäng', value: '107,4', note: 'uppskattning utifrån 17/25 kriterier; variationsintervall 81–113' });
    expect(figure(m, 1).value).toBe('hyvä');
    expect(m.items.sections[0]!.rows[0]!.title).toBe('Työhönvalmentajan asiakasmäärä');
    expect(m.cover.notices).toEqual([expect.stringContaining('visas på finska')]);
    expect(m.frame.pageTemplate).toBe('Sida {{page}} / {{pages}}');
    expect(m.method.paragraphs).toContain('Utvärderarnas iakttagelser och rekommendationer är skrivna på finska.');
  });
});

describe('report model: follow-up', () => {
  test('intervals are values in the model; good fidelity is reviewed again after 12 months', () => {
    const m = model(full());
    expect(m.followUp.intervals).toEqual({ actionPlanWeeks: 6, reReviewMonths: 6, reReviewMonthsAtGoodFidelity: 12 });
    expect(m.followUp.fields).toEqual([
      { label: 'Tulos', value: '104/125 pistettä, pistekeskiarvo 4,16\ntaso: hyvä' },
      { label: 'Seuraava arviointi', value: 'viimeistään 14.10.2027 (ehdotus)' },
      { label: 'Toimintasuunnitelma', value: 'noin 4.1.2027 mennessä' },
    ]);
    expect(m.followUp.paragraphs[0]).toContain('noin 6 viikon kuluessa');
    expect(m.followUp.paragraphs[1]).toBe('Arviointi uusitaan 6 kuukauden välein, kunnes yksikkö saavuttaa hyvän menetelmäuskollisuuden, ja sen jälkeen 12 kuukauden välein.');
  });

  test('below good fidelity: 6 months after the last visit day; an agreed date wins over the suggestion', () => {
    const json = full();
    json.ratings = json.ratings.map((r) => ({ ...r, score: 3 }));
    expect(model(json).followUp.fields[1]!.value).toBe('viimeistään 14.4.2027 (ehdotus)');
    expect(model(json, 'fi', { extras: { nextReviewDate: '2027-03-01' } }).followUp.fields[1]!.value).toBe('1.3.2027');
  });

  test('an estimate in the good band whose lower bound is below it: no "at least good", and the 6-month cycle', () => {
    // The pilot-like review: 107,4 on 17/25 criteria, bounds 81–113. The old rule set 12 months from the estimate.
    const m = model(partial());
    expect(m.followUp.fields[1]!.value).toBe('viimeistään 8.3.2027 (ehdotus)');
    const said = m.followUp.paragraphs.join(' ');
    expect(said).not.toContain('vähintään hyvä');
    expect(said).toContain('Arvioitujen kriteerien perusteella taso on hyvä, mutta arvio perustuu 17/25 kriteeriin (vaihteluväli 81–113)');
    expect(said).toContain('6 kuukauden kuluttua');
  });

  test('an estimate whose lower bound reaches good: the band is certain, said plainly, and the 12-month cycle', () => {
    // 24 criteria rated 5 and one unrated: bounds 121–125, all in the top band.
    const json = full();
    json.ratings = json.ratings.map((r) => (r.item === 25 ? { item: 25, score: null, reason: 'not-assessed' as const } : { ...r, score: 5 }));
    const m = model(json);
    expect(m.cover.fields.find((f) => f.label === 'Tulos')?.value).toBe('arvio 125,0 (24/25 kriteeriä), vaihteluväli 121–125, pistekeskiarvo 5,00\ntaso: esimerkillinen');
    expect(figure(m, 1)).toMatchObject({ label: 'Taso', value: 'esimerkillinen' });
    expect(m.method.paragraphs.join(' ')).toContain('Koko vaihteluväli 121–125 on samalla tasolla, joten taso on varma: esimerkillinen.');
    expect(m.followUp.fields[1]!.value).toBe('viimeistään 14.10.2027 (ehdotus)');
    expect(m.followUp.paragraphs.at(-1)).toContain('vähintään hyvä');
  });

  test('date arithmetic clamps to the month\'s last day and crosses years', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-10-14', 12)).toBe('2027-10-14');
    expect(addDays('2026-11-23', FOLLOW_UP_POLICY.actionPlanWeeks * 7)).toBe('2027-01-04');
  });
});

describe('report model: trend, method notes, signers', () => {
  const history: ReportHistoryEntry[] = [
    { date: '2026-03-12', total: 96.4, estimate: true, band: 'fair', kind: 'self' },
    { date: '2025-09-10', total: 88, estimate: false, band: 'fair', kind: 'external' },
  ];

  test('earlier reviews in date order, then this one; estimates marked; band zones from the scale', () => {
    const trend = model(partial(), 'fi', { history }).summary.trend!;
    expect(trend.points.map((p) => [p.dateLabel, p.valueLabel, p.kind, p.current])).toEqual([
      ['10.9.2025', '88', 'external', false],
      ['12.3.2026', '96,4*', 'self', false],
      ['8.9.2026', '107,4*', 'external', true],
    ]);
    expect(trend.bands.map((b) => [b.label, b.min])).toEqual([['huono', 25], ['melko hyvä', 74], ['hyvä', 100], ['esimerkillinen', 115]]);
    expect(trend.legend.estimate).toBe('* arvio osittaisen arvioinnin perusteella');
    expect(model(partial()).summary.trend).toBeNull();
    expect(model(partial()).summary.noTrend).toMatch(/ei ole aiempia arviointeja/);
  });

  test('a long history keeps the most recent reviews and says so', () => {
    const many = Array.from({ length: 12 }, (_, i): ReportHistoryEntry => ({ date: `20${14 + i}-05-01`, total: 70 + i, estimate: false, band: 'fair', kind: 'external' }));
    const trend = model(full(), 'fi', { history: many }).summary.trend!;
    expect(trend.points).toHaveLength(MAX_TREND_POINTS);
    expect(trend.points[0]!.dateLabel).toBe('1.5.2019');
    expect(trend.truncatedNote).toBe('Kuvassa on 8 viimeisintä arviointia.');
  });

  test('method: only the recorded notes; nothing recorded is said once; empty sections are left out', () => {
    const m = model(full(), 'fi', { extras: { method: { interviewed: 'Neljä työhönvalmentajaa ja esihenkilö' } } });
    expect(m.method.fields).toEqual([{ label: 'Haastatellut', value: 'Neljä työhönvalmentajaa ja esihenkilö' }]);
    expect(m.method.noneRecorded).toBeNull();
    const bare = model(full());
    expect(bare.method.fields).toEqual([]);
    expect(bare.method.noneRecorded).toBe('Arviointiaineistoa (haastatellut, havainnointi, asiakirjat) ei ole kirjattu raporttiin.');
    expect(bare.strengths).toBeNull();
    expect(JSON.stringify(bare)).not.toContain('Ei kirjattu.');
  });

  test('text for reviewers stays in the app: no scale notes, no paraphrase disclaimer, sources in the report language', () => {
    const m = model(partial());
    const text = JSON.stringify(m);
    expect(text).not.toContain('Kohdat 6 ja 12 ovat epävarmimmat');
    expect(text).not.toContain('mukailuja');
    expect(text).not.toMatch(/validation: 79 sites/);
    expect(m.method.sources).toContain('IPS – Sijoita ja valmenna! Sosiaali- ja terveysministeriön julkaisuja 2020:12. Helsinki: sosiaali- ja terveysministeriö, 2020.');
    expect(text).not.toContain('THL/STM');
  });

  test('signatures: the reviewers as expected signers, each with a reserved field; no signer data drawn', () => {
    const { slots, intro } = model(full()).signatures;
    expect(slots).toEqual([
      {
        heading: 'Odotettu allekirjoittaja 1',
        fields: [{ label: 'Nimi', value: 'Aino Laaksonen' }, { label: 'Rooli', value: 'pääarvioija', muted: false }],
        fieldName: 'reviewer-1',
        description: 'Aino Laaksonen, pääarvioija',
        awaiting: 'Odottaa allekirjoitusta',
      },
      expect.objectContaining({ heading: 'Odotettu allekirjoittaja 2', fieldName: 'reviewer-2' }),
    ]);
    expect(slots[1]!.description).toMatch(/^Mikael Sundström/);
    expect(intro[0]).toContain('vasta, kun hän allekirjoittaa');
    // Verification any reader can follow: a PDF reader's signature panel, and the app; no command-line tool.
    expect(intro.join(' ')).toContain('allekirjoituspaneelia');
    expect(intro.join(' ')).toContain('”Tarkista raportti”');
    expect(intro.join(' ')).not.toContain('ips-fidelity verify');
  });
});

describe('report model: a plain function of its input', () => {
  test('serialisable, the same for the same input, and the input left untouched', () => {
    const input = inputFor(partial(), { history: [{ date: '2025-09-10', total: 88, estimate: false, band: 'fair', kind: 'external' }] });
    const before = structuredClone(input);
    const a = buildReportModel(input, 'fi');
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(buildReportModel(input, 'fi')).toEqual(a);
    expect(input).toEqual(before);
  });

  test('a draft review is marked as not final on the cover', () => {
    const json = { ...full(), status: 'consensus' as const };
    expect(model(json).cover.notices).toEqual(['Luonnos: arviointi on vielä kesken (konsensuskäsittely), joten raportti ei ole lopullinen.']);
  });
});
