import { describe, expect, test } from 'vitest';
import { buildReportModel } from '../../reports/report-model.ts';
import { scoreReview } from '../../scales/review-check.ts';
import { testBackend } from '../fixtures/backend.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { pdftotextFlat, pdftotextLayout, writeTempPdf } from './report-pdf-tools.ts';

type T = Awaited<ReturnType<typeof testBackend>>;

async function scoredReview(t: T, siteId: number, date: string, low: readonly number[]) {
  const review = await t.call('reviews.create', { siteId, kind: 'external', visitDates: [date], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
  for (let item = 1; item <= 25; item++) {
    await t.call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item, score: low.includes(item) ? 2 : 4 });
  }
  return review;
}

async function renderedText(t: T, reviewId: number, language: 'fi' | 'en' = 'fi') {
  const { pdfBase64 } = await t.call('reports.render', { reviewId, language });
  const file = writeTempPdf(`plan-${reviewId}-${language}.pdf`, Buffer.from(pdfBase64, 'base64'));
  return { flat: pdftotextFlat(file), layout: pdftotextLayout(file) };
}

describe("the report shows the previous review's action plan", () => {
  test('rows with item, goal, owner, due date and status, as they stand at the report date', async () => {
    const t = await testBackend();
    const site = await t.call('sites.create', { name: 'Äänekosken IPS', regionCode: '15' });
    const first = await scoredReview(t, site.id, '2026-03-10', [3, 14]);
    const { rows } = await t.call('actionPlan.createFromReview', { reviewId: first.id });
    await t.call('actionPlan.update', { id: rows[0]!.id, goal: 'Työhönvalmentajat ovat mukana hoitotiimin viikkopalaverissa', owner: 'Hanna Korhonen', dueDate: '2026-06-30', status: 'done' });
    await t.call('actionPlan.update', { id: rows[1]!.id, goal: 'Työnhaun tuki alkaa kuukauden kuluessa', dueDate: '2026-09-30', status: 'in-progress' });
    const second = await scoredReview(t, site.id, '2026-11-20', []);

    const { flat } = await renderedText(t, second.id);
    expect(flat).toContain('Edellisen arvioinnin toimintasuunnitelma');
    expect(flat).toContain('Toimintasuunnitelma laadittiin edellisen arvioinnin (ulkoinen arviointi 10.3.2026) pohjalta. Tilanne 23.11.2026: 1/2 toimenpidettä tehty.');
    for (const text of ['Kriteeri', 'Tavoite', 'Vastuuhenkilö', 'Määräaika', 'Tila',
      'Työhönvalmentajat ovat mukana hoitotiimin viikkopalaverissa', 'Hanna Korhonen', '30.6.2026', 'Tehty',
      'Työnhaun tuki alkaa kuukauden kuluessa', '30.9.2026', 'Työn alla (myöhässä)']) {
      expect(flat).toContain(text);
    }
    expect(flat).toMatch(/\b3\. \S/);
    expect(flat).toMatch(/\b14\. \S/);

    // The first review has no earlier one, and the section is left out.
    expect((await renderedText(t, first.id)).flat).not.toContain('Edellisen arvioinnin toimintasuunnitelma');
    expect((await renderedText(t, second.id, 'en')).flat).toContain('Action plan from the previous review');
  });

  test("an amendment does not report its original's plan as the previous one", async () => {
    const t = await testBackend();
    const site = await t.call('sites.create', { name: 'Kemi' });
    const original = await scoredReview(t, site.id, '2026-03-10', [5]);
    await t.call('actionPlan.createFromReview', { reviewId: original.id });
    await t.call('reviews.setStatus', { id: original.id, status: 'final' });
    const amendment = await t.call('reviews.amend', { reviewId: original.id, reason: 'Kohdan 5 pisteet korjattu' });
    expect((await renderedText(t, amendment.id)).flat).not.toContain('Edellisen arvioinnin toimintasuunnitelma');
  });

  test('the model: no section without a plan; a missing goal is marked; the current scale names an item given without title', () => {
    const { registry } = bundledIps25();
    const scored = scoreReview(readExample('full-review.json'), registry);
    if (!scored.ok) throw new Error('example does not score');
    const input = { review: scored.review, scale: scored.scale, score: scored.score, reportDate: '2026-11-23' };
    expect(buildReportModel(input, 'fi').previousActionPlan).toBeNull();
    const model = buildReportModel({
      ...input,
      extras: { previousActionPlan: { reviewDate: '2025-11-01', kind: 'self', rows: [{ item: 7, goal: ' ', status: 'open', dueDate: '2026-12-01' }, { item: 2, goal: 'Tavoite', status: 'dropped', owner: 'Esihenkilö' }] } },
    }, 'fi').previousActionPlan!;
    expect(model.rows.map((r) => [r.item.split('.')[0], r.goal, r.goalMissing, r.owner, r.due, r.status])).toEqual([
      ['2', 'Tavoite', false, 'Esihenkilö', '–', 'Luovuttu'],
      ['7', 'Ei kirjattu.', true, '–', '1.12.2026', 'Avoin'],
    ]);
    expect(model.rows[0]!.item).toBe(`2. ${scored.scale.data.items[1]!.title.fi}`);
  });
});
