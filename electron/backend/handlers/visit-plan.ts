import type { VisitPlanEntry } from '../../contract/entities.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { insertPlanRow, listPlanRows, type VisitPlanRow } from '../store/visit-plan-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';

/**
 * What a data source asks of the visit, read from its key: interviews to schedule, observations to arrange,
 * and everything else (documents, records, statistics) to request from the site beforehand.
 */
export function planCategory(sourceKey: string): VisitPlanEntry['category'] {
  if (sourceKey.endsWith('-interview')) return 'interview';
  if (sourceKey.endsWith('-observation')) return 'observation';
  return 'request';
}

/** The review's visit plan, one entry per data source its scale uses; created on first use. */
export function ensureVisitPlan(ctx: HandlerContext, row: ReviewRow, scale: ScaleVersion): VisitPlanEntry[] {
  const used = scale.data.dataSources.filter((source) => scale.data.items.some((item) => item.dataSources.includes(source.key)));
  let rows = listPlanRows(ctx.db, row.id);
  if (rows.length < used.length) {
    const at = ctx.now();
    for (const source of used) insertPlanRow(ctx.db, row.id, source.key, planCategory(source.key), at);
    rows = listPlanRows(ctx.db, row.id);
  }
  return rows.map((r) => toEntry(r, scale));
}

export function toEntry(row: VisitPlanRow, scale: ScaleVersion): VisitPlanEntry {
  return {
    id: row.id,
    sourceKey: row.source_key,
    category: row.category,
    items: scale.data.items.filter((item) => item.dataSources.includes(row.source_key)).map((item) => item.number),
    who: row.who,
    plannedDate: row.planned_date,
    done: row.done === 1,
    note: row.note,
  };
}
