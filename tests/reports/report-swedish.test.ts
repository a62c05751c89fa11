import { describe, expect, test } from 'vitest';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { readExample } from '../fixtures/ratings.ts';
import { pdftotextFlat, writeTempPdf } from './report-pdf-tools.ts';

/**
 * A Swedish report of a review scored with scale text 1.1.0 (which has Swedish throughout) shows no Finnish band
 * label or item title: everything it says comes from Swedish text. Our own wording is in reports/messages/sv.json.
 */
const { registry } = loadScaleRegistry();
const scale = registry.get('ips-25', '1.1.0');

describe.skipIf(!scale)('Swedish report on ips-25 1.1.0', () => {
  test('no Finnish band or item title, Swedish ones throughout, no fallback notice', async () => {
    for (const example of ['partial-review-17-items.json', 'full-review.json']) {
      // The reviewers' own notes are in Finnish in the examples; they are theirs, not the report's wording.
      const review = readExample(example) as { scale: { version: string }; ratings: Record<string, unknown>[]; language?: string };
      review.scale.version = '1.1.0';
      review.language = 'sv';
      for (const rating of review.ratings) for (const note of ['evidence', 'recommendation', 'reasonNote']) delete rating[note];
      const { pdf, model } = await renderReviewReport(review, registry, { language: 'sv', reportDate: '2026-09-22' });
      const text = pdftotextFlat(writeTempPdf(`sv-${example.replace('.json', '.pdf')}`, pdf));
      const data = scale!.data;
      const finnish = [...data.items.map((i) => i.title.fi!), ...data.scoring.bands.map((b) => b.label.fi!), ...data.sections.map((s) => s.title.fi!)];
      for (const phrase of finnish) {
        // A Finnish phrase that the Swedish text happens to share (a name, a number) does not count.
        const sharedWithSwedish = [...data.items.map((i) => i.title.sv), ...data.scoring.bands.map((b) => b.label.sv)].some((sv) => sv?.includes(phrase));
        if (!sharedWithSwedish) expect(text, `${example}: "${phrase}"`).not.toContain(phrase);
      }
      for (const item of data.items) expect(text).toContain(item.title.sv!);
      expect(model.cover.notices).toEqual([]);
      expect(text).not.toMatch(/\b(hyvä|huono|melko hyvä|esimerkillinen)\b/);
    }
  });
});
