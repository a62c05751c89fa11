import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderReviewReport, ReportInputError, type RenderReviewReportOptions } from '../../reports/report-from-review.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { pdffonts, pdfinfo, pdftotextFlat, pdftotextLayout, qpdfCheck, writeTempPdf } from './report-pdf-tools.ts';

const { registry, scale } = bundledIps25();
const REPORT_DATE = '2026-11-23';

async function renderToFile(example: string, options: RenderReviewReportOptions) {
  const { pdf, model } = await renderReviewReport(readExample(example), registry, { reportDate: REPORT_DATE, ...options });
  return { pdf, model, file: writeTempPdf(`${options.language}-${example.replace('.json', '.pdf')}`, pdf) };
}

const itemTitles = (language: 'fi' | 'en') => scale.data.items.map((item) => item.title[language]!);

describe('Finnish report of the full example, read back with poppler and qpdf', () => {
  let file: string;
  let pdf: Buffer;
  beforeAll(async () => ({ file, pdf } = await renderToFile('full-review.json', { language: 'fi' })));

  test('pdftotext finds the site, the total, the band and every item title', () => {
    const layout = pdftotextLayout(file);
    expect(layout).toContain('Järvenrannan IPS-työhönvalmennus');
    expect(layout).toMatch(/Kokonaispisteet[\s\S]*\b104\b/);
    expect(layout).toMatch(/Taso[\s\S]*hyvä/);
    expect(layout).toContain('4,16');
    expect(layout).toContain('Mikael Sundström');
    // Titles wrap inside their table cell; read in drawing order, each one is a contiguous phrase.
    const flat = pdftotextFlat(file);
    for (const title of itemTitles('fi')) expect(flat).toContain(title);
  });

  test('qpdf --check finds no errors', () => {
    const { code, output } = qpdfCheck(file);
    expect(output).toContain('No syntax or stream encoding errors found');
    expect(code).toBe(0);
  });

  test('pdffonts: DejaVu Sans embedded (regular and bold), every font embedded with a Unicode map', () => {
    const fonts = pdffonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono']);
    expect(fonts.filter((f) => !f.embedded || !f.unicode)).toEqual([]);
  });

  test('pdfinfo: A4, the page count the footers give, metadata with the report date as creation date', () => {
    const info = pdfinfo(file);
    expect(info.pageSize).toBe('595.28 x 841.89 pts (A4)');
    expect(info.pages).toBeGreaterThanOrEqual(6);
    expect(pdftotextLayout(file)).toContain(`Sivu ${info.pages} / ${info.pages}`);
    expect(info.fields.Title).toBe('IPS-menetelmäuskollisuusarvioinnin raportti – Järvenrannan IPS-työhönvalmennus');
    expect(info.fields.Author).toBe('Aino Laaksonen, Mikael Sundström');
    expect(info.fields.CreationDate).toBe('2026-11-23T00:00:00Z');
    expect(pdf.includes('/Lang (fi-FI)')).toBe(true);
  });

  test('a classic PDF for signing: a plain xref table, no object or xref streams', () => {
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\nxref\n0 \d+\n/);
    expect(text).not.toContain('/ObjStm');
    expect(text).not.toContain('/XRefStm');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  test('the same review and date give byte-identical PDFs', async () => {
    const again = await renderReviewReport(readExample('full-review.json'), registry, { language: 'fi', reportDate: REPORT_DATE });
    expect(again.pdf.equals(pdf)).toBe(true);
  });
});

describe('Finnish report of the partial example', () => {
  test('shows the prorated total, the estimate marker, the band and the not-rated reasons', async () => {
    const { file } = await renderToFile('partial-review-17-items.json', {
      language: 'fi',
      history: [{ date: '2025-09-10', total: 88, estimate: false, band: 'fair', kind: 'external' }],
    });
    const layout = pdftotextLayout(file);
    expect(layout).toContain('107,4');
    expect(layout).toContain('hyvä');
    expect(layout).toContain('Ammatillisen kuntoutuksen IPS-pilotti');
    const flat = pdftotextFlat(file);
    expect(flat).toContain('arvio 107,4 (17/25 kriteeriä), vaihteluväli 81–113, pistekeskiarvo 4,29');
    expect(flat).toContain('taso arvioitujen kriteerien perusteella: hyvä');
    expect(flat).toContain('Palvelumalli poikkeaa.');
    expect(flat).not.toContain('vähintään hyvä');
    expect(flat).toContain('Menetelmäuskollisuuden tasot');
    expect(flat).toContain('Kokonaispisteiden kehitys');
    // The signature page names the expected signers and reserves their places; it shows no signature.
    expect(flat).toContain('Odotettu allekirjoittaja 1');
    expect(flat).toContain('Odottaa allekirjoitusta');
    expect(flat).not.toContain('Varmenteen sormenjälki');
    expect(qpdfCheck(file).code).toBe(0);
  });
});

describe('English and Swedish reports', () => {
  test('English partial: decimal point, "estimate from", English band and titles', async () => {
    const { file } = await renderToFile('partial-review-17-items.json', { language: 'en' });
    const layout = pdftotextLayout(file);
    expect(layout).toContain('107.4');
    expect(layout).toMatch(/Fidelity[\s\S]*good/);
    expect(layout).toMatch(/Page 1 of \d+/);
    const flat = pdftotextFlat(file);
    expect(flat).toContain('estimate from 17/25 criteria; range 81–113');
    expect(flat).toContain('8 September 2026');
    expect(flat).not.toMatch(/\b\d\d\/\d\d\/\d{4}\b/);
    for (const title of itemTitles('en')) expect(flat).toContain(title);
  });

  test('Swedish full: Swedish wording, scale wording in Finnish (the scale has no Swedish text) with a notice', async () => {
    const { file, pdf } = await renderToFile('full-review.json', { language: 'sv' });
    const layout = pdftotextLayout(file);
    expect(layout).toContain('Totalpoäng');
    expect(layout).toContain('104');
    expect(layout).toContain('hyvä');
    expect(layout).toMatch(/Sida 1 \/ \d+/);
    expect(pdftotextFlat(file)).toContain('visas på finska eftersom skalan saknar en version på detta språk');
    expect(pdf.includes('/Lang (sv-FI)')).toBe(true);
  });
});

describe('renderReviewReport refuses bad input with a typed error listing every problem', () => {
  test('an invalid review', async () => {
    const json = readExample('full-review.json') as { ratings: { score: number | null }[] };
    json.ratings[0]!.score = 7;
    json.ratings[1]!.score = 2.5;
    const error = await renderReviewReport(json, registry, { language: 'fi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).code).toBe('invalid-review');
    expect((error as ReportInputError).problems.map((p) => p.code)).toEqual(['score-out-of-range', 'score-not-integer']);
  });

  test('invalid options', async () => {
    const error = await renderReviewReport(readExample('full-review.json'), registry, {
      language: 'fi', reportDate: '23.11.2026', history: [{ date: '2025-01-01', total: 80, estimate: false, band: 'fair', kind: 'vertais' as 'self' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as ReportInputError).code).toBe('invalid-report-options');
    expect((error as ReportInputError).problems.map((p) => p.path)).toEqual(['reportDate', 'history[0].kind']);
  });

  test('message files are valid JSON read at import time (a broken file fails here, not in a report)', () => {
    for (const language of ['fi', 'sv', 'en']) {
      expect(() => JSON.parse(readFileSync(new URL(`../../reports/messages/${language}.json`, import.meta.url), 'utf8'))).not.toThrow();
    }
  });
});
