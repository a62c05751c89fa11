import { siteResultChoice } from '../../../scales/review-rules/site-result.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { Site } from '../../contract/entities.ts';
import { appendAudit } from '../store/audit-log.ts';
import { listReviewRowsForSite } from '../store/reviews-store.ts';
import {
  findOrCreateRegion, getSite, insertSite, listRegions, listSites, setSiteActiveRow, updateSiteRow, type SiteFields,
} from '../store/sites-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { reviewSummary } from './review-views.ts';

export function requireSite(ctx: HandlerContext, id: number): Site {
  const site = getSite(ctx.db, id);
  if (!site) throw new ApiFailure('not-found', { entity: 'site', id });
  return site;
}

/** A region named by the user: reuse the one of that name or create it (audited). */
export function regionIdFor(ctx: HandlerContext, name: string | null): number | null {
  if (name === null || name.trim() === '') return null;
  const at = ctx.now();
  const { region, created } = findOrCreateRegion(ctx.db, name.trim(), at);
  if (created) appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'region', entityId: region.id, action: 'create', newValue: region });
  return region.id;
}

export const siteHandlers: HandlerGroup<'regions.list' | 'sites.list' | 'sites.get' | 'sites.create' | 'sites.update' | 'sites.setActive'> = {
  'regions.list': (_input, ctx) => listRegions(ctx.db),

  'sites.list': (input, ctx) =>
    listSites(ctx.db, input).map((site) => {
      const summaries = listReviewRowsForSite(ctx.db, site.id).map((row) => reviewSummary(ctx, row));
      const { result, inProgress } = siteResultChoice(summaries.map((summary) => ({ summary, status: summary.status, ratedItems: summary.score.ratedItems })));
      return {
        ...site,
        latestReview: result && {
          reviewId: result.summary.id, date: result.summary.visitDates[0]!, kind: result.summary.kind, status: result.summary.status,
          scale: { id: result.summary.scale.id, version: result.summary.scale.version }, score: result.summary.score,
        },
        openReview: inProgress && { reviewId: inProgress.summary.id, date: inProgress.summary.visitDates[0]!, status: inProgress.summary.status },
      };
    }),

  'sites.get': ({ id }, ctx) => requireSite(ctx, id),

  'sites.create': (input, ctx) => {
    const fields: SiteFields = {
      name: input.name,
      regionId: regionIdFor(ctx, input.regionName),
      organisation: input.organisation || null,
      collaborationModel: input.collaborationModel,
    };
    const id = insertSite(ctx.db, fields, ctx.now());
    const site = requireSite(ctx, id);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'site', entityId: id, action: 'create', newValue: site });
    return site;
  },

  'sites.update': ({ id, changes }, ctx) => {
    const before = requireSite(ctx, id);
    const fields: SiteFields = {
      name: changes.name ?? before.name,
      regionId: changes.regionName === undefined ? before.region?.id ?? null : regionIdFor(ctx, changes.regionName),
      organisation: changes.organisation === undefined ? before.organisation : changes.organisation || null,
      collaborationModel: changes.collaborationModel === undefined ? before.collaborationModel : changes.collaborationModel,
    };
    updateSiteRow(ctx.db, id, fields, ctx.now());
    const after = requireSite(ctx, id);
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'site', entityId: id, action: 'update', oldValue: before, newValue: after });
    return after;
  },

  'sites.setActive': ({ id, active }, ctx) => {
    const before = requireSite(ctx, id);
    if (before.active === active) return before;
    setSiteActiveRow(ctx.db, id, active, ctx.now());
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'site', entityId: id, action: active ? 'restore' : 'archive', oldValue: { active: before.active }, newValue: { active } });
    return requireSite(ctx, id);
  },
};
