import { describe, expect, test } from 'vitest';
import { clearSharedShapes } from '../../reports/pdf/fonts.ts';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { pdffonts, pdftotextFlat, writeTempPdf } from './report-pdf-tools.ts';

const { registry } = bundledIps25();
const options = { language: 'fi', reportDate: '2026-11-23' } as const;

describe('fonts parsed once per process and shaped words kept between reports', () => {
  test('a report is the same bytes whether its words were shaped before or not', async () => {
    clearSharedShapes();
    const first = await renderReviewReport(readExample('full-review.json'), registry, options);
    const again = await renderReviewReport(readExample('full-review.json'), registry, options);
    clearSharedShapes();
    const fresh = await renderReviewReport(readExample('full-review.json'), registry, options);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    expect(fresh.pdf.equals(first.pdf)).toBe(true);
  });

  test('each document embeds its own subset: letters drawn only in an earlier report are not needed later', async () => {
    const sami = 'Čáhcegeađgi Ŋuorra Šiellat ŧ ž đ';
    const withSami = await renderReviewReport(readExample('full-review.json'), registry, { ...options, extras: { strengths: sami } });
    const without = await renderReviewReport(readExample('full-review.json'), registry, options);
    const samiFile = writeTempPdf('sami.pdf', withSami.pdf);
    const plainFile = writeTempPdf('plain.pdf', without.pdf);
    expect(pdftotextFlat(samiFile)).toContain(sami);
    expect(pdftotextFlat(plainFile)).not.toContain('Ŋuorra');
    // The later report's fonts are embedded subsets of their own, and no larger for the earlier report's letters.
    for (const font of pdffonts(plainFile)) expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(without.pdf.length).toBeLessThan(withSami.pdf.length);
    clearSharedShapes();
    const plainFresh = await renderReviewReport(readExample('full-review.json'), registry, options);
    expect(plainFresh.pdf.equals(without.pdf)).toBe(true);
  });
});
