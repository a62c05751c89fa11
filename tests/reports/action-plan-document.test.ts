import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildActionPlanDocument, renderActionPlanPdf, type ActionPlanDocumentInput } from '../../reports/action-plan/action-plan-document.ts';
import { BODY, FOOTER, HEADER, SAFE_MARGIN } from '../../reports/pdf/theme.ts';
import { bundledIps25 } from '../fixtures/ratings.ts';
import { overlappingWords, pdffonts, pdfinfo, pdftotextFlat, qpdfCheck, wordBoxes, writeTempPdf, type PageWords, type WordBox } from './report-pdf-tools.ts';

/** The action plan's own PDF (issue 13): the report's page, fonts and theme, every row, in the language asked for. */
const scale = bundledIps25().registry.list().find((s) => s.data.id === 'ips-25')!;
const numbered = (tag: string, count: number) => Array.from({ length: count }, (_, i) => `${tag}n${String(i).padStart(4, '0')}`).join(' ');

function input(rows: ActionPlanDocumentInput['rows']): ActionPlanDocumentInput {
  return {
    site: 'Kaari & Co – Jyväskylän IPS',
    review: { kind: 'external', visitDates: ['2026-11-20', '2026-11-19'] },
    itemTitles: new Map(scale.data.items.map((i) => [i.number, i.title])),
    rows,
    date: '2026-12-07',
  };
}

const ROWS: ActionPlanDocumentInput['rows'] = [
  { freeTitle: 'Yhteistyö Kelan kanssa', goal: 'Kelan yhteyshenkilö tapaa tiimin neljännesvuosittain', status: 'done' },
  { item: 4, goal: 'Työhönvalmentaja hoitotiimin viikkokokoukseen', owner: 'Hanna Korhonen', dueDate: '2026-11-30', status: 'in-progress', notes: 'Seuranta tiimipalaverissa' },
  { item: 4, goal: '', status: 'open' },
  { item: 12, goal: 'Kuusi työnantajakontaktia viikossa', dueDate: '2027-03-31', status: 'dropped' },
];

describe('the action plan document', () => {
  test('the model: plan order, free rows by their title, overdue against the document date, dropped rows named apart', () => {
    const model = buildActionPlanDocument(input(ROWS), 'fi');
    expect(model.title).toBe('Toimintasuunnitelma – Kaari & Co – Jyväskylän IPS');
    expect(model.intro).toBe('IPS-toimintasuunnitelma, joka on laadittu arvioinnin (ulkoinen arviointi 19.11.2026 ja 20.11.2026) pohjalta. Tilanne 7.12.2026: 1/3 toimenpidettä tehty. Yhdestä toimenpiteestä on luovuttu.');
    expect(model.plan.rows.map((r) => [r.item.slice(0, 3), r.goalMissing, r.owner, r.due, r.status])).toEqual([
      ['4. ', false, 'Hanna Korhonen', '30.11.2026', 'Työn alla (myöhässä)'],
      ['4. ', true, '–', '–', 'Avoin'],
      ['12.', false, '–', '31.3.2027', 'Luovuttu'],
      ['Yht', false, '–', '–', 'Tehty'],
    ]);
    expect(model.plan.rows[0]!.notes).toBe('Seuranta tiimipalaverissa');
    expect(buildActionPlanDocument(input([]), 'en').empty).toBe('The plan has no actions yet.');
    expect(buildActionPlanDocument(input(ROWS), 'sv').frame.reportDateLine).toBe('Daterad 7.12.2026');
  });

  describe('a long plan as PDF', () => {
    let file: string;
    let pages: PageWords[];
    beforeAll(async () => {
      const rows = Array.from({ length: 40 }, (_, i) => ({
        ...(i % 5 === 4 ? { freeTitle: `Vapaa aihe ${i}` } : { item: (i % 25) + 1 }),
        goal: numbered(`g${String(i).padStart(2, '0')}`, 60), owner: 'Hanna Korhonen', dueDate: '2027-01-31', status: 'open' as const,
        notes: numbered(`m${String(i).padStart(2, '0')}`, i === 7 ? 2000 : 20),
      }));
      const { pdf } = await renderActionPlanPdf(input(rows), 'fi');
      file = writeTempPdf('plan.pdf', pdf);
      pages = wordBoxes(file);
    }, 120_000);
    afterAll(() => rmSync(dirname(file), { recursive: true, force: true }));

    test('A4, tagged, fonts embedded, passes qpdf --check', () => {
      const info = pdfinfo(file);
      expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(info.pages).toBeGreaterThan(5);
      expect(info.fields.Tagged).toBe('yes');
      expect(info.fields.Title).toBe('Toimintasuunnitelma – Kaari & Co – Jyväskylän IPS');
      expect(pdffonts(file).every((f) => f.embedded)).toBe(true);
      expect(qpdfCheck(file).code).toBe(0);
    });

    test('every word inside the margins, none overlapping, every goal and note word there once', () => {
      const within = (w: WordBox, left: number, top: number, right: number, bottom: number) => w.xMin >= left - 0.5 && w.yMin >= top - 0.5 && w.xMax <= right + 0.5 && w.yMax <= bottom + 0.5;
      const outside = pages.flatMap((page, i) => page.words
        .filter((w) => !(within(w, BODY.left, BODY.top, BODY.right, BODY.bottom) || within(w, BODY.left, SAFE_MARGIN, BODY.right, HEADER.rule)
          || within(w, BODY.left, FOOTER.rule, BODY.right, page.height - SAFE_MARGIN)))
        .map((w) => `page ${i + 1}: ${w.text}`));
      expect(outside).toEqual([]);
      expect(pages.flatMap((page) => overlappingWords(page.words))).toEqual([]);
      const seen = new Map<string, number>();
      for (const word of pdftotextFlat(file).match(/\b[gm]\d\dn\d{4}\b/g) ?? []) seen.set(word, (seen.get(word) ?? 0) + 1);
      expect(seen.size).toBe(40 * 60 + 39 * 20 + 2000);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    });
  });
});
