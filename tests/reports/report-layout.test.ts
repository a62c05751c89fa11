import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { fontPath } from '../../reports/pdf/fonts.ts';
import { BODY, FOOTER, HEADER, SAFE_MARGIN } from '../../reports/pdf/theme.ts';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import type { ReportHistoryEntry } from '../../reports/report-input.ts';
import type { ReviewFile } from '../../scales/review-file.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { overlappingWords, pdftotextFlat, qpdfCheck, wordBoxes, writeTempPdf, type PageWords, type WordBox } from './report-pdf-tools.ts';

const { registry } = bundledIps25();
const MAX_NOTE = 20_000;

/** `count` distinct words (w01n0000, w01n0001, …) cut to the longest note a review file allows. */
const numberedWords = (tag: string, count = 2400) =>
  Array.from({ length: count }, (_, i) => `${tag}n${String(i).padStart(4, '0')}`).join(' ').slice(0, MAX_NOTE).replace(/ \S*$/, '');

const EVIDENCE_ITEMS = [1, 6, 12, 17, 25];

function longReview(): ReviewFile {
  const review = readExample('full-review.json') as ReviewFile;
  review.site.name = `Järvenrannan ja Öljymäen yhteinen IPS-työhönvalmennus, ${'pitkä nimi '.repeat(24)}`.slice(0, 300);
  review.reviewers = Array.from({ length: 8 }, (_, i) => ({ name: `Arvioija ${i + 1} Sundström-Äijälä`, role: 'vertaisarvioija, ammatillisen kuntoutuksen asiantuntija' }));
  for (const rating of review.ratings) {
    if (EVIDENCE_ITEMS.includes(rating.item)) rating.evidence = numberedWords(`w${String(rating.item).padStart(2, '0')}`);
  }
  review.ratings[1]!.evidence = 'Ä'.repeat(MAX_NOTE);
  review.ratings[2]!.recommendation = 'Tavoite “kuusi kontaktia” viikossa, budjetti 1 200 € — seuranta.\n\n\n'.repeat(300).slice(0, MAX_NOTE).trim();
  review.ratings[3]!.recommendation = `https://example.org/${'ohjeet/'.repeat(2800)}`.slice(0, MAX_NOTE);
  return review;
}

const history: ReportHistoryEntry[] = Array.from({ length: 12 }, (_, i) => ({
  date: `20${14 + i}-0${(i % 9) + 1}-15`, total: i % 3 === 0 ? null : 60 + i * 5.5, estimate: i % 2 === 1, band: 'fair', kind: i % 2 ? 'self' : 'external',
}));

const within = (w: WordBox, left: number, top: number, right: number, bottom: number, slack = 0.5) =>
  w.xMin >= left - slack && w.yMin >= top - slack && w.xMax <= right + slack && w.yMax <= bottom + slack;

describe('a review with 20 000-character notes on several items', () => {
  let file: string;
  let pages: PageWords[];
  let flat: string;

  beforeAll(async () => {
    const { pdf } = await renderReviewReport(longReview(), registry, {
      language: 'fi',
      reportDate: '2026-11-23',
      history,
      extras: { strengths: numberedWords('vahv', 2200), overallRecommendations: numberedWords('suos', 500), method: { interviewed: 'Työhönvalmentajat (4), esihenkilö, kaksi asiakasta' } },
    });
    file = writeTempPdf('long-notes.pdf', pdf);
    pages = wordBoxes(file);
    flat = pdftotextFlat(file);
  }, 180_000);

  test('spans many pages and passes qpdf --check', () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(qpdfCheck(file).code).toBe(0);
  });

  test('every word lies inside the page margins: in the body frame, or in the header or footer band', () => {
    const outside = pages.flatMap((page, i) => page.words
      .filter((w) => !within(w, SAFE_MARGIN, SAFE_MARGIN, page.width - SAFE_MARGIN, page.height - SAFE_MARGIN)
        || !(within(w, BODY.left, BODY.top, BODY.right, BODY.bottom)
          || within(w, BODY.left, SAFE_MARGIN, BODY.right, HEADER.rule)
          || within(w, BODY.left, FOOTER.rule, BODY.right, page.height - SAFE_MARGIN)))
      .map((w) => `page ${i + 1}: ${w.text} (${w.xMin.toFixed(1)}, ${w.yMin.toFixed(1)})–(${w.xMax.toFixed(1)}, ${w.yMax.toFixed(1)})`));
    expect(outside).toEqual([]);
  });

  test('no two words overlap on any page', () => {
    const overlaps = pages.flatMap((page, i) => overlappingWords(page.words).map(([a, b]) => `page ${i + 1}: "${a.text}" / "${b.text}"`));
    expect(overlaps).toEqual([]);
  });

  test('nothing is lost or repeated where a row is cut across pages: each numbered word appears exactly once', () => {
    const seen = new Map<string, number>();
    for (const word of flat.match(/\b(?:w\d\d|vahv|suos)n\d{4}\b/g) ?? []) seen.set(word, (seen.get(word) ?? 0) + 1);
    const expected = [...EVIDENCE_ITEMS.map((n) => `w${String(n).padStart(2, '0')}`), 'vahv', 'suos']
      .flatMap((tag) => numberedWords(tag, tag === 'suos' ? 500 : tag === 'vahv' ? 2200 : 2400).split(' '));
    expect(expected.filter((w) => seen.get(w) !== 1)).toEqual([]);
    expect(seen.size).toBe(expected.length);
  });

  test('a table continued on a new page repeats its header row', () => {
    const continued = pages.filter((page) => page.words.some((w) => w.text === '(jatkuu)' && w.yMin < BODY.top + 15));
    expect(continued.length).toBeGreaterThan(10);
    for (const page of continued) {
      expect(page.words.some((w) => w.text === 'Nro' && w.yMin < BODY.top + 40)).toBe(true);
    }
  });

  test('Unicode survives: ä ö å, quotation marks, euro sign, dashes', () => {
    expect(flat).toContain('Tavoite “kuusi kontaktia” viikossa, budjetti 1 200 € — seuranta.');
    expect(flat).toContain('Järvenrannan ja Öljymäen');
    expect(flat).toContain('ÄÄÄÄÄÄÄÄ');
  });
});

describe('the layout checks can fail', () => {
  test('overlapping or out-of-margin text drawn on purpose is caught', async () => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: true });
    doc.font(fontPath('regular')).fontSize(10);
    doc.text('päällekkäin', 100, 100, { lineBreak: false });
    doc.text('toisiinsa', 105, 104, { lineBreak: false });
    doc.text('reunalla', 5, 400, { lineBreak: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.end();
    await done;
    const [page] = wordBoxes(writeTempPdf('overlap.pdf', Buffer.concat(chunks)));
    expect(overlappingWords(page!.words).map(([a, b]) => [a.text, b.text])).toEqual([['päällekkäin', 'toisiinsa']]);
    expect(page!.words.filter((w) => !within(w, SAFE_MARGIN, SAFE_MARGIN, page!.width - SAFE_MARGIN, page!.height - SAFE_MARGIN)).map((w) => w.text)).toEqual(['reunalla']);
  });
});
