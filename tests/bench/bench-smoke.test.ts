import { beforeAll, describe, expect, test } from 'vitest';
import { modelStrings } from '../../bench/floor-pdf.ts';
import { NOTE_LENGTH } from '../../bench/long-review.ts';
import { expectedStrings, missingStrings, readPdf } from '../../bench/pdf-check.ts';
import { prepareWorkload, runChromium, runFloor, runOurs, type Workload } from '../../bench/variants.ts';
import { verifyPdf } from '../../reports/signing/verify-pdf.ts';

/**
 * What `npm run bench` compares must be comparable: each variant makes a real PDF of the same report. No timing is
 * asserted here (the benchmark reports times, it never judges them in a test).
 */
let w: Workload;

beforeAll(async () => {
  w = await prepareWorkload();
}, 60_000);

describe('benchmark workload and variants', () => {
  test('the workload is the full review with long Finnish notes on all 25 items', () => {
    const rows = w.model.items.sections.flatMap((s) => s.rows);
    expect(rows).toHaveLength(25);
    for (const row of rows) {
      expect(row.rated).toBe(true);
      const texts = row.notes.map((n) => n.text);
      expect(texts).toHaveLength(2);
      for (const text of texts) expect(text.length).toBeGreaterThan(NOTE_LENGTH - 100);
    }
    expect(expectedStrings(w.model)).toEqual(['Järvenrannan IPS-työhönvalmennus', '104', 'hyvä']);
  });

  test('ours: a signed PDF that our verifier accepts, holding the site, total, band and every item title', async () => {
    const { pdf } = await runOurs(w);
    const report = verifyPdf(pdf);
    expect(report.problems).toEqual([]);
    expect(report.signatures).toHaveLength(1);
    const reading = readPdf(pdf);
    expect(missingStrings(reading, w.model)).toEqual([]);
    for (const row of w.model.items.sections.flatMap((s) => s.rows)) expect(reading.text).toContain(row.title);
  });

  test('floor: every string of the model, in the PDF text', async () => {
    const { pdf } = await runFloor(w);
    const reading = readPdf(pdf);
    expect(missingStrings(reading, w.model)).toEqual([]);
    const strings = modelStrings(w.model);
    expect(strings.length).toBeGreaterThan(100);
    // pdfkit breaks lines after hyphens too, and pdftotext joins such a line to the next without the hyphen:
    // compare without whitespace and hyphens.
    const bare = (text: string) => text.replace(/[\s-]+/g, '');
    const all = bare(reading.text);
    expect(strings.filter((text) => !all.includes(bare(text))).map((text) => text.slice(0, 60))).toEqual([]);
  });

  // Chromium is required, as for the end-to-end tests: a missing one fails here rather than skipping.
  test('chromium: the HTML printed by headless Chromium, signed by our signer, holds the site, total, band and item titles', async () => {
    const { pdf } = await runChromium(w);
    expect(w.chromiumSigned).toBe(true);
    expect(verifyPdf(pdf).problems).toEqual([]);
    const reading = readPdf(pdf);
    expect(reading.producer).toMatch(/Skia/);
    expect(missingStrings(reading, w.model)).toEqual([]);
    for (const row of w.model.items.sections.flatMap((s) => s.rows)) expect(reading.text).toContain(row.title);
  });
});
