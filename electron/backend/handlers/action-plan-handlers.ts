import { ACTION_PLAN_LIMITS } from '../../contract/action-plan-contract.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  deleteActionPlanRow, getActionPlanRecord, insertActionPlanRow, listActionPlanRecords, listActionPlanRecordsForSite,
  setActionPlanRowTitle, updateActionPlanRow, type ActionPlanRowRecord,
} from '../store/action-plan-store.ts';
import { listReviewRowsForSite } from '../store/reviews-store.ts';
import { previousPlanReview } from './action-plan-report.ts';
import { actionPlanView, candidateItems, localToday, planCounts, planSources, toPlanRow } from './action-plan-views.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { actionPlanThreshold } from '../../../scales/review-rules/action-plan.ts';
import { requireReviewRow } from './review-views.ts';
import { requireSite } from './site-handlers.ts';

type ActionPlanCalls = 'actionPlan.get' | 'actionPlan.createFromReview' | 'actionPlan.addRow' | 'actionPlan.update' | 'actionPlan.remove'
  | 'actionPlan.siteProgress' | 'actionPlan.previous';

function requireRecord(ctx: HandlerContext, id: number): ActionPlanRowRecord {
  const record = getActionPlanRecord(ctx.db, id);
  if (!record) throw new ApiFailure('not-found', { entity: 'action-plan-row', id });
  return record;
}

const invalid = (path: string, code: string, message: string) => new ApiFailure('invalid-input', { issues: [{ path, code, message }] });

/** A plan travels in review bundles, which carry at most this many rows per review: the plan stays within it. */
function requireRoom(ctx: HandlerContext, reviewId: number, adding: number) {
  const have = listActionPlanRecords(ctx.db, reviewId).length;
  if (have + adding > ACTION_PLAN_LIMITS.rows) {
    throw new ApiFailure('conflict', { issues: [{ path: 'reviewId', code: 'action-plan-full', message: `a plan has at most ${ACTION_PLAN_LIMITS.rows} rows; this one has ${have}` }] });
  }
}

/** What the audit log keeps of a row: its editable fields, so an edit or a removal can be traced and undone by hand. */
const auditFields = (r: ActionPlanRowRecord) => ({
  reviewId: r.review_id, item: r.item, ...(r.item === null ? { title: r.title } : {}), goal: r.goal, owner: r.owner, dueDate: r.due_date, status: r.status, notes: r.notes,
});

function rowView(ctx: HandlerContext, id: number) {
  const record = requireRecord(ctx, id);
  const review = requireReviewRow(ctx, record.review_id);
  const sources = planSources(ctx, review);
  return toPlanRow(record, sources.scale, sources.scores, localToday(ctx));
}

/**
 * Action plans are deliberately not locked with the review: a final or signed review's plan stays editable (the
 * plan is the site's working document; the signed report does not contain it), so no status check here.
 */
export const actionPlanHandlers: HandlerGroup<ActionPlanCalls> = {
  'actionPlan.get': ({ reviewId }, ctx) => actionPlanView(ctx, requireReviewRow(ctx, reviewId)),

  'actionPlan.createFromReview': ({ reviewId, items }, ctx) => {
    const review = requireReviewRow(ctx, reviewId);
    const sources = planSources(ctx, review);
    const records = listActionPlanRecords(ctx.db, reviewId);
    const candidates = candidateItems(sources, records);
    const planned = new Set(records.map((r) => r.item));
    const wanted = [...new Set(items ?? candidates)];
    const refused = wanted.filter((item) => !candidates.includes(item) && !planned.has(item));
    if (refused.length) {
      throw new ApiFailure('invalid-input', {
        issues: refused.map((item) => ({
          path: 'items', code: 'not-a-candidate',
          message: `item ${item} has no recommendation and is not scored ${actionPlanThreshold(sources.scale.data)} or below in this review's result`,
        })),
      });
    }
    const added = wanted.filter((item) => !planned.has(item)).sort((a, b) => a - b);
    requireRoom(ctx, reviewId, added.length);
    const at = ctx.now();
    for (const item of added) insertActionPlanRow(ctx.db, reviewId, { item }, { goal: sources.recommendations.get(item)?.slice(0, ACTION_PLAN_LIMITS.goal) ?? '' }, at);
    if (added.length) appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'action-plan', entityId: reviewId, action: 'create-rows', newValue: { items: added } });
    return { ...actionPlanView(ctx, review), added };
  },

  'actionPlan.addRow': ({ reviewId, item, freeTitle, goal }, ctx) => {
    const review = requireReviewRow(ctx, reviewId);
    if (item !== undefined && !planSources(ctx, review).scale.data.items.some((i) => i.number === item)) {
      throw invalid('item', 'unknown-item', `item ${item} is not in the review's scale`);
    }
    requireRoom(ctx, reviewId, 1);
    const at = ctx.now();
    const id = insertActionPlanRow(ctx.db, reviewId, item !== undefined ? { item } : { title: freeTitle! }, { goal: goal ?? '' }, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'action-plan-row', entityId: id, action: 'add', newValue: auditFields(requireRecord(ctx, id)) });
    return rowView(ctx, id);
  },

  'actionPlan.update': ({ id, freeTitle, ...changes }, ctx) => {
    const before = requireRecord(ctx, id);
    if (freeTitle !== undefined && before.item !== null) throw invalid('freeTitle', 'not-a-free-row', `row ${id} is about item ${before.item}; only a free row has a title of its own`);
    const fields = {
      goal: changes.goal ?? before.goal,
      owner: changes.owner === undefined ? before.owner : changes.owner || null,
      dueDate: changes.dueDate === undefined ? before.due_date : changes.dueDate,
      status: changes.status ?? before.status,
      notes: changes.notes === undefined ? before.notes : changes.notes || null,
    };
    const at = ctx.now();
    updateActionPlanRow(ctx.db, id, fields, at);
    if (freeTitle !== undefined) setActionPlanRowTitle(ctx.db, id, freeTitle, at);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'action-plan-row', entityId: id, action: 'update', oldValue: auditFields(before), newValue: auditFields(requireRecord(ctx, id)) });
    return rowView(ctx, id);
  },

  'actionPlan.remove': ({ id }, ctx) => {
    const before = requireRecord(ctx, id);
    deleteActionPlanRow(ctx.db, id);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'action-plan-row', entityId: id, action: 'remove', oldValue: auditFields(before) });
    return { id, reviewId: before.review_id, item: before.item };
  },

  'actionPlan.siteProgress': ({ siteId }, ctx) => {
    requireSite(ctx, siteId);
    const today = localToday(ctx);
    const bySite = listActionPlanRecordsForSite(ctx.db, siteId);
    return listReviewRowsForSite(ctx.db, siteId).map((review) => {
      const records = bySite.filter((r) => r.review_id === review.id);
      return {
        reviewId: review.id,
        kind: review.kind,
        reviewStatus: review.status,
        visitDates: JSON.parse(review.visit_dates) as string[],
        rows: records.length,
        ...planCounts(records, today),
        freeRows: records.filter((r) => r.item === null).length,
        candidates: candidateItems(planSources(ctx, review), records).length,
      };
    });
  },

  'actionPlan.previous': ({ reviewId }, ctx) => {
    const previous = previousPlanReview(ctx, requireReviewRow(ctx, reviewId));
    if (!previous) return null;
    const { review, records } = previous;
    const today = localToday(ctx);
    const sources = planSources(ctx, review);
    return {
      reviewId: review.id,
      kind: review.kind,
      visitDates: JSON.parse(review.visit_dates) as string[],
      ...planCounts(records, today),
      rows: records.map((r) => toPlanRow(r, sources.scale, sources.scores, today)),
      today,
    };
  },
};
