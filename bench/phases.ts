import { clearSharedShapes } from '../reports/pdf/fonts.ts';
import { buildReportModel } from '../reports/report-model.ts';
import { renderReportPdf } from '../reports/render-pdf.ts';
import { signPdf } from '../reports/signing/sign-pdf.ts';
import { scoreReview } from '../scales/review-check.ts';
import { median } from './measure.ts';
import type { Workload } from './variants.ts';

export const PHASES = ['check + score', 'model', 'render (layout + pdfkit)', 'render, words shaped before', 'sign'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Where our time goes: the steps of renderReviewReport called one by one (the same calls it makes), then signPdf.
 * Median wall ms per phase over `rounds` runs. Rendering is timed with no word shaped before (as the rounds are) and
 * once more right after, when every word is.
 */
export async function timePhases(w: Workload, rounds: number): Promise<Record<Phase, number>> {
  const samples: Record<Phase, number[]> = { 'check + score': [], model: [], 'render (layout + pdfkit)': [], 'render, words shaped before': [], sign: [] };
  const { language, reportDate, history, extras } = w.options;
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    const scored = scoreReview(w.review, w.registry);
    if (!scored.ok) throw new Error('the benchmark review is invalid');
    samples['check + score'].push(performance.now() - t);
    t = performance.now();
    const model = buildReportModel({ review: scored.review, scale: scored.scale, score: scored.score, reportDate: reportDate!, history, extras }, language);
    samples.model.push(performance.now() - t);
    clearSharedShapes();
    t = performance.now();
    const pdf = await renderReportPdf(model);
    samples['render (layout + pdfkit)'].push(performance.now() - t);
    // The same report again: what a second render of a review costs (preview, then sign) with its words shaped.
    t = performance.now();
    await renderReportPdf(model);
    samples['render, words shaped before'].push(performance.now() - t);
    t = performance.now();
    await signPdf(pdf, w.identity, { reason: 'Arviointiraportin hyväksyntä', name: w.identity.commonName });
    samples.sign.push(performance.now() - t);
  }
  return Object.fromEntries(PHASES.map((p) => [p, median(samples[p])])) as Record<Phase, number>;
}
