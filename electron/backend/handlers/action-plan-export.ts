import { stringify } from 'csv-stringify/sync';
import type { ActionPlanRow } from '../../contract/action-plan-contract.ts';
import en from '../messages/action-plan/en.json' with { type: 'json' };
import fi from '../messages/action-plan/fi.json' with { type: 'json' };
import sv from '../messages/action-plan/sv.json' with { type: 'json' };
import { renderActionPlanPdf } from '../../../reports/action-plan/action-plan-document.ts';
import { listActionPlanRecords } from '../store/action-plan-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import { reportPlanRow } from './action-plan-report.ts';
import { actionPlanView, localToday } from './action-plan-views.ts';
import { localized } from '../../../scales/display-format.ts';
import { csvOptions, fileNamePart, formatDate, neutraliseFormula, type CsvLanguage } from './csv-export.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireReviewRow, scaleOfReview } from './review-views.ts';
import { requireSite } from './site-handlers.ts';

/** Wording of the action plan's CSV and its file names, in per-language files typed here (every key in every language). */
interface ActionPlanExportMessages {
  headers: { item: string; topic: string; score: string; goal: string; owner: string; dueDate: string; status: string; overdue: string; notes: string };
  status: Record<ActionPlanRow['status'], string>;
  yes: string;
  /** File names: toimintasuunnitelma-<site>-<date>.csv / .pdf */
  filePrefix: string;
}

export const ACTION_PLAN_EXPORT_MESSAGES: Record<CsvLanguage, ActionPlanExportMessages> = { fi, sv, en };

/**
 * The plan as CSV, like the reviews CSV (csv-export.ts): UTF-8 with a byte order mark, CRLF, ';' in Finnish and
 * Swedish and ',' in English, dates as the language writes them, user text guarded against formula injection.
 * One row per action in the plan's order: item number (empty for a free row), the item's title or the free
 * row's own, the item's score, goal, owner, due date, status, overdue, notes.
 */
export function actionPlanCsv(rows: readonly ActionPlanRow[], language: CsvLanguage): string {
  const m = ACTION_PLAN_EXPORT_MESSAGES[language];
  const h = m.headers;
  const header = [h.item, h.topic, h.score, h.goal, h.owner, h.dueDate, h.status, h.overdue, h.notes];
  const body = rows.map((row) => [
    row.item === null ? '' : String(row.item),
    neutraliseFormula(row.item === null ? row.freeTitle ?? '' : localized(row.title, language)),
    row.score === null ? '' : String(row.score),
    neutraliseFormula(row.goal),
    neutraliseFormula(row.owner ?? ''),
    row.dueDate ? formatDate(row.dueDate, language) : '',
    m.status[row.status],
    row.overdue ? m.yes : '',
    neutraliseFormula(row.notes ?? ''),
  ]);
  return stringify([header, ...body], csvOptions(language));
}

/** toimintasuunnitelma-<site>-<first visit date>.<ext>: the plan's review, not the day of the export, names the file. */
function fileName(ctx: HandlerContext, review: ReviewRow, language: CsvLanguage, extension: 'csv' | 'pdf'): string {
  const site = requireSite(ctx, review.site_id).name;
  const firstVisit = (JSON.parse(review.visit_dates) as string[])[0]!;
  return `${ACTION_PLAN_EXPORT_MESSAGES[language].filePrefix}-${fileNamePart(site)}-${firstVisit}.${extension}`;
}

export const actionPlanExportHandlers: HandlerGroup<'actionPlan.exportCsv' | 'actionPlan.exportPdf'> = {
  'actionPlan.exportCsv': ({ reviewId, language }, ctx) => {
    const review = requireReviewRow(ctx, reviewId);
    const { rows } = actionPlanView(ctx, review);
    return { fileBase64: Buffer.from(actionPlanCsv(rows, language), 'utf8').toString('base64'), fileName: fileName(ctx, review, language, 'csv'), rows: rows.length };
  },

  /** In the review's report language unless another is asked for; statuses as of today. */
  'actionPlan.exportPdf': async ({ reviewId, language }, ctx) => {
    const review = requireReviewRow(ctx, reviewId);
    const chosen = language ?? review.language ?? 'fi';
    const scale = scaleOfReview(ctx, review);
    const records = listActionPlanRecords(ctx.db, reviewId);
    const { pdf } = await renderActionPlanPdf({
      site: requireSite(ctx, review.site_id).name,
      review: { kind: review.kind, visitDates: JSON.parse(review.visit_dates) as string[] },
      itemTitles: new Map(scale.data.items.map((i) => [i.number, i.title])),
      rows: records.map((record) => reportPlanRow(record, scale)),
      date: localToday(ctx),
    }, chosen);
    return { fileBase64: pdf.toString('base64'), fileName: fileName(ctx, review, chosen, 'pdf'), rows: records.length };
  },
};
