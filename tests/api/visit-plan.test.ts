import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';

const text = (pdfBase64: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: Buffer.from(pdfBase64, 'base64') }).toString().replace(/\s+/g, ' ');

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function reviewWithPlan(version = '1.0.0') {
  const backend = await testBackend();
  folders.push(dirname(backend.dbFile));
  const site = await backend.call('sites.create', { name: 'Kuopion IPS', organisation: 'Pohjois-Savon hyvinvointialue' });
  const review = await backend.call('reviews.create', {
    siteId: site.id, kind: 'external', scale: { id: 'ips-25', version }, visitDates: ['2026-11-24', '2026-11-25'], language: 'fi',
    reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }],
  });
  const plan = await backend.call('visitPlan.list', { reviewId: review.id });
  const entry = (key: string) => plan.find((e) => e.sourceKey === key)!;
  return { ...backend, review, plan, entry };
}

describe('visit plan: times, people, own rows, linked notes', () => {
  test('the scale’s sources plus the IPS team meeting; a scale that lists the meeting itself gets no second row', async () => {
    const { plan } = await reviewWithPlan('1.0.0');
    expect(plan.filter((e) => e.kind === 'scale').length).toBe(11);
    expect(plan.filter((e) => e.kind === 'team-meeting')).toEqual([expect.objectContaining({ sourceKey: 'ips-team-meeting', category: 'observation', label: null, items: [] })]);
    const newer = await reviewWithPlan('1.1.0');
    expect(newer.plan.some((e) => e.kind === 'team-meeting')).toBe(false);
    expect(newer.plan.some((e) => e.sourceKey === 'ips-team-meeting-observation')).toBe(true);
  });

  test('saves times, named people and a note linked to items; bad input is refused with its field and changes nothing', async () => {
    const { call, backend, dbFile, review, entry } = await reviewWithPlan();
    const clients = entry('client-interview');
    const saved = await call('visitPlan.update', {
      reviewId: review.id, entryId: clients.id, plannedDate: '2026-11-24', startTime: '09:00', endTime: '10:30',
      people: [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }, { name: ' Matti ', role: ' ' }],
      note: 'Asiakkaat kertoivat työnhaun alkavan heti.', noteItems: [13, 5, 13],
    });
    expect(saved).toMatchObject({
      startTime: '09:00', endTime: '10:30', noteItems: [5, 13],
      people: [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }, { name: 'Matti', role: null }],
    });

    const before = dumpDatabase(dbFile);
    const refused = async (input: Record<string, unknown>, code: string, path: string) => {
      const response = await backend.dispatch('visitPlan.update', { reviewId: review.id, entryId: clients.id, ...input });
      expect(response, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, details: { issues: [expect.objectContaining({ path })] } } });
    };
    await refused({ startTime: '11:00' }, 'invalid-input', 'startTime');
    await refused({ endTime: '08:59' }, 'invalid-input', 'endTime');
    await refused({ startTime: '24:00' }, 'invalid-input', 'startTime');
    await refused({ startTime: '9.00' }, 'invalid-input', 'startTime');
    await refused({ plannedDate: '2026-02-31' }, 'invalid-input', 'plannedDate');
    await refused({ noteItems: [26] }, 'invalid-input', 'noteItems');
    await refused({ label: 'Uusi nimi' }, 'invalid-input', 'label');
    await refused({ people: [{ name: ' ', role: null }] }, 'invalid-input', 'people.0.name');
    expect(dumpDatabase(dbFile)).toEqual(before);

    // Only what is given changes; the people stay unless a new list is given.
    const later = await call('visitPlan.update', { reviewId: review.id, entryId: clients.id, done: true });
    expect(later).toMatchObject({ done: true, startTime: '09:00', people: [{ name: 'Hanna Korhonen' }, { name: 'Matti' }], noteItems: [5, 13] });
    expect(await call('visitPlan.update', { reviewId: review.id, entryId: clients.id, people: [], startTime: null })).toMatchObject({ people: [], startTime: null, endTime: '10:30' });
  });

  test('rows of the reviewers’ own are added and removed; the scale’s rows cannot be removed', async () => {
    const { call, backend, review, entry } = await reviewWithPlan();
    const kela = await call('visitPlan.addEntry', { reviewId: review.id, category: 'interview', label: '  Kelan yhteyshenkilö ' });
    expect(kela).toMatchObject({ kind: 'custom', label: 'Kelan yhteyshenkilö', category: 'interview', items: [], people: [] });
    expect(await call('visitPlan.update', { reviewId: review.id, entryId: kela.id, label: 'Kelan kuntoutusasiantuntija' })).toMatchObject({ label: 'Kelan kuntoutusasiantuntija' });
    const family = await call('visitPlan.addEntry', { reviewId: review.id, category: 'interview', label: 'Asiakkaan äiti' });
    expect((await call('visitPlan.list', { reviewId: review.id })).slice(-2).map((e) => e.label)).toEqual(['Kelan kuntoutusasiantuntija', 'Asiakkaan äiti']);
    expect(await call('visitPlan.removeEntry', { reviewId: review.id, entryId: family.id })).toEqual({ id: family.id });
    expect((await call('visitPlan.list', { reviewId: review.id })).some((e) => e.id === family.id)).toBe(false);
    expect(await backend.dispatch('visitPlan.removeEntry', { reviewId: review.id, entryId: entry('client-interview').id }))
      .toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'not-custom' } } });
    expect(await backend.dispatch('visitPlan.addEntry', { reviewId: review.id, category: 'interview', label: '   ' }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  test('the request to the site holds the documents, the people and the schedule, in the review’s language or another', async () => {
    const { call, review, entry } = await reviewWithPlan();
    await call('visitPlan.update', { reviewId: review.id, entryId: entry('client-interview').id, plannedDate: '2026-11-24', startTime: '09:00', endTime: '10:30', people: [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }] });
    await call('visitPlan.update', { reviewId: review.id, entryId: entry('ips-team-meeting').id, plannedDate: '2026-11-24', startTime: '13:15', who: 'koko IPS-tiimi' });
    const kela = await call('visitPlan.addEntry', { reviewId: review.id, category: 'interview', label: 'Kelan yhteyshenkilö' });
    await call('visitPlan.update', { reviewId: review.id, entryId: kela.id, plannedDate: '2026-11-25', startTime: '08:30', endTime: '09:00', people: [{ name: 'Liisa Kela', role: 'kuntoutusasiantuntija' }] });

    const fi = await call('visitPlan.requestPdf', { reviewId: review.id });
    expect(fi).toMatchObject({ language: 'fi', fileName: 'Arviointikäynnin pyyntö – Kuopion IPS.pdf' });
    const fiText = text(fi.pdfBase64);
    expect(fiText).toContain('Pyyntö IPS-menetelmäuskollisuusarvioinnin käyntiä varten');
    expect(fiText).toContain('24.11.2026 klo 9.00–10.30 Asiakkaiden haastattelu (haastattelu) Hanna Korhonen (työhönvalmentaja)');
    expect(fiText).toContain('24.11.2026 klo 13.15 alkaen IPS-tiimin palaveri (havainnointi) koko IPS-tiimi');
    expect(fiText).toContain('25.11.2026 klo 8.30–9.00 Kelan yhteyshenkilö (haastattelu) Liisa Kela (kuntoutusasiantuntija)');
    expect(fiText).toContain('Asiakas- ja potilasasiakirjat');
    // Schedule order: by date and time, the unscheduled after them.
    expect(fiText.indexOf('klo 9.00–10.30')).toBeLessThan(fiText.indexOf('klo 13.15'));
    expect(fiText.indexOf('klo 13.15')).toBeLessThan(fiText.indexOf('klo 8.30–9.00'));
    expect(fiText.indexOf('klo 8.30–9.00')).toBeLessThan(fiText.indexOf('sovitaan'));

    const sv = text((await call('visitPlan.requestPdf', { reviewId: review.id, language: 'sv' })).pdfBase64);
    expect(sv).toContain('Tidtabell');
    // IPS-25 1.0.0 has no Swedish: its source names stay Finnish, the request's own words are Swedish.
    expect(sv).toContain('24.11.2026 kl. 9.00–10.30 Asiakkaiden haastattelu (intervju) Hanna Korhonen (työhönvalmentaja)');
    expect(sv).toContain('från kl. 13.15 IPS-teamets möte (observation)');
    const en = text((await call('visitPlan.requestPdf', { reviewId: review.id, language: 'en' })).pdfBase64);
    expect(en).toContain('24/11/2026 9:00–10:30 Interviews with clients (interview)');
    expect(en).toContain('IPS team meeting');
  });

  test('after the review is final the plan is read as it is and changes are refused; the report’s method lists what was done', async () => {
    const { call, backend, dbFile, review, entry } = await reviewWithPlan();
    const clients = entry('client-interview');
    await call('visitPlan.update', { reviewId: review.id, entryId: clients.id, done: true, plannedDate: '2026-11-24', startTime: '09:00', endTime: '10:30', people: [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }] });
    await call('visitPlan.update', { reviewId: review.id, entryId: entry('ips-team-meeting').id, done: true, plannedDate: '2026-11-25', who: 'IPS-tiimi' });
    await call('visitPlan.update', { reviewId: review.id, entryId: entry('documents').id, done: true });
    await call('visitPlan.update', { reviewId: review.id, entryId: entry('leader-interview').id, plannedDate: '2026-11-25', people: [{ name: 'Ei haastateltu', role: null }] });
    const reviewerId = review.reviewers[0]!.id;
    for (let item = 1; item <= 25; item++) await call('ratings.set', { reviewId: review.id, reviewerId, item, score: 4 });
    await call('reviews.setStatus', { id: review.id, status: 'final' });

    const plan = await call('visitPlan.list', { reviewId: review.id });
    expect(plan.find((e) => e.id === clients.id)).toMatchObject({ done: true, startTime: '09:00', people: [{ name: 'Hanna Korhonen' }] });
    const before = dumpDatabase(dbFile);
    expect(await backend.dispatch('visitPlan.update', { reviewId: review.id, entryId: clients.id, note: 'x' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await backend.dispatch('visitPlan.addEntry', { reviewId: review.id, category: 'interview', label: 'x' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(dumpDatabase(dbFile)).toEqual(before);
    expect((await call('visitPlan.requestPdf', { reviewId: review.id })).pdfBase64.length).toBeGreaterThan(1000);

    const report = text((await call('reports.render', { reviewId: review.id, language: 'fi' })).pdfBase64);
    expect(report).toContain('Haastattelut Asiakkaiden haastattelu 24.11.2026 klo 9.00–10.30 · Hanna Korhonen (työhönvalmentaja)');
    expect(report).toContain('Havainnoinnit IPS-tiimin palaveri 25.11.2026 · IPS-tiimi');
    expect(report).toContain('Tarkastellut asiakirjat ja tiedot Asiakirjat (toimintaohjeet, esitteet, tehtävänkuvat, kokousmuistiot)');
    expect(report).not.toContain('Ei haastateltu');
    expect(report).not.toContain('Arviointiaineistoa (haastatellut, havainnointi, asiakirjat) ei ole kirjattu');
    // An amendment is the same visit: it carries the plan, editable again, and its report lists the same visits.
    const amendment = await call('reviews.amend', { reviewId: review.id, reason: 'Kohdan 13 pisteet korjattu' });
    const carried = await call('visitPlan.list', { reviewId: amendment.id });
    expect(carried.map(({ id: _id, ...rest }) => rest)).toEqual(plan.map(({ id: _id, ...rest }) => rest));
    const carriedClients = carried.find((e) => e.sourceKey === 'client-interview')!;
    await call('visitPlan.update', { reviewId: amendment.id, entryId: carriedClients.id, people: [{ name: 'Hanna Korhonen', role: 'IPS-työhönvalmentaja' }] });
    expect((await call('visitPlan.list', { reviewId: review.id })).find((e) => e.id === clients.id)!.people).toEqual([{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }]);
    expect(text((await call('reports.render', { reviewId: amendment.id, language: 'fi' })).pdfBase64))
      .toContain('Asiakkaiden haastattelu 24.11.2026 klo 9.00–10.30 · Hanna Korhonen (IPS-työhönvalmentaja)');

    const en = text((await call('reports.render', { reviewId: review.id, language: 'en' })).pdfBase64);
    expect(en).toContain('Interviews Interviews with clients 24 November 2026 9:00–10:30 · Hanna Korhonen (työhönvalmentaja)');
    expect(en).toContain('Observations IPS team meeting 25 November 2026 · IPS-tiimi');
  });
});
