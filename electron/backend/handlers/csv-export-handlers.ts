import { ApiFailure } from '../../contract/api-error.ts';
import type { Region, Site } from '../../contract/entities.ts';
import { regionName } from '../../../scales/regions/fi-regions.ts';
import { listReviewRowsForSite } from '../store/reviews-store.ts';
import { listRegions, listSites } from '../store/sites-store.ts';
import { localToday } from './action-plan-views.ts';
import { fileNamePart, reviewsCsv, type CsvLanguage, type CsvReview } from './csv-export.ts';
import { CSV_MESSAGES } from './csv-messages.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { resultRatings, scaleOfReview, scoreStored } from './review-views.ts';
import { requireSite } from './site-handlers.ts';
import { scoresByItem } from './action-plan-views.ts';

/** The sites to export and a word for the file name. */
function scopeOf(ctx: HandlerContext, input: { siteId?: number | undefined; regionId?: number | undefined }, all: string, language: CsvLanguage): { sites: Site[]; name: string } {
  if (input.siteId !== undefined) {
    const site = requireSite(ctx, input.siteId);
    return { sites: [site], name: site.name };
  }
  if (input.regionId !== undefined) {
    const region = listRegions(ctx.db).find((r) => r.id === input.regionId);
    if (!region) throw new ApiFailure('not-found', { entity: 'region', id: input.regionId });
    return { sites: listSites(ctx.db, { includeArchived: true, regionId: region.id }), name: regionNameIn(region, language) };
  }
  return { sites: listSites(ctx.db, { includeArchived: true }), name: all };
}

/** A listed region by its official name in the file's language; a free-text one as written. */
const regionNameIn = (region: Region, language: CsvLanguage) => (region.code ? regionName(region.code, language) : region.name);


export const csvExportHandlers: HandlerGroup<'reviews.exportCsv'> = {
  /** Sites by name, each site's reviews oldest first; scores exactly as reviews.listForSite gives them. */
  'reviews.exportCsv': (input, ctx) => {
    const messages = CSV_MESSAGES[input.language];
    const scope = scopeOf(ctx, input, messages.allSites, input.language);
    const items = new Set<number>();
    const reviews: CsvReview[] = scope.sites.flatMap((site) =>
      listReviewRowsForSite(ctx.db, site.id).reverse().map((row) => {
        const scale = scaleOfReview(ctx, row);
        for (const item of scale.data.items) items.add(item.number);
        const ratings = resultRatings(ctx, row);
        const score = scoreStored(scale, ratings);
        return {
          site: site.name,
          region: site.region && { name: regionNameIn(site.region, input.language), code: site.region.code },
          collaboration: site.collaborationModel && { model: site.collaborationModel, note: site.collaborationNote },
          visitDates: JSON.parse(row.visit_dates) as string[],
          kind: row.kind,
          reviewingOrganisation: row.reviewing_organisation,
          status: row.status,
          scale: { id: row.scale_id, version: row.scale_version },
          itemScores: scoresByItem(ratings),
          score,
          band: scale.data.scoring.bands.find((b) => b.key === score.band)?.label ?? null,
        };
      }));
    const csv = reviewsCsv(reviews, [...items].sort((a, b) => a - b), input.language);
    return { csv, fileName: `${messages.filePrefix}-${fileNamePart(scope.name)}-${localToday(ctx)}.csv`, reviews: reviews.length };
  },
};
