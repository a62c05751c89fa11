import { problemsFromZod, type Problem } from '../scales/problem.ts';
import { scoreReview } from '../scales/review-check.ts';
import type { ScaleRegistry } from '../scales/scale-registry.ts';
import { ReportOptions, type ReportExtras, type ReportHistoryEntry, type ReportLanguage } from './report-input.ts';
import { buildReportModel } from './report-model.ts';
import type { ReportModel } from './report-model-types.ts';
import { renderReportPdf } from './render-pdf.ts';

export type ReportErrorCode = 'invalid-review' | 'invalid-report-options';

/** A report could not be made; `problems` lists every reason at once, each with its field path. */
export class ReportInputError extends Error {
  readonly messageKey: string;
  constructor(readonly code: ReportErrorCode, readonly problems: Problem[]) {
    super(`${code === 'invalid-review' ? 'the review cannot be reported' : 'the report options are invalid'}:\n${
      problems.map((p) => `  ${p.path || '(file)'}: ${p.message}`).join('\n')}`);
    this.name = 'ReportInputError';
    this.messageKey = `error.${code}`;
  }
}

export interface RenderReviewReportOptions {
  language: ReportLanguage;
  /** YYYY-MM-DD; today (local date) when left out. Pass it for byte-for-byte reproducible output. */
  reportDate?: string;
  history?: ReportHistoryEntry[];
  extras?: ReportExtras;
}

export interface RenderedReviewReport {
  pdf: Buffer;
  model: ReportModel;
  /** Fields of the review file this version does not know; they were ignored (as `ips-fidelity validate` says). */
  warnings: Problem[];
}

/**
 * A review file's JSON -> checked against the format and its scale, scored, worded, rendered.
 * Throws ReportInputError when the review or the options are invalid.
 */
export async function renderReviewReport(reviewJson: unknown, registry: ScaleRegistry, options: RenderReviewReportOptions): Promise<RenderedReviewReport> {
  const parsedOptions = ReportOptions.safeParse(options);
  if (!parsedOptions.success) throw new ReportInputError('invalid-report-options', problemsFromZod(parsedOptions.error.issues));
  const { language, reportDate, history, extras } = parsedOptions.data;

  const scored = scoreReview(reviewJson, registry);
  if (!scored.ok) throw new ReportInputError('invalid-review', scored.problems);

  const model = buildReportModel({
    review: scored.review,
    scale: scored.scale,
    score: scored.score,
    reportDate: reportDate ?? localIsoDate(new Date()),
    ...(history ? { history } : {}),
    ...(extras ? { extras } : {}),
  }, language);
  return { pdf: await renderReportPdf(model), model, warnings: scored.warnings };
}

function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
