import { localized } from '../../../scales/display-format.ts';
import { localDate } from '../../../scales/review-rules/local-date.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import type { LanguageCode, LocalizedText } from '../../../scales/scale-schema.ts';
import type { ReportExtras } from '../../../reports/report-input.ts';
import { renderVisitRequest } from '../../../reports/visit-request/render-visit-request.ts';
import { VISIT_REQUEST_MESSAGES } from '../../../reports/visit-request/visit-request-model.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { VisitPlanEntry } from '../../contract/visit-plan-contract.ts';
import { appendAudit } from '../store/audit-log.ts';
import { getSite } from '../store/sites-store.ts';
import { getReviewRow, listReviewers, type ReviewRow } from '../store/reviews-store.ts';
import { deletePlanRow, getPlanRow, insertPlanRow, listPlanPeople, replacePlanPeople, updatePlanRow } from '../store/visit-plan-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireReviewRow, scaleOfReview } from './review-views.ts';
import { ensureVisitPlan, toEntry } from './visit-plan.ts';

type VisitPlanCalls = 'visitPlan.list' | 'visitPlan.update' | 'visitPlan.addEntry' | 'visitPlan.removeEntry' | 'visitPlan.requestPdf';

const invalid = (path: string, code: string, message: string) => new ApiFailure('invalid-input', { issues: [{ path, code, message }] });

/** The plan is the record of the visit: readable always, changed only until the review is final. */
function writableReview(ctx: HandlerContext, reviewId: number): ReviewRow {
  const row = requireReviewRow(ctx, reviewId);
  if (row.status === 'final') throw new ApiFailure('read-only', { status: row.status });
  return row;
}

function entryOf(ctx: HandlerContext, row: ReviewRow, scale: ScaleVersion, entryId: number): VisitPlanEntry {
  const stored = getPlanRow(ctx.db, row.id, entryId);
  if (!stored) throw new ApiFailure('not-found', { entity: 'visit-plan-entry', id: entryId });
  return toEntry(stored, scale, listPlanPeople(ctx.db, row.id));
}

/** The app's name for the IPS team meeting row, in every report language. */
const TEAM_MEETING_LABEL: LocalizedText = Object.fromEntries(
  Object.entries(VISIT_REQUEST_MESSAGES).map(([language, messages]) => [language, messages.teamMeeting as string]),
);

/** A plan row's name in every language it has: the scale's source label, the team meeting, or the reviewers' own label. */
export function entryLabel(entry: VisitPlanEntry, scale: ScaleVersion): LocalizedText {
  if (entry.kind === 'team-meeting') return TEAM_MEETING_LABEL;
  if (entry.kind === 'custom') return { fi: entry.label ?? '', sv: entry.label ?? '', en: entry.label ?? '' };
  return scale.data.dataSources.find((source) => source.key === entry.sourceKey)?.label ?? { fi: entry.sourceKey };
}

export const visitPlanHandlers: HandlerGroup<VisitPlanCalls> = {
  'visitPlan.list': ({ reviewId }, ctx) => {
    const row = requireReviewRow(ctx, reviewId);
    return ensureVisitPlan(ctx, row, scaleOfReview(ctx, row));
  },

  'visitPlan.update': ({ reviewId, entryId, ...changes }, ctx) => {
    const row = writableReview(ctx, reviewId);
    const scale = scaleOfReview(ctx, row);
    ensureVisitPlan(ctx, row, scale);
    const before = entryOf(ctx, row, scale, entryId);
    if (changes.label !== undefined && before.kind !== 'custom') throw invalid('label', 'not-custom', 'only rows the reviewers added have a label of their own');
    const items = new Set(scale.data.items.map((item) => item.number));
    const unknown = (changes.noteItems ?? []).filter((item) => !items.has(item));
    if (unknown.length) throw invalid('noteItems', 'unknown-item', `the scale has no item ${unknown.join(', ')}`);
    const startTime = changes.startTime === undefined ? before.startTime : changes.startTime;
    const endTime = changes.endTime === undefined ? before.endTime : changes.endTime;
    if (startTime && endTime && endTime < startTime) {
      throw invalid(changes.endTime === undefined ? 'startTime' : 'endTime', 'end-before-start', 'the end time is before the start time');
    }
    const pick = <T>(value: T | undefined, old: T) => (value === undefined ? old : value);
    updatePlanRow(ctx.db, entryId, {
      who: pick(changes.who, before.who) || null,
      planned_date: pick(changes.plannedDate, before.plannedDate),
      start_time: startTime,
      end_time: endTime,
      done: pick(changes.done, before.done) ? 1 : 0,
      note: pick(changes.note, before.note) || null,
      note_items: JSON.stringify([...new Set(pick(changes.noteItems, before.noteItems))].sort((a, b) => a - b)),
      label: pick(changes.label, before.label),
    }, ctx.now());
    if (changes.people !== undefined) replacePlanPeople(ctx.db, entryId, changes.people);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'visit-plan', entityId: entryId, action: 'update', oldValue: before, newValue: changes });
    return entryOf(ctx, row, scale, entryId);
  },

  'visitPlan.addEntry': ({ reviewId, category, label }, ctx) => {
    const row = writableReview(ctx, reviewId);
    const scale = scaleOfReview(ctx, row);
    ensureVisitPlan(ctx, row, scale);
    const id = insertPlanRow(ctx.db, row.id, `custom-${ctx.newUid()}`, category, ctx.now(), { kind: 'custom', label })!;
    const entry = entryOf(ctx, row, scale, id);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'visit-plan', entityId: id, action: 'create', newValue: { reviewId, category, label } });
    return entry;
  },

  'visitPlan.removeEntry': ({ reviewId, entryId }, ctx) => {
    const row = writableReview(ctx, reviewId);
    const before = entryOf(ctx, row, scaleOfReview(ctx, row), entryId);
    if (before.kind !== 'custom') throw new ApiFailure('conflict', { reason: 'not-custom', issues: [{ path: 'entryId', code: 'not-custom', message: 'only rows the reviewers added can be removed' }] });
    deletePlanRow(ctx.db, entryId);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'visit-plan', entityId: entryId, action: 'delete', oldValue: before });
    return { id: entryId };
  },

  'visitPlan.requestPdf': async ({ reviewId, language }, ctx) => {
    const input = ctx.db.transaction(() => {
      const row = requireReviewRow(ctx, reviewId);
      const scale = scaleOfReview(ctx, row);
      const entries = ensureVisitPlan(ctx, row, scale);
      const site = getSite(ctx.db, row.site_id);
      if (!site) throw new ApiFailure('not-found', { entity: 'site', id: row.site_id });
      const lang: LanguageCode & ('fi' | 'sv' | 'en') = language ?? row.language ?? 'fi';
      const label = (entry: VisitPlanEntry) => localized(entryLabel(entry, scale), lang);
      return {
        language: lang,
        requestDate: localDate(new Date(ctx.now())),
        siteName: site.name,
        organisation: site.organisation,
        kind: row.kind,
        visitDates: JSON.parse(row.visit_dates) as string[],
        reviewers: listReviewers(ctx.db, row.id).map((r) => ({ name: r.name, role: r.role })),
        documents: entries.filter((e) => e.category === 'request').map(label),
        meetings: entries.filter((e) => e.category !== 'request').map((e) => ({
          category: e.category as 'interview' | 'observation', label: label(e), date: e.plannedDate, startTime: e.startTime, endTime: e.endTime,
          who: e.who, people: e.people,
        })),
      };
    }).immediate();
    const { pdf, model } = await renderVisitRequest(input);
    return { pdfBase64: pdf.toString('base64'), fileName: model.fileName, language: input.language };
  },
};

/**
 * For the report's method section: the plan rows ticked done, with their source in every language, date, times and
 * people. An amendment has no visit of its own: it reports its original's.
 */
export function visitReportExtras(ctx: HandlerContext, row: ReviewRow): ReportExtras['visits'] {
  const own = ensureVisitPlan(ctx, row, scaleOfReview(ctx, row)).filter((e) => e.done);
  const original = row.amends_review_id === null ? undefined : getReviewRow(ctx.db, row.amends_review_id);
  const source = own.length === 0 && original ? original : row;
  const scale = scaleOfReview(ctx, source);
  const done = source === row ? own : ensureVisitPlan(ctx, source, scale).filter((e) => e.done);
  if (done.length === 0) return undefined;
  return done.slice(0, 200).map((e) => ({
    category: e.category,
    source: entryLabel(e, scale),
    ...(e.plannedDate ? { date: e.plannedDate } : {}),
    ...(e.startTime ? { startTime: e.startTime } : {}),
    ...(e.endTime ? { endTime: e.endTime } : {}),
    people: e.people.slice(0, 30).map((p) => ({ name: p.name.trim().slice(0, 300), ...(p.role?.trim() ? { role: p.role.trim().slice(0, 200) } : {}) })),
    ...(e.who?.trim() ? { who: e.who.trim().slice(0, 300) } : {}),
  }));
}
