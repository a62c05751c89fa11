import { ApiFailure } from '../../contract/api-error.ts';
import type { EmploymentOutcome } from '../../contract/comparison-contract.ts';
import { appendAudit } from '../store/audit-log.ts';
import { deleteOutcome, getOutcome, insertOutcome, listOutcomes, overlappingOutcome, updateOutcome } from '../store/outcomes-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireSite } from './site-handlers.ts';

function requireOutcome(ctx: HandlerContext, id: number): EmploymentOutcome {
  const outcome = getOutcome(ctx.db, id);
  if (!outcome) throw new ApiFailure('not-found', { entity: 'employment-outcome', id });
  return outcome;
}

/**
 * A site's employment outcomes: per period, IPS clients served and how many were in competitive work. The contract
 * checks each record (dates, counts, work <= served); here: the site exists, and a site's periods do not overlap,
 * so no client is counted twice when outcomes are set against fidelity.
 */
export const outcomeHandlers: HandlerGroup<'outcomes.list' | 'outcomes.save' | 'outcomes.delete'> = {
  'outcomes.list': ({ siteId }, ctx) => {
    requireSite(ctx, siteId);
    return listOutcomes(ctx.db, siteId);
  },

  'outcomes.save': ({ id, ...fields }, ctx) => {
    requireSite(ctx, fields.siteId);
    const before = id === undefined ? null : requireOutcome(ctx, id);
    if (before && before.siteId !== fields.siteId) {
      throw new ApiFailure('conflict', { reason: 'outcome-of-other-site', id, siteId: before.siteId });
    }
    const overlap = overlappingOutcome(ctx.db, fields, id ?? null);
    if (overlap) {
      throw new ApiFailure('conflict', { reason: 'period-overlaps', id: overlap.id, periodStart: overlap.periodStart, periodEnd: overlap.periodEnd });
    }
    const at = ctx.now();
    const savedId = before ? (updateOutcome(ctx.db, before.id, fields, at), before.id) : insertOutcome(ctx.db, fields, at);
    const after = requireOutcome(ctx, savedId);
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'employment-outcome', entityId: savedId, action: before ? 'update' : 'create', oldValue: before ?? undefined, newValue: after });
    return after;
  },

  'outcomes.delete': ({ id }, ctx) => {
    const before = requireOutcome(ctx, id);
    deleteOutcome(ctx.db, id);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'employment-outcome', entityId: id, action: 'delete', oldValue: before });
    return { id };
  },
};
