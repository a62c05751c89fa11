import type { Database, Statement } from 'better-sqlite3';
import type { RegionCode } from '../../../scales/regions/fi-regions.ts';
import type { Region } from '../../contract/entities.ts';
import type { ComparisonSide, ReviewKind } from '../../../scales/review-rules/review-kinds.ts';
import { listRegions } from './sites-store.ts';
import { COMPARISON_SQL, type ComparisonParams, type ComparisonQueryName } from './comparison-sql.ts';

/** A review's result as the comparison statements return it (REVIEW_COLUMNS in comparison-sql.ts). */
export interface ReviewResultRow {
  reviewId: number;
  kind: ReviewKind;
  date: string;
  total: number | null;
  band: string;
  ratedItems: number;
  /** The sum of the rated items' scores: with ratedItems, all scoreTotals needs. */
  rawTotal: number;
  totalItems: number;
  scaleId: string;
  scaleVersion: string;
}

/** regionCode: the listed region's code (migration 013), null for a free-text region kept for the user to map. */
export interface SiteColumns { siteId: number; siteName: string; regionId: number | null; regionCode: RegionCode | null; regionName: string | null }
export type SiteReviewRow = SiteColumns & ReviewResultRow;
/** A LEFT JOIN to the review: every review column may be null. */
type MaybeReview = { [K in keyof ReviewResultRow]: ReviewResultRow[K] | null };
export type EmploymentRow = SiteColumns & MaybeReview & {
  periods: number; periodStart: string; periodEnd: string; clientsServed: number; inCompetitiveWork: number;
  /** Each optional figure over the periods that reported it: how many periods, its sum, and its base's sum. */
  studyingPeriods: number; workingOrStudying: number; studyingOf: number;
  sixPeriods: number; tenure6Months: number; sixOf: number;
  twelvePeriods: number; tenure12Months: number; twelveOf: number;
};

export interface ComparisonRows {
  included: { reviews: number; sites: number };
  bandsByRegion: { regionId: number | null; regionCode: RegionCode | null; regionName: string | null; scaleId: string; scaleVersion: string; ratedItems: number; rawTotal: number };
  siteTotals: SiteReviewRow;
  /** scores: "item:score,..." of the scored items (null when none is scored). */
  itemHeatmap: SiteReviewRow & { scores: string | null };
  weakestItems: { item: number; ratedSites: number; mean: number };
  trendYears: { year: number; kind: ReviewKind; reviews: number; withTotal: number; estimates: number; meanTotal: number | null };
  trendReviews: ReviewResultRow;
  selfVsExternal: SiteReviewRow & { side: ComparisonSide; scores: string | null };
  fidelityEmployment: EmploymentRow;
}

/** "3:4,1:5" -> item -> score. */
export function parseScores(scores: string | null): Map<number, number> {
  const byItem = new Map<number, number>();
  if (scores) {
    for (const cell of scores.split(',')) {
      const [item, score] = cell.split(':');
      byItem.set(Number(item), Number(score));
    }
  }
  return byItem;
}

/** Prepared once per connection: the statements are long, and a comparison view runs one or two of them. */
const prepared = new WeakMap<Database, Map<ComparisonQueryName, Statement>>();

function statement(db: Database, name: ComparisonQueryName): Statement {
  let byName = prepared.get(db);
  if (!byName) prepared.set(db, (byName = new Map()));
  let stmt = byName.get(name);
  if (!stmt) byName.set(name, (stmt = db.prepare(COMPARISON_SQL[name])));
  return stmt;
}

/** Runs one comparison statement with the filters' bound values. */
export function comparisonRows<N extends ComparisonQueryName>(db: Database, name: N, params: ComparisonParams): ComparisonRows[N][] {
  return statement(db, name).all(params) as ComparisonRows[N][];
}

/** The regions that have sites (of the 23 listed, and free-text ones still to be mapped) and every site. */
export function regionsAndSites(db: Database): { regions: Region[]; sites: SiteColumns[] } {
  return {
    regions: listRegions(db).filter((region) => db.prepare('SELECT 1 FROM sites WHERE region_id = ? LIMIT 1').get(region.id) !== undefined),
    sites: db.prepare(`SELECT s.id AS siteId, s.name AS siteName, s.region_id AS regionId, g.code AS regionCode, g.name AS regionName
        FROM sites s LEFT JOIN regions g ON g.id = s.region_id ORDER BY s.name COLLATE NOCASE, s.id`).all() as SiteColumns[],
  };
}
