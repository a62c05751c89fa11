import { siteResultChoice } from '../../../scales/review-rules/site-result.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { Site } from '../../contract/entities.ts';
import { appendAudit } from '../store/audit-log.ts';
import { listReviewRowsForSite } from '../store/reviews-store.ts';
import { matchRegionName, type RegionCode } from '../../../scales/regions/fi-regions.ts';
import {
  findOrCreateUnlistedRegion, getSite, insertSite, listRegions, listSites, regionByCode, setSiteActiveRow, updateSiteRow, type SiteFields,
} from '../store/sites-store.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { reviewSummary } from './review-views.ts';

export function requireSite(ctx: HandlerContext, id: number): Site {
  const site = getSite(ctx.db, id);
  if (!site) throw new ApiFailure('not-found', { entity: 'site', id });
  return site;
}

/** The database row of a listed region, by its code. */
export const regionIdFor = (ctx: HandlerContext, code: RegionCode | null): number | null => (code === null ? null : regionByCode(ctx.db, code).id);

/**
 * A region as a review file names it: its code (files from this app), else its name matched against the list
 * (files from older apps wrote free text); a name not on the list is kept as a free-text region (audited) and the
 * site is flagged for the user to map, as migration 013 does.
 */
export function regionIdForFile(ctx: HandlerContext, site: { regionCode?: RegionCode | undefined; region?: string | undefined }): number | null {
  const code = site.regionCode ?? (site.region ? matchRegionName(site.region) : null);
  if (code) return regionIdFor(ctx, code);
  if (!site.region?.trim()) return null;
  const at = ctx.now();
  const { region, created } = findOrCreateUnlistedRegion(ctx.db, site.region.trim(), at);
  if (created) appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'region', entityId: region.id, action: 'create', newValue: region });
  return region.id;
}

/** The collaboration model after a change: "other" keeps its note unless a new one is given; 1, 2 or none drop it. */
function changedCollaboration(before: Site, changes: { collaborationModel?: Site['collaborationModel'] | undefined; collaborationNote?: string | null | undefined }) {
  const model = changes.collaborationModel === undefined ? before.collaborationModel : changes.collaborationModel;
  const note = model !== 'other' ? null : changes.collaborationNote === undefined ? before.collaborationNote : changes.collaborationNote;
  if (model === 'other' && !note) {
    throw new ApiFailure('invalid-input', { issues: [{ path: 'changes.collaborationNote', code: 'custom', message: 'say what the other collaboration model is' }] });
  }
  if (changes.collaborationNote && model !== 'other') {
    throw new ApiFailure('invalid-input', { issues: [{ path: 'changes.collaborationNote', code: 'custom', message: 'a note goes only with the collaboration model "other"' }] });
  }
  return { collaborationModel: model, collaborationNote: note };
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
      regionId: regionIdFor(ctx, input.regionCode),
      organisation: input.organisation || null,
      collaborationModel: input.collaborationModel,
      collaborationNote: input.collaborationModel === 'other' ? input.collaborationNote : null,
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
      regionId: changes.regionCode === undefined ? before.region?.id ?? null : regionIdFor(ctx, changes.regionCode),
      organisation: changes.organisation === undefined ? before.organisation : changes.organisation || null,
      ...changedCollaboration(before, changes),
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
