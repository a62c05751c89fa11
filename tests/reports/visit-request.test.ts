import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { MessageTree } from '../../reports/report-messages.ts';
import { renderVisitRequest } from '../../reports/visit-request/render-visit-request.ts';
import type { VisitRequestInput } from '../../reports/visit-request/visit-request-input.ts';
import { clockRange, VISIT_REQUEST_MESSAGES } from '../../reports/visit-request/visit-request-model.ts';
import { pdffonts, pdfinfo, pdftotextFlat, qpdfCheck, writeTempPdf } from './report-pdf-tools.ts';

const leaves = (tree: MessageTree, prefix = ''): Map<string, string> => new Map(Object.entries(tree).flatMap(([key, value]) =>
  typeof value === 'string' ? [[`${prefix}${key}`, value] as const] : [...leaves(value, `${prefix}${key}.`)]));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const INPUT: VisitRequestInput = {
  language: 'fi', requestDate: '2026-11-02', siteName: 'Kaari & Co IPS', organisation: 'Pohjois-Savon hyvinvointialue', kind: 'external',
  visitDates: ['2026-11-24', '2026-11-25'], reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }, { name: 'Bertta Virtanen', role: null }],
  documents: ['Asiakas- ja potilasasiakirjat', 'Tietojärjestelmän tiedot ja tilastot'],
  meetings: [
    { category: 'observation', label: 'IPS-tiimin palaveri', date: null, startTime: null, endTime: null, who: null, people: [] },
    { category: 'interview', label: 'Kelan yhteyshenkilö', date: '2026-11-25', startTime: '08:30', endTime: '09:00', who: null, people: [{ name: 'Liisa Kela', role: 'kuntoutusasiantuntija' }] },
    { category: 'interview', label: 'Asiakkaiden haastattelu', date: '2026-11-24', startTime: '09:00', endTime: '10:30', who: '3 asiakasta',
      people: [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }] },
    // Many rows: the schedule continues on the next page with its header repeated.
    ...Array.from({ length: 40 }, (_, i) => ({
      category: 'interview' as const, label: `Haastattelu ${i + 1}`, date: '2026-11-25', startTime: `${String(10 + (i % 10)).padStart(2, '0')}:00`, endTime: null,
      who: null, people: [{ name: `Henkilö ${i + 1}`, role: 'tiimin jäsen' }],
    })),
  ],
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const saved = (name: string, pdf: Buffer) => {
  const file = writeTempPdf(name, pdf);
  folders.push(dirname(file));
  return file;
};

describe('the request to the site (reports/visit-request)', () => {
  test.each(['sv', 'en'] as const)('%s has exactly the keys and placeholders of fi', (language) => {
    const fi = leaves(VISIT_REQUEST_MESSAGES.fi);
    const other = leaves(VISIT_REQUEST_MESSAGES[language]);
    expect([...other.keys()].sort()).toEqual([...fi.keys()].sort());
    for (const [key, text] of other) expect(placeholders(text), key).toEqual(placeholders(fi.get(key)!));
  });

  test('times in each language’s words', () => {
    expect(clockRange('09:00', '10:30', 'fi')).toBe('klo 9.00–10.30');
    expect(clockRange('13:15', null, 'sv')).toBe('från kl. 13.15');
    expect(clockRange(null, '16:00', 'en')).toBe('until 16:00');
    expect(clockRange(null, null, 'fi')).toBeNull();
  });

  test('an A4 PDF/A with embedded fonts only; the schedule in time order, the same bytes for the same input', async () => {
    const { pdf, model } = await renderVisitRequest(INPUT);
    const file = saved('request.pdf', pdf);
    expect(qpdfCheck(file).code).toBe(0);
    const info = pdfinfo(file);
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.pages).toBeGreaterThan(1);
    expect(info.fields.Title).toBe('Pyyntö IPS-menetelmäuskollisuusarvioinnin käyntiä varten – Kaari & Co IPS');
    expect(pdffonts(file).every((font) => font.embedded)).toBe(true);
    const text = pdftotextFlat(file);
    const first = text.indexOf('24.11.2026 klo 9.00–10.30 Asiakkaiden haastattelu (haastattelu) Hanna Korhonen (työhönvalmentaja), 3 asiakasta');
    const second = text.indexOf('25.11.2026 klo 8.30–9.00 Kelan yhteyshenkilö (haastattelu) Liisa Kela (kuntoutusasiantuntija)');
    const toAgree = text.indexOf('sovitaan sovitaan IPS-tiimin palaveri (havainnointi) henkilöt sovitaan');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(toAgree).toBeGreaterThan(second);
    // The schedule's header row is repeated on the page it continues on.
    expect(text.split('Päivä Aika Haastattelu tai havainnointi Keitä').length - 1).toBe(2);
    expect(text).toContain('Valmisteltavat asiakirjat ja tiedot');
    expect(text).toContain('Aino Laaksonen (pääarvioija), Bertta Virtanen');
    expect(model.fileName).toBe('Arviointikäynnin pyyntö – Kaari & Co IPS.pdf');
    expect((await renderVisitRequest(INPUT)).pdf.equals(pdf)).toBe(true);
  });

  test('Swedish and English: the request’s own words in the language, the plan’s labels as given', async () => {
    const sv = pdftotextFlat(saved('sv.pdf', (await renderVisitRequest({ ...INPUT, language: 'sv', meetings: INPUT.meetings.slice(0, 3) })).pdf));
    expect(sv).toContain('Tidtabell');
    expect(sv).toContain('24.11.2026 kl. 9.00–10.30 Asiakkaiden haastattelu (intervju)');
    const en = pdftotextFlat(saved('en.pdf', (await renderVisitRequest({ ...INPUT, language: 'en', meetings: [], documents: [] })).pdf));
    expect(en).toContain('No schedule has been planned yet.');
    expect(en).toContain('No documents are requested.');
  });
});
