import BetterSqlite3 from 'better-sqlite3';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/contract.ts';
import type { FidelitySummary } from '../../electron/contract/entities.ts';

/**
 * The comparison views computed the slow, obvious way: every review scored by the scoring engine through the API
 * (scoring.summary, reviews.exportFile: resultRatings + scoreStored), then filtered, grouped and averaged in plain
 * JavaScript. The SQL must give the same answers.
 */
type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

export type EngineReview = FidelitySummary & {
  id: number; siteId: number; regionId: number | null; kind: 'external' | 'self' | 'peer'; status: string; date: string;
  amends: number | null; scale: { id: string; version: string };
};

export interface EngineData {
  reviews: EngineReview[];
  outcomes: {
    id: number; siteId: number; periodStart: string; periodEnd: string; served: number; inWork: number;
    /** null: the period did not report it. */
    studying: number | null; six: number | null; twelve: number | null;
  }[];
  siteRegions: Map<number, number | null>;
  /** Result scores by review id (item -> score), loaded on demand. */
  scores(reviewId: number): Promise<Map<number, number | null>>;
}

export async function engineData(call: Call, dbFile: string): Promise<EngineData> {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  const rows = db.prepare(`SELECT r.id, r.site_id AS siteId, s.region_id AS regionId, r.kind, r.status, r.visit_dates AS visitDates, r.amends_review_id AS amends,
        r.scale_id AS scaleId, r.scale_version AS scaleVersion
      FROM reviews r JOIN sites s ON s.id = r.site_id ORDER BY r.id`).all() as {
        id: number; siteId: number; regionId: number | null; kind: 'external' | 'self' | 'peer'; status: string; visitDates: string; amends: number | null; scaleId: string; scaleVersion: string;
      }[];
  const outcomes = db.prepare(`SELECT id, site_id AS siteId, period_start AS periodStart, period_end AS periodEnd, clients_served AS served,
      in_competitive_work AS inWork, working_or_studying AS studying, tenure_6_months AS six, tenure_12_months AS twelve
      FROM employment_outcomes ORDER BY id`).all() as EngineData['outcomes'];
  const sites = db.prepare('SELECT id, region_id AS regionId FROM sites').all() as { id: number; regionId: number | null }[];
  db.close();
  const reviews: EngineReview[] = [];
  for (const row of rows) {
    const score = await call('scoring.summary', { reviewId: row.id });
    const date = [...(JSON.parse(row.visitDates) as string[])].sort()[0]!;
    reviews.push({
      id: row.id, siteId: row.siteId, regionId: row.regionId, kind: row.kind, status: row.status, date, amends: row.amends,
      scale: { id: row.scaleId, version: row.scaleVersion }, ...score,
    });
  }
  const cache = new Map<number, Map<number, number | null>>();
  return {
    reviews,
    outcomes,
    siteRegions: new Map(sites.map((s) => [s.id, s.regionId])),
    async scores(reviewId) {
      let found = cache.get(reviewId);
      if (!found) {
        const file = await call('reviews.exportFile', { reviewId });
        cache.set(reviewId, (found = new Map(file.ratings.map((r) => [r.item, r.score]))));
      }
      return found;
    },
  };
}

export interface Filters { regionId?: number | null; siteId?: number | null; from?: string | null; to?: string | null; kind?: 'external' | 'self' | 'peer' | null }

/**
 * The side a review counts on in "self-assessment against external review", written out here apart from the app's
 * rule (comparisonSide): a peer review is done by people from outside the site, so it is on the external side;
 * only the site's own self-assessment is on the self side. The trend per kind keeps the three kinds apart.
 */
export const sideOf = (kind: EngineReview['kind']): 'self' | 'external' => (kind === 'peer' || kind === 'external' ? 'external' : 'self');

/** Final, not replaced by a final amendment, in the filters (period and kind optional, as the views use them). */
export function compared(data: EngineData, f: Filters, { period = true, kind = true } = {}): EngineReview[] {
  const replaced = new Set(data.reviews.filter((r) => r.amends !== null && r.status === 'final').map((r) => r.amends));
  return data.reviews.filter((r) =>
    r.status === 'final' && !replaced.has(r.id) &&
    (f.regionId == null || r.regionId === f.regionId) && (f.siteId == null || r.siteId === f.siteId) &&
    (!kind || f.kind == null || r.kind === f.kind) &&
    (!period || ((f.from == null || r.date >= f.from) && (f.to == null || r.date <= f.to))));
}

const newer = (a: EngineReview, b: EngineReview) => (a.date !== b.date ? a.date > b.date : a.id > b.id);

/** The latest review of each site (by first visit, then id) among `reviews`. */
export function latestBySite(reviews: readonly EngineReview[], key = (r: EngineReview) => String(r.siteId)): Map<string, EngineReview> {
  const latest = new Map<string, EngineReview>();
  for (const r of reviews) {
    const current = latest.get(key(r));
    if (!current || newer(r, current)) latest.set(key(r), r);
  }
  return latest;
}

/** A review as the comparison's answers carry it: its scale version and the engine's summary of its score. */
export const resultOf = ({ id, siteId: _s, regionId: _r, status: _st, amends: _a, ...rest }: EngineReview) => ({ reviewId: id, ...rest });

/** Mean of the rated scores per item over the given reviews' results. */
export async function itemMeans(data: EngineData, reviews: readonly EngineReview[]): Promise<Map<number, { mean: number; rated: number }>> {
  const sums = new Map<number, { sum: number; rated: number }>();
  for (const r of reviews) {
    for (const [item, score] of await data.scores(r.id)) {
      if (score === null) continue;
      const s = sums.get(item) ?? { sum: 0, rated: 0 };
      sums.set(item, { sum: s.sum + score, rated: s.rated + 1 });
    }
  }
  return new Map([...sums].map(([item, s]) => [item, { mean: s.sum / s.rated, rated: s.rated }]));
}

type Outcome = EngineData['outcomes'][number];
type Measure = 'competitiveWork' | 'workingOrStudying' | 'tenure6Months' | 'tenure12Months';

/** Each outcome: the figure a period reports (null: not reported) and the base its share is of. */
const MEASURES: Record<Measure, { figure: (o: Outcome) => number | null; base: (o: Outcome) => number }> = {
  competitiveWork: { figure: (o) => o.inWork, base: (o) => o.served },
  workingOrStudying: { figure: (o) => o.studying, base: (o) => o.served },
  tenure6Months: { figure: (o) => o.six, base: (o) => o.inWork },
  tenure12Months: { figure: (o) => o.twelve, base: (o) => o.inWork },
};

/** Pearson's r the textbook way; null below 3 points or without spread. */
export function referencePearson(points: { x: number; y: number }[]): number | null {
  if (points.length < 3) return null;
  const n = points.length;
  const sx = points.reduce((a, p) => a + p.x, 0);
  const sy = points.reduce((a, p) => a + p.y, 0);
  const sxx = points.reduce((a, p) => a + p.x * p.x, 0);
  const syy = points.reduce((a, p) => a + p.y * p.y, 0);
  const sxy = points.reduce((a, p) => a + p.x * p.y, 0);
  const vx = n * sxx - sx * sx;
  const vy = n * syy - sy * sy;
  if (Math.abs(vx) < 1e-9 || Math.abs(vy) < 1e-9) return null;
  return (n * sxy - sx * sy) / Math.sqrt(vx * vy);
}

/**
 * Per site with outcome periods overlapping the period: their sums, each outcome over the periods that reported
 * it, and the site's latest compared review; per outcome, r over the sites with a total and a share.
 */
export function employmentBySite(data: EngineData, f: Filters) {
  const latest = latestBySite(compared(data, f));
  const bySite = new Map<number, Outcome[]>();
  for (const o of data.outcomes) {
    if ((f.siteId != null && o.siteId !== f.siteId) || (f.regionId != null && data.siteRegions.get(o.siteId) !== f.regionId)) continue;
    if ((f.from != null && o.periodEnd < f.from) || (f.to != null && o.periodStart > f.to)) continue;
    bySite.set(o.siteId, [...(bySite.get(o.siteId) ?? []), o]);
  }
  const sites = [...bySite].map(([siteId, periods]) => {
    const review = latest.get(String(siteId));
    const served = periods.reduce((a, o) => a + o.served, 0);
    const inWork = periods.reduce((a, o) => a + o.inWork, 0);
    const measures = Object.fromEntries(Object.entries(MEASURES).map(([key, { figure, base }]) => {
      const reported = periods.filter((o) => figure(o) !== null);
      const count = reported.reduce((a, o) => a + figure(o)!, 0);
      const of = reported.reduce((a, o) => a + base(o), 0);
      return [key, { periods: reported.length, count, of, share: reported.length > 0 && of > 0 ? count / of : null }];
    })) as Record<Measure, { periods: number; count: number; of: number; share: number | null }>;
    return {
      siteId, periods: periods.length,
      periodStart: periods.map((o) => o.periodStart).sort()[0]!, periodEnd: periods.map((o) => o.periodEnd).sort().at(-1)!,
      clientsServed: served, inCompetitiveWork: inWork, rate: inWork / served, measures,
      review: review ? resultOf(review) : null,
    };
  });
  const correlations = Object.fromEntries((Object.keys(MEASURES) as Measure[]).map((m) => [m, referencePearson(sites.flatMap((s) =>
    s.review?.total != null && s.measures[m].share !== null ? [{ x: s.review.total, y: s.measures[m].share }] : []))])) as Record<Measure, number | null>;
  return { sites, correlations };
}
