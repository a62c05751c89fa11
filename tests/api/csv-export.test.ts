import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { neutraliseFormula, reviewsCsv } from '../../electron/backend/handlers/csv-export.ts';
import { testBackend } from '../fixtures/backend.ts';
import { partialRatings, ratingsSumming } from '../fixtures/ratings.ts';

type T = Awaited<ReturnType<typeof testBackend>>;
const BOM = '\uFEFF';

async function review(t: T, siteId: number, kind: 'external' | 'self' | 'peer', visitDates: string[], ratings: { item: number; score: number | null; reason?: string }[], reviewingOrganisation: string | null = null) {
  const created = await t.call('reviews.create', { siteId, kind, reviewingOrganisation, visitDates, reviewers: [{ name: 'Aino', role: null }] });
  const reviewerId = created.reviewers[0]!.id;
  for (const r of ratings) {
    await t.call('ratings.set', { reviewId: created.id, reviewerId, item: r.item, score: r.score, ...(r.reason ? { reason: r.reason as 'no-data', reasonNote: 'Ei tietoja' } : {}) });
  }
  return created;
}

/** Two regions, three sites (one archived), a complete, a partial (prorated estimate) and an empty review, and a peer review. */
async function setUp() {
  const t = await testBackend();
  const jyvaskyla = await t.call('sites.create', { name: 'Jyväskylän työllisyyspalvelut', regionCode: '15' });
  const aanekoski = await t.call('sites.create', { name: 'Äänekosken IPS; "Työpaja"', regionCode: '15', collaborationModel: 2 });
  const oulu = await t.call('sites.create', { name: '=Oulun IPS', regionCode: '19', collaborationModel: 'other', collaborationNote: 'Yhteinen tiimi' });
  await review(t, jyvaskyla.id, 'external', ['2026-11-20', '2026-11-21'], ratingsSumming(104));
  await review(t, aanekoski.id, 'self', ['2026-10-05'], partialRatings(73, 17));
  await review(t, aanekoski.id, 'external', ['2025-03-01'], []);
  await t.call('sites.setActive', { id: oulu.id, active: false });
  await review(t, oulu.id, 'peer', ['2026-09-09'], ratingsSumming(60), '=Tampereen IPS-tiimi');
  return { ...t, sites: { jyvaskyla, aanekoski, oulu } };
}

const parseCsv = (csv: string, delimiter: string) => parse(csv.slice(1), { delimiter, record_delimiter: '\r\n', relax_column_count: false }) as string[][];

describe('reviews.exportCsv', () => {
  test('every value matches the API: one row per review, Finnish headers, BOM, CRLF, semicolons, decimal comma', async () => {
    const { call, sites } = await setUp();
    const { csv, fileName, reviews } = await call('reviews.exportCsv', { language: 'fi' });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(reviews + 2); // header, rows, and the empty string after the last CRLF
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(fileName).toBe('ips-arvioinnit-kaikki-2026-11-23.csv');
    expect(reviews).toBe(4);

    const [header, ...rows] = parseCsv(csv, ';');
    const items = Array.from({ length: 25 }, (_, i) => String(i + 1));
    expect(header).toEqual(['Yksikkö', 'Alue', 'Aluekoodi', 'Yhteistyömalli', 'Käyntipäivät', 'Laji', 'Arvioiva organisaatio', 'Tila', 'Asteikon versio', ...items, 'Yhteispistemäärä', 'Arvio?', 'Taso', 'Arvioituja kriteereitä', 'Pistekeskiarvo', 'Alaraja', 'Yläraja']);
    // Sites by name (the archived one too: '=' sorts first), each site's reviews oldest first.
    expect(rows.map((r) => r[0])).toEqual(["'=Oulun IPS", 'Jyväskylän työllisyyspalvelut', 'Äänekosken IPS; "Työpaja"', 'Äänekosken IPS; "Työpaja"']);

    const order = [sites.oulu, sites.jyvaskyla, sites.aanekoski];
    const summaries = (await Promise.all(order.map((s) => call('reviews.listForSite', { siteId: s.id })))).flatMap((list) => [...list].reverse());
    for (const [index, summary] of summaries.entries()) {
      const row = rows[index]!;
      const detail = await call('reviews.get', { id: summary.id });
      const site = order.find((s) => s.id === summary.siteId)!;
      expect(row[1]).toBe(site.region!.name);
      expect(row[2]).toBe(site.region!.code);
      expect(row[3]).toBe(site.collaborationModel === 2 ? 'Malli 2' : site.collaborationModel === 'other' ? `Muu malli: ${site.collaborationNote}` : '');
      expect(row[4]).toBe(summary.visitDates.map((d) => d.split('-').reverse().map(Number).join('.')).join(', '));
      expect(row[5]).toBe({ external: 'Ulkoinen arviointi', self: 'Itsearviointi', peer: 'Vertaisarviointi' }[summary.kind]);
      // A typed organisation is neutralised like the other typed cells.
      expect(row[6]).toBe(summary.reviewingOrganisation === null ? '' : `'${summary.reviewingOrganisation}`);
      expect(row[7]).toBe('Luonnos');
      expect(row[8]).toBe(`${summary.scale.id} ${summary.scale.version}`);
      const scores = new Map(detail.ratings.map((r) => [r.item, r.score]));
      expect(row.slice(9, 34)).toEqual(items.map((item) => String(scores.get(Number(item)) ?? '')));
      const { total, estimate, ratedItems } = summary.score;
      expect(row[34]).toBe(total === null ? '' : estimate ? total.toFixed(1).replace('.', ',') : String(total));
      expect(row[35]).toBe(total === null ? '' : estimate ? 'kyllä' : 'ei');
      expect(row[37]).toBe(String(ratedItems));
    }
    // The partial review's prorated estimate is marked and written with a decimal comma.
    const partial = rows[3]!;
    // 8 items unrated: 81–113, so the band holds on the rated items only.
    expect(partial.slice(34)).toEqual(['107,4', 'kyllä', 'taso arvioitujen kriteerien perusteella: hyvä', '17', '4,29', '81', '113']);
    expect(partial.slice(26, 34)).toEqual(['', '', '', '', '', '', '', '']);
    expect(rows[1]!.slice(34)).toEqual(['104', 'ei', 'hyvä', '25', '4,16', '104', '104']);
    expect(rows[2]!.slice(34)).toEqual(['', '', 'liian vähän arvioituja kriteereitä', '0', '', '25', '125']);
  });

  test('one site or one region; English uses commas and a decimal point', async () => {
    const { call, sites } = await setUp();
    const one = await call('reviews.exportCsv', { siteId: sites.aanekoski.id, language: 'en' });
    expect(one.fileName).toBe('ips-reviews-Äänekosken IPS; -Työpaja--2026-11-23.csv');
    const [header, ...rows] = parseCsv(one.csv, ',');
    expect(header!.slice(0, 9)).toEqual(['Site', 'Region', 'Region code', 'Collaboration model', 'Visit dates', 'Kind', 'Reviewing organisation', 'Status', 'Scale version']);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[34], r[35]])).toEqual([['Central Finland wellbeing services county', '15', 'Model 2', '2025-03-01', '', ''], ['Central Finland wellbeing services county', '15', 'Model 2', '2026-10-05', '107.4', 'yes']]);

    const region = await call('reviews.exportCsv', { regionId: sites.oulu.region!.id, language: 'sv' });
    const [svHeader, ...svRows] = parseCsv(region.csv, ';');
    expect(svHeader![0]).toBe('Enhet');
    expect(svRows.map((r) => r.slice(0, 4))).toEqual([["'=Oulun IPS", 'Norra Österbottens välfärdsområde', '19', 'Annan modell: Yhteinen tiimi']]);
    expect(region.fileName).toBe('ips-utvarderingar-Norra Österbottens välfärdsområde-2026-11-23.csv');
  });

  test('both a site and a region, or an unknown one, is refused', async () => {
    const { backend, sites } = await setUp();
    expect(await backend.dispatch('reviews.exportCsv', { siteId: sites.oulu.id, regionId: sites.oulu.region!.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await backend.dispatch('reviews.exportCsv', { regionId: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await backend.dispatch('reviews.exportCsv', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('reviewsCsv', () => {
  test('quotes line breaks and delimiters, neutralises formulas, keeps Finnish letters', () => {
    const csv = reviewsCsv([{
      site: 'Rivi 1\nrivi 2', region: { name: '+358 alue', code: null }, collaboration: { model: 'other', note: '=Yhteinen tiimi' }, visitDates: ['2026-01-02'], kind: 'self', reviewingOrganisation: '@Työpaja', status: 'final', scale: { id: 'ips-25', version: '1.0.0' },
      itemScores: new Map([[1, 5]]), band: { fi: 'kohtalainen' },
      score: { total: 100, totalDecimals: 1, estimate: true, band: 'fair', bandCertain: true, ratedItems: 13, meanScore: 4, lowerBound: 64, upperBound: 112 },
    }], [1, 2], 'fi');
    expect(csv).toBe(`${BOM}Yksikkö;Alue;Aluekoodi;Yhteistyömalli;Käyntipäivät;Laji;Arvioiva organisaatio;Tila;Asteikon versio;1;2;Yhteispistemäärä;Arvio?;Taso;Arvioituja kriteereitä;Pistekeskiarvo;Alaraja;Yläraja\r\n`
      + `"Rivi 1\nrivi 2";'+358 alue;;Muu malli: =Yhteinen tiimi;2.1.2026;Itsearviointi;'@Työpaja;Valmis;ips-25 1.0.0;5;;100,0;kyllä;kohtalainen;13;4,00;64;112\r\n`);
    expect(['=1', '+1', '-1', '@a', '\tx', 'ok', 'Åke'].map(neutraliseFormula)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", 'ok', 'Åke']);
  });
});
