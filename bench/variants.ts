import { renderReviewReport, type RenderReviewReportOptions } from '../reports/report-from-review.ts';
import { clearSharedShapes } from '../reports/pdf/fonts.ts';
import { buildReportModel } from '../reports/report-model.ts';
import type { ReportModel } from '../reports/report-model-types.ts';
import { createSelfSignedIdentity, readIdentity, type SigningIdentity } from '../reports/signing/identity.ts';
import { signPdf, type SignatureMeta } from '../reports/signing/sign-pdf.ts';
import { SigningError } from '../reports/signing/signing-error.ts';
import { scoreReview } from '../scales/review-check.ts';
import { loadScaleRegistry, type ScaleRegistry } from '../scales/scale-registry.ts';
import { printFolder, printWithChromium } from './chromium-print.ts';
import { floorPdf } from './floor-pdf.ts';
import { reportHtml } from './html-report.ts';
import { EXTRAS, HISTORY, longReview, REPORT_DATE } from './long-review.ts';
import { measure, step, type Sample } from './measure.ts';

export type VariantName = 'ours' | 'chromium' | 'floor';
export const VARIANTS: readonly VariantName[] = ['ours', 'chromium', 'floor'];

export interface Run { pdf: Buffer; sample: Sample }

export interface Workload {
  review: unknown;
  registry: ScaleRegistry;
  options: RenderReviewReportOptions;
  identity: SigningIdentity;
  /** The report model, built once for the floor (which is given the strings, as a lower bound should be). */
  model: ReportModel;
  /** Whether our signer accepts Chromium's PDF; decided by the first Chromium run (see `chromiumSignable`). */
  chromiumSigned: boolean | undefined;
  /** Why Chromium's PDF could not be signed, when it could not. */
  chromiumSignRefusal?: string;
}

const PASSPHRASE = 'bench-passphrase-not-secret';

/** Everything the timed runs share, made before any timing: the review, the scale registry and a signing identity. */
export async function prepareWorkload(): Promise<Workload> {
  const { registry, refused } = loadScaleRegistry();
  if (refused.length) throw refused[0];
  const p12 = await createSelfSignedIdentity({ name: 'Aino Laaksonen', role: 'pääarvioija', organisation: 'THL', validDays: 30, passphrase: PASSPHRASE });
  const identity = readIdentity(p12, PASSPHRASE);
  const options: RenderReviewReportOptions = { language: 'fi', reportDate: REPORT_DATE, history: HISTORY, extras: EXTRAS };
  const review = longReview();
  return { review, registry, options, identity, model: modelOf(review, registry, options), chromiumSigned: undefined };
}

const meta = (identity: SigningIdentity): SignatureMeta => ({ reason: 'Arviointiraportin hyväksyntä', name: identity.commonName, location: 'Tampere' });

/** The same steps as renderReviewReport up to the model: check, score, word. */
function modelOf(review: unknown, registry: ScaleRegistry, options: RenderReviewReportOptions): ReportModel {
  const scored = scoreReview(review, registry);
  if (!scored.ok) throw new Error(`the benchmark review is invalid: ${JSON.stringify(scored.problems)}`);
  const { language, reportDate, history, extras } = options;
  return buildReportModel({ review: scored.review, scale: scored.scale, score: scored.score, reportDate: reportDate!, history, extras }, language);
}

/** 1. Ours, in-process: review -> signed PDF (renderReviewReport, then signPdf). */
export function runOurs(w: Workload): Promise<Run> {
  // Every round draws the same words; shapes kept from the last round would make each report after the first
  // look faster than a report on a new review. Parsed fonts stay shared, as in the app.
  clearSharedShapes();
  return timed(async (mark) => {
    const { pdf } = await step(mark, 'render', () => renderReviewReport(w.review, w.registry, w.options));
    return step(mark, 'sign', () => signPdf(pdf, w.identity, meta(w.identity)));
  });
}

/**
 * 2. Chromium: review -> model -> HTML (in-process) -> a fresh headless Chromium prints it -> signPdf, when our
 * signer accepts Chromium's PDF. When it does not, the print alone is timed (in Chromium's favour). The temporary
 * folder (HTML, profile, PDF) is made before and removed after the timed part, also in Chromium's favour.
 *
 * With `accountCpu` (untimed accounting runs), Chromium runs under bench/subreaper.py and the sample's cpuMs is
 * this process's CPU plus that of Chromium's whole process tree.
 */
export async function runChromium(w: Workload, { accountCpu = false } = {}): Promise<Run> {
  const folder = printFolder();
  try {
    let treeCpuMs: number | undefined;
    const run = await timed(async (mark) => {
      const model = await step(mark, 'model', () => modelOf(w.review, w.registry, w.options));
      const html = await step(mark, 'html', () => reportHtml(model));
      const started = performance.now();
      const printed = await printWithChromium(html, folder.dir, { accountCpu });
      treeCpuMs = printed.treeCpuMs;
      mark('chromium process', printed.processMs);
      mark('files', performance.now() - started - printed.processMs);
      if (w.chromiumSigned === false) return printed.pdf;
      try {
        const signed = await step(mark, 'sign', () => signPdf(printed.pdf, w.identity, meta(w.identity)));
        w.chromiumSigned = true;
        return signed;
      } catch (error) {
        if (!(error instanceof SigningError) || error.code !== 'unsupported-pdf' || w.chromiumSigned) throw error;
        w.chromiumSigned = false;
        w.chromiumSignRefusal = error.message;
        return printed.pdf;
      }
    });
    if (accountCpu) {
      if (treeCpuMs === undefined) throw new Error('bench/subreaper.py did not report the CPU time of Chromium');
      run.sample.cpuMs = run.sample.selfCpuMs + treeCpuMs;
    }
    return run;
  } finally {
    folder.dispose();
  }
}

/**
 * Context, not a variant: the same Chromium command printing a one-line page. What a fresh Chromium costs before
 * it lays out anything (process start, profile, browser and renderer set-up, an empty PDF).
 */
export async function chromiumStartupMs(): Promise<number> {
  const folder = printFolder();
  try {
    const started = performance.now();
    await printWithChromium('<!DOCTYPE html><html lang="fi"><meta charset="utf-8"><p>IPS</p></html>', folder.dir);
    return performance.now() - started;
  } finally {
    folder.dispose();
  }
}

/** 3. The floor: pdfkit writing the model's strings with doc.text, no layout. */
export function runFloor(w: Workload): Promise<Run> {
  return timed((mark) => step(mark, 'pdfkit', () => floorPdf(w.model)));
}

export const RUNNERS: Record<VariantName, (w: Workload) => Promise<Run>> = { ours: runOurs, chromium: runChromium, floor: runFloor };

async function timed(work: (mark: (name: string, ms: number) => void) => Promise<Buffer>): Promise<Run> {
  const { result, sample } = await measure(work);
  return { pdf: result, sample };
}
