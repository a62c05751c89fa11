import type { VisitPlanEntry, VisitPlanKind } from '../../contract/visit-plan-contract.ts';
import type { ScaleVersion } from '../../../scales/scale-version.ts';
import { insertPlanRow, listPlanPeople, listPlanRows, type VisitPlanPersonRow, type VisitPlanRow } from '../store/visit-plan-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';

/** The app's own row for the IPS team meeting (IPS-tiimin palaveri), for scales that do not list it as a source. */
export const TEAM_MEETING_KEY = 'ips-team-meeting';
/** The scale source that already is the IPS team meeting (IPS-25 1.1.0 on): no second row for it. */
const SCALE_TEAM_MEETING_KEY = 'ips-team-meeting-observation';

/**
 * What a data source asks of the visit, read from its key: interviews to schedule, observations to arrange,
 * and everything else (documents, records, statistics) to request from the site beforehand.
 */
export function planCategory(sourceKey: string): VisitPlanEntry['category'] {
  if (sourceKey.endsWith('-interview')) return 'interview';
  if (sourceKey.endsWith('-observation')) return 'observation';
  return 'request';
}

/** The data sources the scale's items use, in the scale's order. */
function usedSources(scale: ScaleVersion) {
  return scale.data.dataSources.filter((source) => scale.data.items.some((item) => item.dataSources.includes(source.key)));
}

/**
 * The review's visit plan: one entry per data source its scale uses and the IPS team meeting, created on first
 * use (and completed when a later app version adds a row kind), then the reviewers' own rows.
 */
export function ensureVisitPlan(ctx: HandlerContext, row: ReviewRow, scale: ScaleVersion): VisitPlanEntry[] {
  const wanted: { key: string; kind: VisitPlanKind }[] = usedSources(scale).map((source) => ({ key: source.key, kind: 'scale' }));
  if (!scale.data.dataSources.some((source) => source.key === SCALE_TEAM_MEETING_KEY)) wanted.push({ key: TEAM_MEETING_KEY, kind: 'team-meeting' });
  let rows = listPlanRows(ctx.db, row.id);
  const present = new Set(rows.map((r) => r.source_key));
  if (wanted.some((w) => !present.has(w.key))) {
    const at = ctx.now();
    for (const w of wanted) insertPlanRow(ctx.db, row.id, w.key, w.kind === 'team-meeting' ? 'observation' : planCategory(w.key), at, { kind: w.kind, label: null });
    rows = listPlanRows(ctx.db, row.id);
  }
  const people = listPlanPeople(ctx.db, row.id);
  return rows.map((r) => toEntry(r, scale, people));
}

export function toEntry(row: VisitPlanRow, scale: ScaleVersion, people: readonly VisitPlanPersonRow[]): VisitPlanEntry {
  return {
    id: row.id,
    kind: row.kind,
    sourceKey: row.source_key,
    label: row.label,
    category: row.category,
    items: row.kind === 'scale' ? scale.data.items.filter((item) => item.dataSources.includes(row.source_key)).map((item) => item.number) : [],
    who: row.who,
    plannedDate: row.planned_date,
    startTime: row.start_time,
    endTime: row.end_time,
    people: people.filter((p) => p.entry_id === row.id).map((p) => ({ name: p.name, role: p.role })),
    done: row.done === 1,
    note: row.note,
    noteItems: JSON.parse(row.note_items) as number[],
  };
}
