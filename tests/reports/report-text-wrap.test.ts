import PDFDocument from 'pdfkit';
import { describe, expect, test } from 'vitest';
import { registerReportFonts } from '../../reports/pdf/fonts.ts';
import { fitWithEllipsis, normaliseText, wrapText, type Measure } from '../../reports/pdf/text-wrap.ts';
import { readFileSync } from 'node:fs';
import { STYLE } from '../../reports/pdf/theme.ts';

const doc = new PDFDocument({ autoFirstPage: false });
registerReportFonts(doc);
/** pdfkit's own measurement, the one the report draws with. */
const measure: Measure = (text, style) => doc.font(style.font).fontSize(style.size).widthOfString(text);
const style = STYLE.table;

describe('wrapText', () => {
  test('no line is wider than the column, and the words come back in order', () => {
    const text = 'Työhönvalmentajat tekevät kaikki vaiheet alkuhaastattelusta työssä tukemiseen; ei ohjauksia ulkopuolisille palveluntuottajille. '.repeat(20);
    const lines = wrapText(text, style, 120, measure);
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(measure(line.text, style)).toBeLessThanOrEqual(120 + 0.01);
    expect(lines.map((l) => l.text).join(' ')).toBe(normaliseText(text).replace(/\s+/g, ' '));
  });

  test('a word longer than the column is cut: after / - : where possible, else between letters', () => {
    const url = `https://example.org/${'ohjeet/'.repeat(30)}`;
    const lines = wrapText(`${url} ${'Ä'.repeat(400)}`, style, 100, measure);
    for (const line of lines) expect(measure(line.text, style)).toBeLessThanOrEqual(100);
    expect(lines[1]!.text.endsWith('/')).toBe(true);
    expect(lines.map((l) => l.text).join('')).toBe(`${url}${'Ä'.repeat(400)}`);
  });

  test('line breaks are kept, runs of blank lines become one half-line gap, control characters go', () => {
    const lines = wrapText('eka\r\n\n\n\n\ttoka\u0000 kolmas\u00ad\n', style, 300, measure);
    expect(lines.map((l) => [l.text, l.height])).toEqual([['eka', style.lineHeight], ['', style.lineHeight / 2], ['toka kolmas', style.lineHeight]]);
    expect(wrapText(' \n\n ', style, 300, measure)).toEqual([]);
  });

  test('fitWithEllipsis shortens a running header to the width', () => {
    const long = `Järvenrannan ${'pitkä '.repeat(40)}nimi`;
    const fitted = fitWithEllipsis(long, STYLE.frame, 200, measure);
    expect(fitted.endsWith('…')).toBe(true);
    expect(measure(fitted, STYLE.frame)).toBeLessThanOrEqual(200);
    expect(fitWithEllipsis('Lyhyt', STYLE.frame, 200, measure)).toBe('Lyhyt');
  });
});

describe('measuring a word once, with its trailing space', () => {
  test('for every word of the scale and the examples, in every report style, "word " less a space is the bare width', () => {
    // wrapText relies on this to measure each word once; it holds when the font kerns no pair with a space.
    const texts = ['scales/data/ips-25-1.0.0.json', 'examples/full-review.json', 'examples/partial-review-17-items.json']
      .map((file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    const words = new Set(texts.join(' ').split(/[\s"]+/).filter((w) => w !== ''));
    for (const extra of ['Čáhcegeađgi', 'Ŋuorra', 'Šiellat', '“lainaus”', '–', '€', 'AV', 'To', 'Ty', 'LT', '7.', 'ff', 'fi']) words.add(extra);
    expect(words.size).toBeGreaterThan(500);
    let checked = 0;
    for (const style of Object.values(STYLE)) {
      const space = measure(' ', style);
      for (const word of words) {
        expect(Math.abs(measure(`${word} `, style) - space - measure(word, style)), `${word} in ${style.font} ${style.size}`).toBeLessThan(1e-9);
        checked += 1;
      }
    }
    expect(checked).toBe(words.size * Object.keys(STYLE).length);
  });
});
