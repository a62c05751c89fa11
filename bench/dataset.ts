/**
 * A generated national data set for the comparison benchmark (issue 6): 10,000 reviews of 500 sites in 20 regions
 * over 8 years, with yearly employment outcomes. Deterministic: the same seed always writes the same rows.
 *
 *   npx tsx bench/dataset.ts OUT.sqlite [--reviews 10000] [--sites 500] [--regions 20] [--seed 6]
 *
 * Rows go straight into the store's schema (the migrations make it), in one transaction with prepared statements:
 * through the handlers 10,000 reviews would take minutes, and the comparison reads only what the schema holds.
 * The mix follows how reviews are stored by the app:
 * - external reviews: two reviewers (sometimes three) with their own ratings, and the agreed consensus ratings;
 * - self-assessments: mostly one reviewer whose ratings are the result (no consensus rows: resultRatings' fallback),
 *   some copied to consensus, some by a team with consensus;
 * - about 15 % partial reviews with 13-24 rated items (a prorated estimate) and 4 % with fewer (no total);
 * - recent reviews partly still in draft or consensus; about 1 % of final external reviews amended.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../electron/backend/store/open-database.ts';
import { loadScaleRegistry } from '../scales/scale-registry.ts';

export interface DatasetOptions {
  reviews: number;
  sites: number;
  regions: number;
  seed: number;
}

export const DEFAULT_DATASET: DatasetOptions = { reviews: 10_000, sites: 500, regions: 20, seed: 6 };

const REGIONS = [
  'Etelä-Karjalan', 'Etelä-Pohjanmaan', 'Etelä-Savon', 'Itä-Uudenmaan', 'Kainuun', 'Kanta-Hämeen', 'Keski-Pohjanmaan',
  'Keski-Suomen', 'Keski-Uudenmaan', 'Kymenlaakson', 'Lapin', 'Länsi-Uudenmaan', 'Pirkanmaan', 'Pohjanmaan',
  'Pohjois-Karjalan', 'Pohjois-Pohjanmaan', 'Pohjois-Savon', 'Päijät-Hämeen', 'Satakunnan', 'Varsinais-Suomen',
].map((name) => `${name} hyvinvointialue`);
const PLACES = ['Keskusta', 'Itä', 'Länsi', 'Pohjoinen', 'Etelä', 'Asema', 'Ranta', 'Kirkonkylä', 'Kampus', 'Satama'];
const FIRST_YEAR = 2018;
const YEARS = 8;

/** mulberry32: small, fast and good enough for test data; the seed fixes every draw. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DatasetCounts { regions: number; sites: number; reviews: number; ratings: number; consensus: number; outcomes: number }

/** Writes the data set into a new database file (refuses an existing one) and returns the row counts. */
export async function generateDataset(file: string, options: DatasetOptions = DEFAULT_DATASET): Promise<DatasetCounts> {
  if (existsSync(file)) throw new Error(`${file} exists; the data set is written only into a new file`);
  const scale = loadScaleRegistry().registry.defaultVersion('ips-25');
  if (!scale) throw new Error('the bundled scale ips-25 is missing');
  const items = scale.data.items.map((i) => i.number);
  const { min: lo, max: hi } = scale.data.scoring.itemRange;
  const random = seededRandom(options.seed);
  const normal = () => (random() + random() + random() + random() - 2) * 1.7; // roughly N(0, 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // The outcome figures of migration 014 draw from a sequence of their own, so every other row is as before.
  const figures = seededRandom(options.seed ^ 0x5eed);
  const { db } = await openDatabase(file);
  const counts: DatasetCounts = { regions: 0, sites: 0, reviews: 0, ratings: 0, consensus: 0, outcomes: 0 };
  try {
    db.pragma('synchronous = OFF'); // a generated file: nothing to lose in a crash
    const insert = {
      // The listed regions are written by migration 013 (scales/regions/fi-regions.json); the sites take theirs.
      region: db.prepare('SELECT id FROM regions WHERE name = ?'),
      site: db.prepare('INSERT INTO sites (name, region_id, organisation, collaboration_model, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      review: db.prepare(`INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, language, revision, created_at, updated_at, amends_review_id, amendment_reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'fi', 1, ?, ?, ?, ?)`),
      reviewer: db.prepare('INSERT INTO reviewers (review_id, position, name, role, completed_at) VALUES (?, ?, ?, NULL, ?)'),
      rating: db.prepare('INSERT INTO ratings (reviewer_id, item, score, reason, updated_at) VALUES (?, ?, ?, ?, ?)'),
      consensus: db.prepare('INSERT INTO consensus_ratings (review_id, item, score, reason, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      outcome: db.prepare(`INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, working_or_studying,
        tenure_6_months, tenure_12_months, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    let uid = 0;
    const newUid = () => `00000000-0000-4000-8000-${(++uid).toString(16).padStart(12, '0')}`;
    const clamp = (v: number) => Math.min(hi, Math.max(lo, Math.round(v)));

    db.transaction(() => {
      const regionIds = REGIONS.slice(0, options.regions).map((name) => (insert.region.get(name) as { id: number }).id);
      counts.regions = regionIds.length;
      // Each region has items it is weak or strong in; each site adds its own profile and a level that improves.
      const regionProfile = regionIds.map(() => items.map(() => normal() * 0.35));
      const perSite = Math.round(options.reviews / options.sites);
      let reviewsLeft = options.reviews;
      for (let s = 0; s < options.sites; s++) {
        const r = s % regionIds.length;
        const place = `${PLACES[Math.floor(s / regionIds.length) % PLACES.length]} ${Math.floor(s / (regionIds.length * PLACES.length)) + 1}`;
        const siteId = Number(insert.site.run(`${REGIONS[r]!.split(' ')[0]} IPS ${place}`, regionIds[r]!, null, random() < 0.6 ? 1 : 2, random() < 0.97 ? 1 : 0, '2018-01-01T00:00:00.000Z', '2018-01-01T00:00:00.000Z').lastInsertRowid);
        counts.sites++;
        const level = 2.9 + normal() * 0.45; // mean item score in the first year
        const growth = 0.04 + random() * 0.08; // per year
        const profile = items.map((_, i) => regionProfile[r]![i]! + normal() * 0.3);
        const mean = (year: number) => level + growth * year;
        const n = s === options.sites - 1 ? reviewsLeft : Math.min(reviewsLeft, perSite);
        reviewsLeft -= n;
        // Visit dates spread over the years, sorted, one every ~5 months with jitter.
        const days = Array.from({ length: n }, () => Math.floor(random() * YEARS * 365)).sort((a, b) => a - b);
        // An amendment is a review too: it takes the place of one of the site's reviews, so the total stays exact.
        while (days.length > 0) {
          const day = days.shift()!;
          const visit = new Date(Date.UTC(FIRST_YEAR, 0, 1 + day));
          const external = random() < 0.4;
          const visitDates = [visit.toISOString().slice(0, 10)];
          if (external) visitDates.push(new Date(visit.getTime() + 86_400_000).toISOString().slice(0, 10));
          const at = `${visitDates[0]}T12:00:00.000Z`;
          const recent = day > (YEARS - 0.5) * 365;
          const status = recent && random() < 0.5 ? pick(['draft', 'consensus'] as const) : random() < 0.02 ? 'draft' : 'final';
          const share = random();
          const rated = share < 0.81 ? items.length : share < 0.96 ? 13 + Math.floor(random() * 12) : 4 + Math.floor(random() * 9);
          const ratedItems = new Set([...items].sort(() => random() - 0.5).slice(0, rated));
          const bias = external ? 0 : 0.3; // self-assessments rate a little higher
          const result = items.map((item, i) => ({
            item,
            score: ratedItems.has(item) ? clamp(mean(day / 365) + profile[i]! + bias + normal() * 0.5) : null,
            reason: ratedItems.has(item) ? null : pick(['no-data', 'not-assessed', 'not-applicable'] as const),
          }));
          const style = external ? (random() < 0.85 ? 'pair' : 'trio') : pick(['single', 'single', 'single', 'single', 'copied', 'copied', 'team'] as const);
          // Some reviews from outside the site are peer reviews (issue 13); chosen without drawing from random(), so the
          // rest of the data set stays as it was.
          const kind = external ? (counts.reviews % 6 === 5 ? 'peer' : 'external') : 'self';
          const reviewerCount = style === 'pair' ? 2 : style === 'trio' ? 3 : style === 'team' ? 2 + Math.floor(random() * 2) : 1;
          const writeReview = (amends: number | null, rows: typeof result, reviewStatus: string) => {
            const reviewId = Number(insert.review.run(newUid(), siteId, kind, scale.data.id, scale.data.version, scale.contentHash,
              JSON.stringify(visitDates), reviewStatus, at, at, amends, amends === null ? null : 'Korjattu arvio').lastInsertRowid);
            counts.reviews++;
            for (let p = 1; p <= reviewerCount; p++) {
              const reviewerId = Number(insert.reviewer.run(reviewId, p, `Arvioija ${p}`, reviewStatus === 'draft' && random() < 0.5 ? null : at).lastInsertRowid);
              for (const row of rows) {
                // Each reviewer's own view differs a little from the agreed result.
                const score = row.score === null ? null : reviewerCount === 1 ? row.score : clamp(row.score + (random() < 0.25 ? pick([-1, 1]) : 0));
                insert.rating.run(reviewerId, row.item, score, score === null ? row.reason : null, at);
                counts.ratings++;
              }
            }
            // Consensus rows: agreed ratings of teams once they got that far; a copy for some single reviewers.
            const hasConsensus = reviewerCount > 1 ? reviewStatus !== 'draft' : style === 'copied' && reviewStatus === 'final';
            if (hasConsensus) {
              for (const row of rows) {
                // A draft consensus may hold an item with only a note: not rated yet.
                const noteOnly = reviewStatus === 'consensus' && random() < 0.05;
                insert.consensus.run(reviewId, row.item, noteOnly ? null : row.score, noteOnly ? null : row.reason, noteOnly ? 'Keskustelu kesken' : null, at);
                counts.consensus++;
              }
            }
            return reviewId;
          };
          const reviewId = writeReview(null, result, status);
          if (external && status === 'final' && days.length > 0 && random() < 0.01) {
            const changed = result.map((row, i) => (i === 0 && row.score !== null ? { ...row, score: clamp(row.score + 1) } : row));
            writeReview(reviewId, changed, 'final');
            days.pop();
          }
        }
        for (let year = 0; year < YEARS; year++) {
          const served = 12 + Math.floor(random() * 80);
          const fidelityRate = 0.12 + (mean(year + 0.5) - 2.9) * 0.22 + normal() * 0.06;
          const inWork = Math.min(served, Math.max(0, Math.round(served * fidelityRate)));
          // Not every period reports the optional figures; the nesting of migration 014 holds by construction.
          const studying = figures() < 0.7 ? inWork + Math.round((served - inWork) * figures() * 0.4) : null;
          const sixMonths = figures() < 0.6 ? Math.round(inWork * (0.4 + figures() * 0.5)) : null;
          const twelveMonths = figures() < 0.5 ? Math.round((sixMonths ?? inWork) * (0.5 + figures() * 0.4)) : null;
          insert.outcome.run(siteId, `${FIRST_YEAR + year}-01-01`, `${FIRST_YEAR + year}-12-31`, served, inWork, studying, sixMonths, twelveMonths,
            `${FIRST_YEAR + year + 1}-01-15T09:00:00.000Z`, `${FIRST_YEAR + year + 1}-01-15T09:00:00.000Z`);
          counts.outcomes++;
        }
      }
    })();
    db.pragma('synchronous = FULL');
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { reviews: { type: 'string' }, sites: { type: 'string' }, regions: { type: 'string' }, seed: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: tsx bench/dataset.ts OUT.sqlite [--reviews 10000] [--sites 500] [--regions 20] [--seed 6]');
    process.exit(2);
  }
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number.parseInt(value, 10));
  const options = {
    reviews: number(values.reviews, DEFAULT_DATASET.reviews),
    sites: number(values.sites, DEFAULT_DATASET.sites),
    regions: Math.min(REGIONS.length, number(values.regions, DEFAULT_DATASET.regions)),
    seed: number(values.seed, DEFAULT_DATASET.seed),
  };
  const started = performance.now();
  const counts = await generateDataset(file, options);
  console.log(`${file}: ${JSON.stringify(counts)} in ${Math.round(performance.now() - started)} ms`);
}
