import { ApiFailure } from '../../contract/api-error.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  deleteActionPlanRow, getActionPlanRecord, insertActionPlanRow, listActionPlanRecords, listActionPlanRecordsForSite,
  updateActionPlanRow, type ActionPlanRowRecord,
} from '../store/action-plan-store.ts';
import { listReviewRowsForSite } from '../store/reviews-store.ts';
import { actionPlanView, candidateItems, isOverdue, localToday, resultScores, toPlanRow } from './action-plan-views.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { actionPlanThreshold } from '../../../scales/review-rules/action-plan.ts';
import { requireReviewRow, scaleOfReview } from './review-views.ts';
import { requireSite } from './site-handlers.ts';

type ActionPlanCalls = 'actionPlan.get' | 'actionPlan.createFromReview' | 'actionPlan.update' | 'actionPlan.remove' | 'actionPlan.siteProgress';

function requireRecord(ctx: HandlerContext, id: number): ActionPlanRowRecord {
  const record = getActionPlanRecord(ctx.db, id);
  if (!record) throw new ApiFailure('not-found', { entity: 'action-plan-row', id });
  return record;
}

/** What the audit log keeps of a row: its editable fields, so an edit or a removal can be traced and undone by hand. */
const auditFields = (r: ActionPlanRowRecord) => ({ reviewId: r.review_id, item: r.item, goal: r.goal, owner: r.owner, dueDate: r.due_date, status: r.status, notes: r.notes });

/**
 * Action plans are deliberately not locked with the review: a final or signed review's plan stays editable (the
 * plan is the site's working document; the signed report does not contain it), so no status check here.
 */
export const actionPlanHandlers: HandlerGroup<ActionPlanCalls> = {
  'actionPlan.get': ({ reviewId }, ctx) => actionPlanView(ctx, requireReviewRow(ctx, reviewId)),

  'actionPlan.createFromReview': ({ reviewId, items }, ctx) => {
    const review = requireReviewRow(ctx, reviewId);
    const scale = scaleOfReview(ctx, review);
    const records = listActionPlanRecords(ctx.db, reviewId);
    const candidates = candidateItems(scale, resultScores(ctx, review), records);
    const planned = new Set(records.map((r) => r.item));
    const wanted = items ?? candidates;
    const refused = wanted.filter((item) => !candidates.includes(item) && !planned.has(item));
    if (refused.length) {
      throw new ApiFailure('invalid-input', {
        issues: refused.map((item) => ({ path: 'items', code: 'not-a-candidate', message: `item ${item} is not scored ${actionPlanThreshold(scale.data)} or below in this review's result` })),
      });
    }
    const at = ctx.now();
    const added = [...new Set(wanted)].filter((item) => insertActionPlanRow(ctx.db, reviewId, item, at)).sort((a, b) => a - b);
    if (added.length) appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'action-plan', entityId: reviewId, action: 'create-rows', newValue: { items: added } });
    return { ...actionPlanView(ctx, review), added };
  },

  'actionPlan.update': ({ id, ...changes }, ctx) => {
    const before = requireRecord(ctx, id);
    const fields = {
      goal: changes.goal ?? before.goal,
      owner: changes.owner === undefined ? before.owner : changes.owner || null,
      dueDate: changes.dueDate === undefined ? before.due_date : changes.dueDate,
      status: changes.status ?? before.status,
      notes: changes.notes === undefined ? before.notes : changes.notes || null,
    };
    const at = ctx.now();
    updateActionPlanRow(ctx.db, id, fields, at);
    const after = requireRecord(ctx, id);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'action-plan-row', entityId: id, action: 'update', oldValue: auditFields(before), newValue: auditFields(after) });
    const review = requireReviewRow(ctx, after.review_id);
    return toPlanRow(after, scaleOfReview(ctx, review), resultScores(ctx, review), localToday(ctx));
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
      const count = (status: ActionPlanRowRecord['status']) => records.filter((r) => r.status === status).length;
      return {
        reviewId: review.id,
        kind: review.kind,
        reviewStatus: review.status,
        visitDates: JSON.parse(review.visit_dates) as string[],
        rows: records.length,
        counts: { open: count('open'), 'in-progress': count('in-progress'), done: count('done'), dropped: count('dropped') },
        overdue: records.filter((r) => isOverdue(r, today)).length,
        candidates: candidateItems(scaleOfReview(ctx, review), resultScores(ctx, review), records).length,
      };
    });
  },
};


