import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../electron/contract/contract.ts';
import { NotRatedReasonInput } from '../scales/scoring.ts';

type Call = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
type FileRating = { item: number; score: number | null; reason?: string; reasonNote?: string; evidence?: string };
type ReviewFileJson = { site: Record<string, unknown>; kind: string; visitDates: string[]; ratings: FileRating[]; reviewId?: string; [key: string]: unknown };

const ROOT = resolve(import.meta.dirname, '..');
const example = (name: string) => JSON.parse(readFileSync(resolve(ROOT, 'examples', name), 'utf8')) as ReviewFileJson;

/** The base scores lowered one point at a time (items in a fixed spread-out order) until they add up to `total`. */
function scoresSumming(base: readonly number[], total: number): number[] {
  const scores = [...base];
  const order = [6, 17, 11, 2, 23, 9, 14, 20, 4, 12, 24, 7, 18, 1, 22, 10, 15, 5, 19, 25, 8, 13, 3, 16, 21].map((n) => n - 1);
  let sum = scores.reduce((a, b) => a + b, 0);
  while (sum > total) {
    for (const index of order) {
      if (sum <= total) break;
      if (scores[index]! > 1) {
        scores[index]! -= 1;
        sum -= 1;
      }
    }
  }
  return scores;
}

/** A variant of an example review file: another date, kind and total; a new review (no reviewId). */
function variant(file: ReviewFileJson, options: { date: string; kind: 'external' | 'self'; total: number; notRated?: Record<number, string> }): ReviewFileJson {
  const base = file.ratings.map((r) => r.score ?? 3);
  const scores = scoresSumming(base, options.total);
  const { reviewId: _dropped, ...rest } = file;
  return {
    ...rest,
    kind: options.kind,
    visitDates: [options.date],
    ratings: file.ratings.map((r, i) => {
      const reason = options.notRated?.[r.item];
      return reason ? { item: r.item, score: null, reason, reasonNote: 'Tietoa ei saatu arviointikäynnillä.' } : { item: r.item, score: scores[i]! };
    }),
  };
}

/** Scores of the two reviewers of the consensus demo: B differs from A on a handful of items. */
const REVIEWER_A = [5, 4, 5, 4, 4, 3, 5, 4, 4, 4, 3, 3, 5, 5, 4, 4, 3, 4, 5, 4, 4, 4, 3, 4, 4];
const REVIEWER_B_CHANGES: Record<number, number | 'no-data'> = { 2: 3, 6: 4, 11: 'no-data', 17: 2, 20: 5, 23: 4 };
const EVIDENCE: Record<number, [string, string]> = {
  1: ['Kolmella kokoaikaisella valmentajalla yhteensä 57 asiakasta (19 / valmentaja).', 'Asiakasrekisterin mukaan 19 asiakasta valmentajaa kohden.'],
  6: ['Yhteydenpito TE-palveluihin asiakaskohtaista, ei säännöllisiä tapaamisia.', 'Kuukausittaiset tapaamiset Kelan ja TE-palvelujen kanssa sovittu syksyllä.'],
  17: ['Työnantajakontakteja keskimäärin 4 viikossa valmentajaa kohden.', 'Kirjattuja työnantajakontakteja vain 2 viikossa; loki puutteellinen.'],
};

const REASON_NOTES: Record<string, string> = {
  'model-differs': 'Yksikön toimintamalli poikkeaa: työhönvalmennus ei ole osa hoitotiimejä.',
  'no-data': 'Tietoa ei ollut saatavilla.',
  'not-assessed': 'Ei arvioitu tässä itsearvioinnissa.',
};

export interface DemoData {
  chartSiteId: number;
  consensusReviewId: number;
  partialReviewId: number;
}

/** Demo data for the screenshots: sites across Finnish regions, earlier reviews for the chart, a two-reviewer review in consensus and a partial draft. */
export async function seedDemoData(call: Call): Promise<DemoData> {
  const full = example('full-review.json');
  const partial = example('partial-review-17-items.json');

  // Järvenranta: five reviews over three years, external and self-assessments, one of them partial.
  const imported = [
    variant(full, { date: '2024-03-12', kind: 'external', total: 79 }),
    variant(full, { date: '2024-09-17', kind: 'self', total: 90 }),
    variant(full, { date: '2025-03-11', kind: 'external', total: 88, notRated: { 9: 'no-data', 11: 'not-assessed', 22: 'no-data', 23: 'no-data', 25: 'model-differs' } }),
    variant(full, { date: '2025-09-23', kind: 'self', total: 101 }),
    full,
    partial,
    { ...variant(full, { date: '2026-05-19', kind: 'external', total: 86 }), site: { name: 'Etelä-Pohjanmaan IPS-palvelu', region: 'Etelä-Pohjanmaan hyvinvointialue', organisation: 'Seinäjoen työllisyyspalvelut', collaborationModel: 2 } },
  ];
  let chartSiteId = 0;
  for (const file of imported) {
    const { siteId } = await call('reviews.importFile', { file });
    if ((file.site as { name: string }).name === full.site['name']) chartSiteId = siteId;
  }

  for (const site of [
    { name: 'HUS Psykiatria – IPS-työhönvalmennus', regionCode: '90' as const, organisation: 'HUS Psykiatria', collaborationModel: 1 as const },
    { name: 'Lapin IPS-työhönvalmennus', regionCode: '21' as const, organisation: 'Lapin hyvinvointialue, psykiatria', collaborationModel: 1 as const },
    { name: 'Pohjois-Savon IPS-yksikkö', regionCode: '13' as const, organisation: 'Kuopion työllisyyspalvelut', collaborationModel: 2 as const },
  ]) await call('sites.create', site);

  // Siun sote: an external review by two reviewers, now in consensus, some items still to decide.
  const siun = await call('sites.create', { name: 'Siun soten IPS-työhönvalmennus', regionCode: '14', organisation: 'Siun sote, aikuispsykiatria', collaborationModel: 1 });
  const review = await call('reviews.create', {
    siteId: siun.id, kind: 'external', visitDates: ['2026-11-03', '2026-11-04'],
    reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }, { name: 'Mikael Sundström', role: 'vertaisarvioija' }],
  });
  const [a, b] = review.reviewers;
  for (let item = 1; item <= 25; item++) {
    const scoreA = REVIEWER_A[item - 1]!;
    const change = REVIEWER_B_CHANGES[item];
    const evidence = EVIDENCE[item];
    await call('ratings.set', { reviewId: review.id, reviewerId: a!.id, item, score: scoreA, evidence: evidence?.[0] ?? null });
    await call('ratings.set', {
      reviewId: review.id, reviewerId: b!.id, item,
      ...(change === 'no-data' ? { score: null, reason: 'no-data', reasonNote: 'Johdon haastattelu ei toteutunut.' } : { score: change ?? scoreA }),
      evidence: evidence?.[1] ?? null,
    });
  }
  for (const reviewer of review.reviewers) await call('reviewers.setComplete', { reviewId: review.id, reviewerId: reviewer.id, complete: true });
  await call('consensus.start', { reviewId: review.id });
  await call('consensus.set', { reviewId: review.id, item: 2, score: 3 });
  await call('consensus.set', { reviewId: review.id, item: 6, score: 2, justification: 'Tapaamiset on sovittu mutta eivät ole vielä alkaneet; arvioidaan nykytilan mukaan.' });

  const plan = await call('visitPlan.list', { reviewId: review.id });
  const updates: Record<string, Omit<CallInput<'visitPlan.update'>, 'reviewId' | 'entryId'>> = {
    'mis-data': { who: 'Tiimin esihenkilö Hanna Korhonen', plannedDate: '2026-10-20', done: true, note: 'Asiakasmäärät ja työhönsijoittumiset 1–9/2026 saatu.' },
    documents: { who: 'Hanna Korhonen', plannedDate: '2026-10-20', done: true },
    'client-records': { who: 'Aino Laaksonen', plannedDate: '2026-11-03', done: true, note: '10 satunnaisesti valittua asiakaskertomusta.' },
    'es-interview': {
      who: 'Kolme työhönvalmentajaa', plannedDate: '2026-11-03', startTime: '09:00', endTime: '10:30', done: true,
      people: [{ name: 'Mikko Heikkinen', role: 'IPS-työhönvalmentaja' }, { name: 'Sari Lehto', role: 'IPS-työhönvalmentaja' }],
      note: 'Työnantajakontakteja kirjataan viikoittain; työnhaku alkaa yleensä kuukauden sisällä.', noteItems: [15, 17],
    },
    'supervisor-interview': { who: 'Hanna Korhonen', plannedDate: '2026-11-03', startTime: '11:00', endTime: '12:00', people: [{ name: 'Hanna Korhonen', role: 'tiiminvetäjä' }] },
    'leader-interview': { who: 'Palvelujohtaja', plannedDate: '2026-11-04', note: 'Siirtyi, uusi aika sovittava.' },
    'team-meeting-observation': { who: 'Aikuispsykiatrian tiimi', plannedDate: '2026-11-04' },
  };
  for (const entry of plan) {
    const update = updates[entry.sourceKey];
    if (update) await call('visitPlan.update', { reviewId: review.id, entryId: entry.id, ...update });
  }
  const kela = await call('visitPlan.addEntry', { reviewId: review.id, category: 'interview', label: 'Kelan yhteyshenkilö' });
  await call('visitPlan.update', {
    reviewId: review.id, entryId: kela.id, plannedDate: '2026-11-04', startTime: '13:00', endTime: '13:30', people: [{ name: 'Liisa Kela', role: 'kuntoutuksen asiantuntija' }],
  });

  // Lappi: one reviewer's draft with 17 of 25 items scored and the rest left unrated with reasons.
  const lappi = (await call('sites.list', {})).find((s) => s.name === 'Lapin IPS-työhönvalmennus')!;
  const draft = await call('reviews.create', { siteId: lappi.id, kind: 'self', visitDates: ['2026-11-17'], reviewers: [{ name: 'Leena Aikio', role: 'tiiminvetäjä' }] });
  for (const rating of partial.ratings) {
    await call('ratings.set', {
      reviewId: draft.id, reviewerId: draft.reviewers[0]!.id, item: rating.item, score: rating.score,
      reason: rating.reason ? NotRatedReasonInput.parse(rating.reason) : null,
      reasonNote: rating.reason ? REASON_NOTES[NotRatedReasonInput.parse(rating.reason)] ?? null : null,
    });
  }

  return { chartSiteId, consensusReviewId: review.id, partialReviewId: draft.id };
}
