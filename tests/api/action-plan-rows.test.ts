import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend as openTestBackend } from '../fixtures/backend.ts';
import { pdftotextFlat, writeTempPdf } from '../reports/report-pdf-tools.ts';

/** The PDF's text as pdftotext reads it; the temporary file's folder is removed again. */
function pdfText(base64: string): string {
  const file = writeTempPdf('plan.pdf', Buffer.from(base64, 'base64'));
  try {
    return pdftotextFlat(file);
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

type T = Awaited<ReturnType<typeof openTestBackend>>;

/** Every backend a test opens is closed and its temporary folder removed after the test. */
const opened: T[] = [];
async function testBackend() {
  const t = await openTestBackend();
  opened.push(t);
  return t;
}
afterEach(() => {
  for (const t of opened.splice(0)) {
    t.backend.close();
    rmSync(dirname(t.dbFile), { recursive: true, force: true });
  }
});

/** A one-reviewer review: item 4 scored 2, item 9 scored 3, every other item 4; recommendations on items 4, 12 and 20. */
async function reviewWithRecommendations(t: T, siteId: number, date: string, language?: 'fi' | 'sv' | 'en') {
  const review = await t.call('reviews.create', { siteId, kind: 'external', visitDates: [date], reviewers: [{ name: 'Aino Laaksonen', role: null }], ...(language ? { language } : {}) });
  const reviewerId = review.reviewers[0]!.id;
  for (let item = 1; item <= 25; item++) await t.call('ratings.set', { reviewId: review.id, reviewerId, item, score: item === 4 ? 2 : item === 9 ? 3 : 4 });
  for (const [item, text] of [[4, 'Työhönvalmentaja osallistuu hoitotiimin kokouksiin'], [12, 'Työnantajakontakteja kuusi viikossa'], [20, 'Seurantatuki jatkuu vuoden']] as const) {
    await t.call('recommendations.set', { reviewId: review.id, reviewerId, item, text });
  }
  return review;
}

async function setUp() {
  const t = await testBackend();
  const site = await t.call('sites.create', { name: 'Kaari & Co; IPS' });
  const review = await reviewWithRecommendations(t, site.id, '2026-11-20');
  return { ...t, site, review };
}

describe('action plan rows (issue 13)', () => {
  test('creating the plan proposes a row per recommended item (goal = the recommendation) and per item scored 3 or below', async () => {
    const { call, review } = await setUp();
    const plan = await call('actionPlan.get', { reviewId: review.id });
    expect(plan.candidates.map((c) => [c.item, c.score, c.recommendation])).toEqual([
      [4, 2, 'Työhönvalmentaja osallistuu hoitotiimin kokouksiin'], [9, 3, null], [12, 4, 'Työnantajakontakteja kuusi viikossa'], [20, 4, 'Seurantatuki jatkuu vuoden'],
    ]);
    expect(plan.items).toHaveLength(25);
    expect(plan.items[11]).toMatchObject({ item: 12, score: 4, recommendation: 'Työnantajakontakteja kuusi viikossa' });
    const created = await call('actionPlan.createFromReview', { reviewId: review.id });
    expect(created.added).toEqual([4, 9, 12, 20]);
    expect(created.rows.map((r) => [r.item, r.goal])).toEqual([
      [4, 'Työhönvalmentaja osallistuu hoitotiimin kokouksiin'], [9, ''], [12, 'Työnantajakontakteja kuusi viikossa'], [20, 'Seurantatuki jatkuu vuoden'],
    ]);
    expect((await call('actionPlan.createFromReview', { reviewId: review.id })).added).toEqual([]);
  });

  test('rows for any item, several per item, and free rows with a title; bad input changes nothing', async () => {
    const { call, backend, dbFile, review } = await setUp();
    const high = await call('actionPlan.addRow', { reviewId: review.id, item: 17, goal: 'Etuusneuvonta kaikille' });
    expect(high).toMatchObject({ item: 17, score: 4, freeTitle: null, goal: 'Etuusneuvonta kaikille', status: 'open' });
    expect(high.title.fi).toBeTruthy();
    const second = await call('actionPlan.addRow', { reviewId: review.id, item: 17 });
    const free = await call('actionPlan.addRow', { reviewId: review.id, freeTitle: '  Yhteistyö Kelan kanssa ', goal: 'Yhteinen palaveri' });
    expect(free).toMatchObject({ item: null, title: {}, freeTitle: 'Yhteistyö Kelan kanssa', score: null, goal: 'Yhteinen palaveri' });
    await call('actionPlan.addRow', { reviewId: review.id, item: 2 });
    expect((await call('actionPlan.get', { reviewId: review.id })).rows.map((r) => r.id)).toEqual([expect.any(Number), high.id, second.id, free.id]);

    expect(await call('actionPlan.update', { id: free.id, freeTitle: 'Kela ja TE-palvelut', owner: 'Esihenkilö', dueDate: '2027-01-31', status: 'in-progress' }))
      .toMatchObject({ freeTitle: 'Kela ja TE-palvelut', owner: 'Esihenkilö', dueDate: '2027-01-31', status: 'in-progress' });
    const audit = await call('audit.list', { entity: 'action-plan-row', entityId: String(free.id) });
    expect(audit.map((a) => a.action)).toEqual(['update', 'add']);
    expect(audit[0]).toMatchObject({ oldValue: { title: 'Yhteistyö Kelan kanssa' }, newValue: { title: 'Kela ja TE-palvelut', item: null } });

    const before = dumpDatabase(dbFile);
    for (const [call_, input, code] of [
      ['actionPlan.addRow', { reviewId: review.id }, 'invalid-input'],
      ['actionPlan.addRow', { reviewId: review.id, item: 3, freeTitle: 'Molemmat' }, 'invalid-input'],
      ['actionPlan.addRow', { reviewId: review.id, freeTitle: '   ' }, 'invalid-input'],
      ['actionPlan.addRow', { reviewId: review.id, freeTitle: 'x'.repeat(301) }, 'invalid-input'],
      ['actionPlan.addRow', { reviewId: review.id, item: 26 }, 'invalid-input'],
      ['actionPlan.addRow', { reviewId: 999, item: 3 }, 'not-found'],
      ['actionPlan.update', { id: high.id, freeTitle: 'Kohdalla ei ole omaa otsikkoa' }, 'invalid-input'],
      ['actionPlan.update', { id: free.id, dueDate: '31.2.2027' }, 'invalid-input'],
      ['actionPlan.update', { id: free.id, dueDate: '2027-02-31' }, 'invalid-input'],
    ] as const) {
      expect(await backend.dispatch(call_, input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(dumpDatabase(dbFile)).toEqual(before);
    expect(await call('actionPlan.remove', { id: free.id })).toEqual({ id: free.id, reviewId: review.id, item: null });
  });

  test('a plan holds at most 200 rows (what a bundle carries)', async () => {
    const { call, backend, review } = await setUp();
    for (let i = 0; i < 200; i++) await call('actionPlan.addRow', { reviewId: review.id, freeTitle: `Toimenpide ${i + 1}` });
    expect(await backend.dispatch('actionPlan.addRow', { reviewId: review.id, item: 1 })).toMatchObject({ ok: false, error: { code: 'conflict', details: { issues: [{ code: 'action-plan-full' }] } } });
    expect(await backend.dispatch('actionPlan.createFromReview', { reviewId: review.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  test('the follow-up review sees the previous plan with each row\'s status, free rows included', async () => {
    const t = await setUp();
    const { call, site, review } = t;
    const { rows } = await call('actionPlan.createFromReview', { reviewId: review.id });
    await call('actionPlan.update', { id: rows[0]!.id, status: 'done' });
    await call('actionPlan.update', { id: rows[1]!.id, dueDate: '2026-11-01' });
    const free = await call('actionPlan.addRow', { reviewId: review.id, freeTitle: 'Yhteistyö Kelan kanssa' });
    await call('actionPlan.update', { id: free.id, status: 'dropped' });
    expect(await call('actionPlan.previous', { reviewId: review.id })).toBeNull();

    const next = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2027-11-20'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
    const previous = await call('actionPlan.previous', { reviewId: next.id });
    expect(previous).toMatchObject({ reviewId: review.id, kind: 'external', visitDates: ['2026-11-20'], overdue: 1, counts: { open: 3, 'in-progress': 0, done: 1, dropped: 1 } });
    expect(previous!.rows.map((r) => [r.item, r.freeTitle, r.status, r.overdue])).toEqual([
      [4, null, 'done', false], [9, null, 'open', true], [12, null, 'open', false], [20, null, 'open', false], [null, 'Yhteistyö Kelan kanssa', 'dropped', false],
    ]);
    const progress = await call('actionPlan.siteProgress', { siteId: site.id });
    expect(progress.map((p) => [p.reviewId, p.rows, p.freeRows])).toEqual([[next.id, 0, 0], [review.id, 5, 1]]);

    // The follow-up review's report lists the previous plan, the free row by its title.
    const rated = await reviewWithRecommendations(t, site.id, '2027-12-01');
    const { pdfBase64 } = await call('reports.render', { reviewId: rated.id, language: 'fi' });
    const text = pdfText(pdfBase64);
    expect(text).toContain('Edellisen arvioinnin toimintasuunnitelma');
    expect(text).toMatch(/Yhteistyö Kelan kanssa .*Luovuttu/);
    expect(text).toContain('Kriteeri tai aihe');
  });

  test('CSV: BOM, header in the chosen language, a row per action in the plan\'s order, Finnish dates, formulas neutralised', async () => {
    const { call, review } = await setUp();
    const { rows } = await call('actionPlan.createFromReview', { reviewId: review.id });
    await call('actionPlan.update', { id: rows[0]!.id, owner: 'Hanna Korhonen', dueDate: '2027-02-28', status: 'in-progress', notes: 'Rivi 1\nrivi 2' });
    await call('actionPlan.addRow', { reviewId: review.id, item: 4, goal: '=HYPERLINK("x")' });
    await call('actionPlan.addRow', { reviewId: review.id, freeTitle: 'Yhteistyö Kelan kanssa; TE', goal: 'Yhteinen palaveri' });

    const fi = await call('actionPlan.exportCsv', { reviewId: review.id, language: 'fi' });
    expect(fi.fileName).toBe('toimintasuunnitelma-Kaari & Co; IPS-2026-11-20.csv');
    expect(fi.rows).toBe(6);
    const bytes = Buffer.from(fi.fileBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]).toEqual(['Kriteeri', 'Kriteeri tai aihe', 'Pisteet', 'Tavoite', 'Vastuuhenkilö', 'Määräaika', 'Tila', 'Myöhässä', 'Muistiinpanot']);
    expect(table.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[8]])).toEqual([
      ['4', '2', 'Työhönvalmentaja osallistuu hoitotiimin kokouksiin', 'Hanna Korhonen', '28.2.2027', 'Työn alla', 'Rivi 1\nrivi 2'],
      ['4', '2', '\'=HYPERLINK("x")', '', '', 'Avoin', ''],
      ['9', '3', '', '', '', 'Avoin', ''],
      ['12', '4', 'Työnantajakontakteja kuusi viikossa', '', '', 'Avoin', ''],
      ['20', '4', 'Seurantatuki jatkuu vuoden', '', '', 'Avoin', ''],
      ['', '', 'Yhteinen palaveri', '', '', 'Avoin', ''],
    ]);
    expect(table[6]![1]).toBe('Yhteistyö Kelan kanssa; TE');
    expect(table[1]![1]).toMatch(/\S/);

    const en = await call('actionPlan.exportCsv', { reviewId: review.id, language: 'en' });
    const enTable = parse(Buffer.from(en.fileBase64, 'base64').toString('utf8'), { bom: true, delimiter: ',' }) as string[][];
    expect(enTable[0]).toEqual(['Item', 'Item or topic', 'Score', 'Goal', 'Owner', 'Due', 'Status', 'Overdue', 'Notes']);
    expect(enTable[1]![5]).toBe('2027-02-28');
    expect(en.fileName).toMatch(/^action-plan-/);
    const sv = await call('actionPlan.exportCsv', { reviewId: review.id, language: 'sv' });
    expect((parse(Buffer.from(sv.fileBase64, 'base64').toString('utf8'), { bom: true, delimiter: ';' }) as string[][])[0]![0]).toBe('Kriterium');
  });

  test('PDF: in the review\'s language (or the one asked for), with every goal, free rows and statuses', async () => {
    const t = await testBackend();
    const site = await t.call('sites.create', { name: 'Kemin IPS' });
    const review = await reviewWithRecommendations(t, site.id, '2026-11-20', 'sv');
    const { rows } = await t.call('actionPlan.createFromReview', { reviewId: review.id });
    await t.call('actionPlan.update', { id: rows[0]!.id, owner: 'Hanna Korhonen', dueDate: '2027-02-28', status: 'done', notes: 'Följs upp i teamet' });
    await t.call('actionPlan.addRow', { reviewId: review.id, freeTitle: 'Samarbete med FPA', goal: 'Gemensamt möte varje kvartal' });

    const sv = await t.call('actionPlan.exportPdf', { reviewId: review.id });
    expect(sv).toMatchObject({ fileName: 'handlingsplan-Kemin IPS-2026-11-20.pdf', rows: 5 });
    expect(Buffer.from(sv.fileBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(sv.fileBase64);
    for (const expected of ['Handlingsplan – Kemin IPS', 'Åtgärder', 'Työhönvalmentaja osallistuu hoitotiimin kokouksiin', 'Työnantajakontakteja kuusi viikossa',
      'Seurantatuki jatkuu vuoden', 'Samarbete med FPA', 'Gemensamt möte varje kvartal', 'Följs upp i teamet', 'Hanna Korhonen', '28.2.2027', 'Klar', 'Öppen']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('1 av 5 åtgärder genomförda');

    const fi = await t.call('actionPlan.exportPdf', { reviewId: review.id, language: 'fi' });
    const fiText = pdfText(fi.fileBase64);
    expect(fiText).toContain('Toimintasuunnitelma – Kemin IPS');
    expect(fiText).toContain('Tehty');
    expect(fi.fileName).toBe('toimintasuunnitelma-Kemin IPS-2026-11-20.pdf');
  });
});
