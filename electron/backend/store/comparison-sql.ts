/**
 * The comparison's SQL (issue 6), as plain text with named parameters only, so that the benchmark runs exactly
 * these statements in the sqlite3 shell too (bench/comparison-bench.ts). Parameters:
 *
 *   @scales   JSON: the scale versions compared and their scoring rules,
 *             [{ id, version, items, minRated, factor: 10^decimals, bands: [{ key, min }] (scale order) }]
 *   @region, @site, @kind   a filter's value, or NULL for all
 *   @from, @to              first visit date range, inclusive (ISO dates; '0000-01-01' / '9999-12-31' for open)
 *
 * Totals restate scoreTotals (scales/scoring.ts) for speed: all items rated -> the sum; at least minRated -> the prorated estimate
 * floor((2 * raw * items * factor + rated) / (2 * rated)) / factor, i.e. rounded half up in integer arithmetic
 * exactly as proratedTotal does; fewer -> no total. The band is the last band in scale order whose min the total
 * reaches, else the first (bandFor). Each review's rated-item count and raw total come from review_result_facts
 * (migration 006), kept by triggers from the result ratings. The SQL total and band only order, group and average
 * rows: every review the views show carries its rated-item count and raw total (REVIEW_COLUMNS), and the handlers
 * score it with scoreTotals itself (estimate, bounds, whether the band is certain), so nothing shown is the SQL's
 * own; tests/comparison/comparison-sql.test.ts proves the SQL's totals and bands equal scoreTotals'.
 */

import { KINDS_ON_SIDE } from '../../../scales/review-rules/review-kinds.ts';
import type { ReviewKind } from '../../../scales/review-rules/review-kinds.ts';

/**
 * The side of "self-assessment against external review" a review counts on (comparisonSide in
 * scales/review-rules/review-kinds.ts): a peer review is done by outsiders to the site, so it counts as external.
 * The trend per kind (trendYears) and the kind filter keep all three kinds apart.
 */
const SIDE = (t: string) => `CASE WHEN ${t}.kind IN (${KINDS_ON_SIDE.self.map((k) => `'${k}'`).join(', ')}) THEN 'self' ELSE 'external' END`;

const RULES = `rules AS MATERIALIZED (
  SELECT json_extract(s.value, '$.id') AS scale_id, json_extract(s.value, '$.version') AS scale_version,
    json_extract(s.value, '$.items') AS item_count, json_extract(s.value, '$.minRated') AS min_rated,
    json_extract(s.value, '$.factor') AS factor
  FROM json_each(@scales) s)`;

const BANDS = `bands AS MATERIALIZED (
  SELECT json_extract(s.value, '$.id') AS scale_id, json_extract(s.value, '$.version') AS scale_version,
    b.key AS position, json_extract(b.value, '$.key') AS band, json_extract(b.value, '$.min') AS min
  FROM json_each(@scales) s, json_each(s.value, '$.bands') b)`;

/**
 * The reviews compared, with their totals: final, not replaced by a final amendment, of a compared scale version,
 * in the filters. `period` and `kind` can be left out for views that apply them differently.
 */
function picked({ period = true, kind = true } = {}): string {
  return `picked AS (
  SELECT r.id, r.site_id, s.region_id, r.kind, r.scale_id, r.scale_version, f.first_visit AS visit_date,
    f.rated_items, f.raw_total, u.item_count,
    CASE WHEN f.rated_items = u.item_count THEN f.raw_total
      WHEN f.rated_items >= u.min_rated THEN ((2 * f.raw_total * u.item_count * u.factor + f.rated_items) / (2 * f.rated_items)) * 1.0 / u.factor
    END AS total
  FROM reviews r
  JOIN review_result_facts f ON f.review_id = r.id
  JOIN rules u ON u.scale_id = r.scale_id AND u.scale_version = r.scale_version
  JOIN sites s ON s.id = r.site_id
  WHERE r.status = 'final'
    AND NOT EXISTS (SELECT 1 FROM reviews a WHERE a.amends_review_id = r.id AND a.status = 'final')
    AND (@region IS NULL OR s.region_id = @region)
    AND (@site IS NULL OR r.site_id = @site)${kind ? `
    AND (@kind IS NULL OR r.kind = @kind)` : ''}${period ? `
    AND f.first_visit BETWEEN @from AND @to` : ''})`;
}

/**
 * A sortable key of a review's recency: first visit date, then id (the later-made review of the same day), as
 * text of fixed width. Latest per group uses SQLite's bare-column rule: with exactly one max() aggregate, the
 * other columns come from the row holding the max; this is about twice as fast as a row_number() window here.
 */
const RECENCY = (t: string) => `max(${t}.visit_date || substr('00000000000' || ${t}.id, -12)) AS recency`;

/** Each site's latest review among `picked`. */
const LATEST = `latest AS (SELECT p.*, ${RECENCY('p')} FROM picked p GROUP BY p.site_id)`;

/**
 * `from` with its band key (a CTE named `name`): the band at the highest position among those whose min the
 * total reaches, else the first (max() instead of ORDER BY ... LIMIT 1: no sort per row).
 */
const banded = (name: string, from: string) => `${name} AS (
  SELECT t.*, CASE WHEN t.total IS NULL THEN 'insufficient' ELSE (
    SELECT b.band FROM bands b WHERE b.scale_id = t.scale_id AND b.scale_version = t.scale_version AND b.position = ifnull(
      (SELECT max(c.position) FROM bands c WHERE c.scale_id = t.scale_id AND c.scale_version = t.scale_version AND c.min <= t.total), 0)
  ) END AS band
  FROM ${from} t)`;

/**
 * The result ratings of the reviews in CTE `chosen(id, kind)`, item by item (restating resultRatingsOf in
 * scales/review-rules/result-ratings.ts; tests/comparison/comparison-sql.test.ts proves they agree): the
 * consensus ratings when the review has any, else its only reviewer's ratings, else none. The few reviews chosen
 * lead (MATERIALIZED, CROSS JOIN: SQLite's way to fix the join order): left to itself, SQLite 3.53 would scan all
 * consensus ratings and probe the chosen reviews, 150,000 rows read for a few hundred.
 */
const RESULT = `sources AS MATERIALIZED (
  SELECT h.id AS review_id, h.kind,
    EXISTS (SELECT 1 FROM consensus_ratings c WHERE c.review_id = h.id) AS from_consensus,
    (SELECT CASE WHEN count(*) = 1 THEN max(v.id) END FROM reviewers v WHERE v.review_id = h.id) AS only_reviewer
  FROM chosen h),
result AS (
  SELECT c.review_id, s.kind, c.item, c.score FROM sources s CROSS JOIN consensus_ratings c ON c.review_id = s.review_id WHERE s.from_consensus
  UNION ALL
  SELECT s.review_id, s.kind, g.item, g.score FROM sources s CROSS JOIN ratings g ON g.reviewer_id = s.only_reviewer WHERE NOT s.from_consensus)`;

/** Per site with reviews on both sides (SIDE): its latest self-assessment and its latest review from outside. */
const PAIRED = `ranked AS (SELECT p.*, ${SIDE('p')} AS side, ${RECENCY('p')} FROM picked p GROUP BY p.site_id, side),
paired AS (SELECT * FROM ranked WHERE site_id IN (SELECT site_id FROM ranked GROUP BY site_id HAVING count(*) = 2))`;

/**
 * The scored items of each review in `chosen` as one text, "item:score,item:score,...": one row per review
 * instead of one per item, so hundreds of sites cost hundreds of rows, not ten thousands.
 */
const CELLS = `cells AS (
  SELECT review_id, group_concat(item || ':' || score) AS scores FROM result WHERE score IS NOT NULL GROUP BY review_id)`;

/** The columns of a review's result, as ReviewResultRow. */
const REVIEW_COLUMNS = (t: string) => `${t}.id AS reviewId, ${t}.kind AS kind, ${t}.visit_date AS date, ${t}.total AS total, ${t}.band AS band,
  ${t}.rated_items AS ratedItems, ${t}.raw_total AS rawTotal, ${t}.item_count AS totalItems, ${t}.scale_id AS scaleId, ${t}.scale_version AS scaleVersion`;
const SITE_COLUMNS = `s.id AS siteId, s.name AS siteName, s.region_id AS regionId, g.code AS regionCode, g.name AS regionName`;
const SITE_JOIN = (t: string) => `JOIN sites s ON s.id = ${t}.site_id LEFT JOIN regions g ON g.id = s.region_id`;
const BY_TOTAL = (t: string) => `ORDER BY ${t}.total IS NULL, ${t}.total DESC, s.name COLLATE NOCASE, s.id`;

/** An optional outcome figure over the periods that reported it: how many, its sum, its base's sum (0 when none). */
const REPORTED = (column: string, base: string, as: string) =>
  `count(o.${column}) AS ${as}_periods, total(o.${column}) AS ${as}, total(CASE WHEN o.${column} IS NOT NULL THEN o.${base} END) AS ${as}_of`;

export const COMPARISON_SQL = {
  /** How many reviews and sites the filters include (shown with every view). */
  included: `WITH ${RULES}, ${picked()}
SELECT count(*) AS reviews, count(DISTINCT site_id) AS sites FROM picked`,

  /**
   * Each site's latest review with its region: the handler bands it with scoreTotals (band, and whether the band
   * is certain) and counts per region. One row per site, a few hundred at most.
   */
  bandsByRegion: `WITH ${RULES}, ${picked()}, ${LATEST}
SELECT t.region_id AS regionId, g.code AS regionCode, g.name AS regionName, t.scale_id AS scaleId, t.scale_version AS scaleVersion,
  t.rated_items AS ratedItems, t.raw_total AS rawTotal
FROM latest t LEFT JOIN regions g ON g.id = t.region_id`,

  siteTotals: `WITH ${RULES}, ${BANDS}, ${picked()}, ${LATEST}, ${banded('current', 'latest')}
SELECT ${SITE_COLUMNS}, ${REVIEW_COLUMNS('t')}
FROM current t ${SITE_JOIN('t')}
${BY_TOTAL('t')}`,

  /** Each site's latest review with its scored items. */
  itemHeatmap: `WITH ${RULES}, ${BANDS}, ${picked()}, ${LATEST}, ${banded('current', 'latest')},
chosen AS (SELECT id, kind FROM current), ${RESULT}, ${CELLS}
SELECT ${SITE_COLUMNS}, ${REVIEW_COLUMNS('t')}, c.scores AS scores
FROM current t ${SITE_JOIN('t')} LEFT JOIN cells c ON c.review_id = t.id
${BY_TOTAL('t')}`,

  weakestItems: `WITH ${RULES}, ${picked()}, ${LATEST}, chosen AS (SELECT id, kind FROM latest), ${RESULT}
SELECT item, count(score) AS ratedSites, avg(score) AS mean FROM result WHERE score IS NOT NULL
GROUP BY item ORDER BY mean, item`,

  trendYears: `WITH ${RULES}, ${picked()}
SELECT CAST(substr(visit_date, 1, 4) AS INTEGER) AS year, kind, count(*) AS reviews, count(total) AS withTotal,
  sum(total IS NOT NULL AND rated_items < item_count) AS estimates, avg(total) AS meanTotal
FROM picked GROUP BY 1, 2 ORDER BY 1, 2`,

  /** Every review of the chosen site (nothing without @site). */
  trendReviews: `WITH ${RULES}, ${BANDS}, ${picked()}, ${banded('scored', 'picked')}
SELECT ${REVIEW_COLUMNS('t')} FROM scored t WHERE @site IS NOT NULL ORDER BY t.visit_date, t.id`,

  /**
   * Per site with both sides: its latest self-assessment and latest review from outside (external or peer, SIDE),
   * with their scored items; `side` says which it is, `kind` what it is.
   */
  selfVsExternal: `WITH ${RULES}, ${BANDS}, ${picked({ kind: false })}, ${PAIRED}, ${banded('scored', 'paired')},
chosen AS (SELECT id, kind FROM scored), ${RESULT}, ${CELLS}
SELECT ${SITE_COLUMNS}, ${REVIEW_COLUMNS('t')}, t.side AS side, c.scores AS scores
FROM scored t ${SITE_JOIN('t')} LEFT JOIN cells c ON c.review_id = t.id
ORDER BY s.name COLLATE NOCASE, s.id, t.side`,

  /**
   * Per site with employment outcomes in the period (periods overlapping @from..@to, summed): clients served, in
   * competitive work, and the site's latest review in the filters (as the other per-site views). Each optional
   * figure (migration 014) is summed over the periods that reported it, with how many did and the sum of its base
   * over those periods (served for working or studying, in competitive work for tenure), so that a period that
   * did not report a figure counts neither above nor below the line.
   */
  fidelityEmployment: `WITH ${RULES}, ${BANDS}, ${picked()}, ${LATEST}, ${banded('current', 'latest')},
employment AS (
  SELECT o.site_id, count(*) AS periods, min(o.period_start) AS first_start, max(o.period_end) AS last_end,
    sum(o.clients_served) AS served, sum(o.in_competitive_work) AS in_work,
    ${REPORTED('working_or_studying', 'clients_served', 'studying')},
    ${REPORTED('tenure_6_months', 'in_competitive_work', 'six')},
    ${REPORTED('tenure_12_months', 'in_competitive_work', 'twelve')}
  FROM employment_outcomes o JOIN sites s ON s.id = o.site_id
  WHERE (@region IS NULL OR s.region_id = @region) AND (@site IS NULL OR o.site_id = @site)
    AND o.period_end >= @from AND o.period_start <= @to
  GROUP BY o.site_id)
SELECT ${SITE_COLUMNS}, e.periods AS periods, e.first_start AS periodStart, e.last_end AS periodEnd,
  e.served AS clientsServed, e.in_work AS inCompetitiveWork,
  e.studying_periods AS studyingPeriods, e.studying AS workingOrStudying, e.studying_of AS studyingOf,
  e.six_periods AS sixPeriods, e.six AS tenure6Months, e.six_of AS sixOf,
  e.twelve_periods AS twelvePeriods, e.twelve AS tenure12Months, e.twelve_of AS twelveOf, ${REVIEW_COLUMNS('t')}
FROM employment e ${SITE_JOIN('e')} LEFT JOIN current t ON t.site_id = e.site_id
${BY_TOTAL('t')}`,
} as const;

export type ComparisonQueryName = keyof typeof COMPARISON_SQL;

/** The bound values of every comparison statement (named parameters, without the '@'). */
export interface ComparisonParams {
  scales: string;
  region: number | null;
  site: number | null;
  kind: ReviewKind | null;
  from: string;
  to: string;
}
