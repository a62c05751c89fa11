import { describe, expect, test } from 'vitest';
import { CALL_NAMES, type CallName } from '../../electron/contract/contract.ts';
import { testBackend } from '../fixtures/backend.ts';

/**
 * Issue 13, blind rating: nothing of one reviewer's ratings, evidence, notes or recommendations reaches the other
 * before both have marked theirs complete, through any API call.
 *
 * Non-interference: two worlds built by the same sequence of calls, differing only in what reviewer A wrote (scores
 * 1 with markers ALFA… against scores 5 with markers OMEGA…). Every call that takes a review or site id is then made
 * as reviewer B (or as nobody in particular); its answer must be the same in both worlds and hold no marker.
 */

interface Ids { siteId: number; reviewId: number; a: number; b: number; identityId: number; planEntryId: number }

/** Each call that takes a review or site id, with an input as reviewer B (or without a reviewer). */
const AS_B: Partial<Record<CallName, (ids: Ids) => unknown>> = {
  'sites.list': () => ({}),
  'sites.get': (i) => ({ id: i.siteId }),
  'sites.update': (i) => ({ id: i.siteId, changes: { organisation: 'Org' } }),
  'sites.setActive': (i) => ({ id: i.siteId, active: true }),
  'reviews.listForSite': (i) => ({ siteId: i.siteId }),
  'reviews.get': (i) => ({ id: i.reviewId, viewerId: i.b }),
  'reviews.setStatus': (i) => ({ id: i.reviewId, status: 'final' }),
  'reviews.setStrengths': (i) => ({ reviewId: i.reviewId, text: 'B:n vahvuudet' }),
  'reviews.amend': (i) => ({ reviewId: i.reviewId, reason: 'x' }),
  'reviews.previousResult': (i) => ({ reviewId: i.reviewId }),
  'reviews.compareTwo': (i) => ({ siteId: i.siteId }),
  'consensus.start': (i) => ({ reviewId: i.reviewId }),
  'scoring.agreement': (i) => ({ reviewId: i.reviewId }),
  'visitPlan.list': (i) => ({ reviewId: i.reviewId }),
  'visitPlan.update': (i) => ({ reviewId: i.reviewId, entryId: i.planEntryId, note: 'B:n muistiinpano' }),
  // The plan is the team's shared record of the visit, not a reviewer's ratings: the same for both reviewers.
  'visitPlan.addEntry': (i) => ({ reviewId: i.reviewId, category: 'interview', label: 'Kelan yhteyshenkilö' }),
  'visitPlan.removeEntry': (i) => ({ reviewId: i.reviewId, entryId: i.planEntryId }),
  'visitPlan.requestPdf': (i) => ({ reviewId: i.reviewId, language: 'fi' }),
  'ratings.set': (i) => ({ reviewId: i.reviewId, reviewerId: i.b, item: 13, score: 3, evidence: 'B:n näyttö' }),
  'consensus.set': (i) => ({ reviewId: i.reviewId, item: 13, score: 4, evidence: null }),
  'recommendations.set': (i) => ({ reviewId: i.reviewId, reviewerId: i.b, item: 13, text: 'B:n suositus' }),
  'scoring.review': (i) => ({ reviewId: i.reviewId, reviewerId: i.b }),
  'scoring.summary': (i) => ({ reviewId: i.reviewId }),
  'reviews.exportFile': (i) => ({ reviewId: i.reviewId }),
  'reports.render': (i) => ({ reviewId: i.reviewId, language: 'fi' }),
  'reports.sign': (i) => ({ reviewId: i.reviewId, language: 'fi', identityId: i.identityId, storagePassphrase: 'salasana123' }),
  'reports.get': (i) => ({ reviewId: i.reviewId }),
  'audit.list': () => ({ limit: 1000 }),
  'bundles.export': (i) => ({ reviewIds: [i.reviewId], identityId: i.identityId, storagePassphrase: 'salasana123' }),
  'comparison.included': (i) => ({ siteId: i.siteId }),
  'comparison.bandsByRegion': (i) => ({ siteId: i.siteId }),
  'comparison.siteTotals': (i) => ({ siteId: i.siteId }),
  'comparison.itemHeatmap': (i) => ({ siteId: i.siteId }),
  'comparison.weakestItems': (i) => ({ siteId: i.siteId }),
  'comparison.trend': (i) => ({ siteId: i.siteId }),
  'comparison.selfVsExternal': (i) => ({ siteId: i.siteId }),
  'comparison.fidelityEmployment': (i) => ({ siteId: i.siteId }),
  'outcomes.list': (i) => ({ siteId: i.siteId }),
  'actionPlan.get': (i) => ({ reviewId: i.reviewId }),
  'actionPlan.createFromReview': (i) => ({ reviewId: i.reviewId }),
  'actionPlan.siteProgress': (i) => ({ siteId: i.siteId }),
  'actionPlan.addRow': (i) => ({ reviewId: i.reviewId, item: 13 }),
  'actionPlan.previous': (i) => ({ reviewId: i.reviewId }),
  'actionPlan.exportCsv': (i) => ({ reviewId: i.reviewId, language: 'fi' }),
  'actionPlan.exportPdf': (i) => ({ reviewId: i.reviewId }),
  'reviews.exportCsv': (i) => ({ siteId: i.siteId, language: 'fi' }),
  'reviewerRatings.export': (i) => ({ reviewId: i.reviewId, reviewerId: i.b, identityId: i.identityId, storagePassphrase: 'salasana123' }),
  'reviewers.setComplete': (i) => ({ reviewId: i.reviewId, reviewerId: i.b, complete: true }),
};

/** Calls that take no review or site id (or create new ones): nothing of a review to leak through them. */
const WITHOUT_REVIEW: readonly string[] = [
  'regions.list', 'sites.create', 'reviews.create', 'reviews.importFile', 'identities.list', 'identities.keyStore', 'identities.create',
  'identities.import', 'reports.verify', 'bundles.inspect', 'bundles.import', 'comparison.options', 'outcomes.save', 'outcomes.delete',
  'actionPlan.update', 'actionPlan.remove', 'files.takeOffered', 'backups.list', 'backups.create', 'backups.check', 'backups.restore',
  'settings.get', 'settings.update', 'settings.chooseBackupFolder', 'scales.list', 'scales.get', 'scales.differences', 'scales.adopt', 'trust.list', 'trust.addSigner',
  'trust.addRoot', 'trust.remove', 'reviewerRatings.inspect', 'reviewerRatings.import', 'reports.countersign', 'reports.attachCountersigned',
];

/** setComplete last: once B has completed, B's own writes are refused, and A is still rating. */
const ORDER = (Object.keys(AS_B) as CallName[]).sort((x, y) => Number(x === 'reviewers.setComplete') - Number(y === 'reviewers.setComplete'));

async function world(score: 1 | 5, marker: string) {
  const { backend, call } = await testBackend();
  const site = await call('sites.create', { name: 'Kuopio', regionCode: '13' });
  const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-10'], reviewers: [{ name: 'Aino', role: 'pääarvioija' }, { name: 'Bertta', role: 'vertaisarvioija' }] });
  const [a, b] = review.reviewers.map((r) => r.id) as [number, number];
  for (let item = 1; item <= 25; item++) {
    const rating = item === 7
      ? { score: null, reason: 'no-data' as const, reasonNote: `${marker}-reason-${item}` }
      : { score, evidence: `${marker}-evidence-${item}` };
    await call('ratings.set', { reviewId: review.id, reviewerId: a, item, ...rating });
    await call('recommendations.set', { reviewId: review.id, reviewerId: a, item, text: `${marker}-recommendation-${item}` });
  }
  await call('recommendations.set', { reviewId: review.id, reviewerId: a, item: null, text: `${marker}-overall` });
  // B rates a few items only, so B's own missing list is not empty.
  await call('ratings.set', { reviewId: review.id, reviewerId: b, item: 1, score: 3, evidence: 'B:n näyttö 1' });
  const plan = await call('visitPlan.list', { reviewId: review.id });
  // A key for signing calls: its fingerprint is random, so it is replaced before worlds are compared.
  const identity = await call('identities.create', { name: 'Bertta', protection: 'passphrase', storagePassphrase: 'salasana123' });
  const ids: Ids = { siteId: site.id, reviewId: review.id, a, b, identityId: identity.id, planEntryId: plan[0]!.id };

  const outputs: Record<string, string> = {};
  for (const name of ORDER) {
    const response = await backend.dispatch(name, AS_B[name]!(ids));
    outputs[name] = readable(JSON.stringify(response)).replaceAll(identity.certificateFingerprint, 'FINGERPRINT');
  }
  return { outputs, missing: (await call('reviews.get', { id: review.id, viewerId: b })).checks.missingEvidence };
}

/**
 * Base64 payloads (PDFs, bundles, signed files) are searched as text too; a signature block differs between the
 * worlds by its random key alone and is left out of the comparison.
 */
function readable(json: string): string {
  return json.replace(/"([A-Za-z0-9+/]{200,}={0,2})"/g, (_, b64: string) =>
    JSON.stringify(Buffer.from(b64, 'base64').toString('latin1').replace(/"signature":\{[^}]*\}/g, '"signature":"SIGNED"')));
}

describe('blind rating', () => {
  test('every call of the contract is classified: takes a review or site id (and is called below) or does not', () => {
    const classified = new Set([...Object.keys(AS_B), ...WITHOUT_REVIEW]);
    expect(CALL_NAMES.filter((n) => !classified.has(n))).toEqual([]);
  });

  test('nothing of reviewer A reaches reviewer B (or anyone) before both have completed, through any call', { timeout: 120_000 }, async () => {
    const alfa = await world(1, 'ALFA');
    const omega = await world(5, 'OMEGA');
    for (const name of ORDER) {
      const out = alfa.outputs[name]!;
      expect(out, name).not.toMatch(/ALFA/);
      expect(omega.outputs[name], name).not.toMatch(/OMEGA/);
      // Same answer whatever A scored: no A score, count or derived figure reaches B.
      expect(out, name).toEqual(omega.outputs[name]);
    }
    // The item B has not rated stays in B's missing list although A rated it.
    expect(alfa.missing).toContain(20);
    expect(alfa.missing).not.toContain(1);
  });

  test('the review’s shared texts cannot carry one reviewer’s words to the other while hidden; a completed reviewer’s own are locked', async () => {
    const { backend, call } = await testBackend();
    const site = await call('sites.create', { name: 'Kuopio', regionCode: '13' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-10'], reviewers: [{ name: 'Aino', role: null }, { name: 'Bertta', role: null }] });
    const [a, b] = review.reviewers.map((r) => r.id) as [number, number];
    const hidden = { ok: false, error: { code: 'conflict', details: { reason: 'reviewers-not-complete' } } };
    expect(await backend.dispatch('recommendations.set', { reviewId: review.id, item: 13, text: 'yhteinen' })).toMatchObject(hidden);
    expect(await backend.dispatch('consensus.set', { reviewId: review.id, item: 13, score: 4, evidence: 'yhteinen' })).toMatchObject(hidden);
    expect(await backend.dispatch('reviews.setStrengths', { reviewId: review.id, text: 'Ainon näkemys vahvuuksista' })).toMatchObject(hidden);
    await call('recommendations.set', { reviewId: review.id, reviewerId: a, item: 13, text: 'Ainon' });
    await call('reviewers.setComplete', { reviewId: review.id, reviewerId: a, complete: true });
    expect(await backend.dispatch('recommendations.set', { reviewId: review.id, reviewerId: a, item: 13, text: 'myöhemmin' })).toMatchObject({ ok: false, error: { details: { reason: 'reviewer-complete' } } });
    expect((await call('reviews.get', { id: review.id, viewerId: b })).reviewerRecommendations).toEqual([]);
    await call('reviewers.setComplete', { reviewId: review.id, reviewerId: b, complete: true });
    expect((await call('reviews.get', { id: review.id, viewerId: b })).reviewerRecommendations).toEqual([{ reviewerId: a, item: 13, text: 'Ainon' }]);
  });
});
