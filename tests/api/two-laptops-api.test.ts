import { describe, expect, test } from 'vitest';
import { openBackend } from '../../electron/backend/backend.ts';
import type { CallName, CallInput, CallOutput } from '../../electron/contract/contract.ts';
import { tempDbFile } from '../fixtures/backend.ts';

/**
 * Two reviewers on two laptops (issue 13): a reviewer's signed ratings file and what the lead's database refuses.
 * Real SQLite on both sides; attackers' cases first.
 */

/**
 * A laptop: a real backend on its own SQLite file. Its clock is the real one, a second further per call: the
 * identities made in the test are valid from now, and a later file must be newer.
 */
async function laptop(name: string) {
  let tick = 0;
  let uid = 0;
  const start = Date.now();
  const backend = await openBackend({
    dbFile: tempDbFile(), actor: name, now: () => new Date(start + 1000 * tick++), log: () => {},
    newUid: () => `00000000-0000-4000-8000-${name.padEnd(4, '0').slice(0, 4)}${String(++uid).padStart(8, '0')}`.replace(/[^0-9a-f-]/g, 'a'),
  });
  async function call<N extends CallName>(callName: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const response = await backend.dispatch(callName, input);
    if (!response.ok) throw new Error(`${callName} failed: ${JSON.stringify(response.error)}`);
    return response.output as CallOutput<N>;
  }
  return { backend, call };
}
type Laptop = Awaited<ReturnType<typeof laptop>>;
type TestBackend = Laptop;

async function twoLaptops() {
  const lead = await laptop('lead');
  const second = await laptop('b');
  const site = await lead.call('sites.create', { name: 'Järvenrannan IPS' });
  const review = await lead.call('reviews.create', {
    siteId: site.id, kind: 'external', visitDates: ['2026-11-20'],
    reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }, { name: 'Mikael Sundström', role: 'vertaisarvioija' }],
  });
  const leadId = await lead.call('identities.create', { name: 'Aino Laaksonen', storagePassphrase: 'salasana-1' });
  // The lead sends the empty draft to the second reviewer's laptop as a review bundle.
  const bundle = await lead.call('bundles.export', { reviewIds: [review.id], identityId: leadId.id, storagePassphrase: 'salasana-1' });
  const imported = await second.call('bundles.import', { bundleBase64: bundle.bundleBase64 });
  const secondReviewId = imported.reviews[0]!.reviewId!;
  const secondReview = await second.call('reviews.get', { id: secondReviewId });
  const mikael = secondReview.reviewers.find((r) => r.name === 'Mikael Sundström')!;
  const mikaelId = await second.call('identities.create', { name: 'Mikael Sundström', storagePassphrase: 'salasana-2' });
  return { lead, second, review, secondReviewId, mikael, mikaelId, leadReviewers: review.reviewers };
}

async function rateAndExport(laptop: Laptop, reviewId: number, reviewerId: number, identityId: number, passphrase: string, score: number) {
  await laptop.call('ratings.set', { reviewId, reviewerId, item: 1, score, reason: null, reasonNote: null, evidence: `Haastattelu: ${score}` });
  await laptop.call('ratings.set', { reviewId, reviewerId, item: 2, score: null, reason: 'no-data', reasonNote: 'Ei kirjauksia', evidence: null });
  await laptop.call('recommendations.set', { reviewId, reviewerId, item: 1, text: 'Lisää työnantajakontakteja' });
  return (await laptop.call('reviewerRatings.export', { reviewId, reviewerId, identityId, storagePassphrase: passphrase })).fileBase64;
}

const refusedWith = (response: Awaited<ReturnType<TestBackend['backend']['dispatch']>>, code: string) =>
  expect(response).toMatchObject({ ok: false, error: { details: { issues: [{ code }] } } });

describe('a reviewer\'s ratings from another laptop', { timeout: 120_000 }, () => {
  test('refused: a tampered file, another person\'s file, an older file, a file for a review not here; nothing written', async () => {
    const { lead, second, review, secondReviewId, mikael, mikaelId, leadReviewers } = await twoLaptops();
    const leadMikael = leadReviewers.find((r) => r.name === 'Mikael Sundström')!;
    const first = await rateAndExport(second, secondReviewId, mikael.id, mikaelId.id, 'salasana-2', 3);

    // Tampered: one score changed after signing.
    const json = JSON.parse(Buffer.from(first, 'base64').toString('utf8'));
    json.content.ratings[0].score = 5;
    const tampered = Buffer.from(JSON.stringify(json)).toString('base64');
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: tampered }), 'signature-invalid');
    expect(await lead.call('reviewerRatings.inspect', { fileBase64: tampered })).toMatchObject({ ok: false, problems: [{ code: 'signature-invalid' }] });

    // Not JSON, too deep, another format: refused before anything is parsed further.
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: Buffer.from('{"format":').toString('base64') }), 'not-json');
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: Buffer.from('['.repeat(100) + ']'.repeat(100)).toString('base64') }), 'too-deep');
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: Buffer.from('{"format":"ips-fidelity-bundle/1"}').toString('base64') }), 'not-reviewer-ratings');

    // Wrong review: a review this database does not hold.
    const elsewhere = await second.call('sites.create', { name: 'Muu yksikkö' });
    const other = await second.call('reviews.create', { siteId: elsewhere.id, kind: 'external', visitDates: ['2026-11-21'], reviewers: [{ name: 'Mikael Sundström', role: null }] });
    const wrongReview = await rateAndExport(second, other.id, other.reviewers[0]!.id, mikaelId.id, 'salasana-2', 4);
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: wrongReview }), 'review-not-here');
    expect(await lead.call('reviewerRatings.inspect', { fileBase64: wrongReview })).toMatchObject({ ok: true, preview: { outcome: 'refused', reviewId: null, refusal: { code: 'review-not-here' } } });
    expect((await lead.call('audit.list', { entity: 'reviewer' })).filter((e) => e.action === 'import-ratings')).toEqual([]);

    // The genuine file, then a newer one from the same certificate.
    expect(await lead.call('reviewerRatings.inspect', { fileBase64: first })).toMatchObject({ ok: true, preview: { outcome: 'new', ratedItems: 1, notRatedItems: 1, reviewer: { reviewerId: leadMikael.id } } });
    expect(await lead.call('reviewerRatings.import', { fileBase64: first })).toMatchObject({ outcome: 'new', ratedItems: 2 });
    const newer = await rateAndExport(second, secondReviewId, mikael.id, mikaelId.id, 'salasana-2', 4);

    // Another person: an identity with another certificate signs Mikael's ratings.
    const eve = await second.call('identities.create', { name: 'Eeva Ulkopuolinen', storagePassphrase: 'salasana-3' });
    const impostor = (await second.call('reviewerRatings.export', { reviewId: secondReviewId, reviewerId: mikael.id, identityId: eve.id, storagePassphrase: 'salasana-3' })).fileBase64;
    const otherPerson = await lead.backend.dispatch('reviewerRatings.import', { fileBase64: impostor });
    refusedWith(otherPerson, 'other-person');
    const message = (otherPerson as { error: { details: { issues: { message: string }[] } } }).error.details.issues[0]!.message;
    expect(message).toContain('Mikael Sundström');
    expect(message).toContain('Eeva Ulkopuolinen');
    expect(message).toContain(mikaelId.certificateFingerprint);
    expect(message).toContain(eve.certificateFingerprint);
    expect(otherPerson).toMatchObject({ ok: false, error: { details: { before: { name: 'Mikael Sundström', certificateFingerprint: mikaelId.certificateFingerprint } } } });

    expect(await lead.call('reviewerRatings.import', { fileBase64: newer })).toMatchObject({ outcome: 'newer' });
    // Older: the first file after the newer one.
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: first }), 'older-version');
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: newer }), 'already-imported');

    // What is here is the newer file's, nothing of the refused ones (as Mikael himself sees it).
    const detail = await lead.call('reviews.get', { id: review.id, viewerId: leadMikael.id });
    expect(detail.ratings.filter((r) => r.reviewerId === leadMikael.id).map((r) => [r.item, r.score, r.reason, r.evidence]))
      .toEqual([[1, 4, null, 'Haastattelu: 4'], [2, null, 'no-data', null]]);
    expect(detail.reviewerRecommendations).toEqual([{ reviewerId: leadMikael.id, item: 1, text: 'Lisää työnantajakontakteja' }]);
  });

  test('imported ratings stay hidden from the lead until both have completed, as on one machine', async () => {
    const { lead, second, review, secondReviewId, mikael, mikaelId, leadReviewers } = await twoLaptops();
    const aino = leadReviewers.find((r) => r.name === 'Aino Laaksonen')!;
    const leadMikael = leadReviewers.find((r) => r.name === 'Mikael Sundström')!;
    await second.call('ratings.set', { reviewId: secondReviewId, reviewerId: mikael.id, item: 1, score: 2, reason: null, reasonNote: null, evidence: 'Salainen havainto' });
    await second.call('reviewers.setComplete', { reviewId: secondReviewId, reviewerId: mikael.id, complete: true });
    const file = (await second.call('reviewerRatings.export', { reviewId: secondReviewId, reviewerId: mikael.id, identityId: mikaelId.id, storagePassphrase: 'salasana-2' })).fileBase64;
    await lead.call('ratings.set', { reviewId: review.id, reviewerId: aino.id, item: 1, score: 5, reason: null, reasonNote: null, evidence: 'Oma havainto' });

    const preview = await lead.call('reviewerRatings.inspect', { fileBase64: file });
    expect(JSON.stringify(preview)).not.toContain('Salainen havainto');
    expect(preview).toMatchObject({ ok: true, preview: { complete: true, outcome: 'new' } });
    await lead.call('reviewerRatings.import', { fileBase64: file });

    const whileRating = await lead.call('reviews.get', { id: review.id, viewerId: aino.id });
    expect(JSON.stringify(whileRating)).not.toContain('Salainen havainto');
    expect(whileRating.reviewers.find((r) => r.id === leadMikael.id)!.completedAt).not.toBeNull();
    // Importing Aino's own typed ratings over a file is refused: her ratings were typed here.
    expect(await lead.backend.dispatch('reviewerRatings.export', { reviewId: review.id, reviewerId: leadMikael.id, identityId: 1, storagePassphrase: 'x' }))
      .toMatchObject({ ok: false, error: { details: { reason: 'ratings-from-another-machine' } } });

    await lead.call('reviewers.setComplete', { reviewId: review.id, reviewerId: aino.id, complete: true });
    const both = await lead.call('reviews.get', { id: review.id, viewerId: aino.id });
    expect(both.ratings.find((r) => r.reviewerId === leadMikael.id && r.item === 1)).toMatchObject({ score: 2, evidence: 'Salainen havainto' });
    await lead.call('consensus.start', { reviewId: review.id });
    // Consensus has started: individual ratings are locked, a later file is refused.
    const later = (await second.call('reviewerRatings.export', { reviewId: secondReviewId, reviewerId: mikael.id, identityId: mikaelId.id, storagePassphrase: 'salasana-2' })).fileBase64;
    refusedWith(await lead.backend.dispatch('reviewerRatings.import', { fileBase64: later }), 'review-not-open');
  });

  test('a countersigned report is attached only as the stored report extended by valid signatures', async () => {
    const { lead } = await twoLaptops();
    const aino = (await lead.call('identities.list', {})).find((i) => i.name === 'Aino Laaksonen')!;
    const mikael = await lead.call('identities.create', { name: 'Mikael Sundström', storagePassphrase: 'salasana-2' });
    async function signedSelfReview(siteName: string) {
      const site = await lead.call('sites.create', { name: siteName });
      const r = await lead.call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-01'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
      for (let item = 1; item <= 25; item++) {
        await lead.call('ratings.set', { reviewId: r.id, reviewerId: r.reviewers[0]!.id, item, score: 4, reason: null, reasonNote: null, evidence: null });
      }
      return r.id;
    }
    const reviewId = await signedSelfReview('Toinen');
    expect(await lead.backend.dispatch('reports.attachCountersigned', { reviewId, pdfBase64: Buffer.from('%PDF-1.7').toString('base64') }))
      .toMatchObject({ ok: false, error: { details: { reason: 'no-signed-report' } } });
    await lead.call('reports.sign', { reviewId, language: 'fi', identityId: aino.id, storagePassphrase: 'salasana-1' });
    const stored = (await lead.call('reports.get', { reviewId }))!.pdfBase64;

    // Countersigning: only a reviewer of the review, only a report that verifies.
    expect(await lead.backend.dispatch('reports.countersign', { reviewId, pdfBase64: stored, identityId: mikael.id, storagePassphrase: 'salasana-2' }))
      .toMatchObject({ ok: false, error: { details: { reason: 'not-a-reviewer' } } });
    expect(await lead.backend.dispatch('reports.countersign', { reviewId, pdfBase64: stored, identityId: aino.id, storagePassphrase: 'salasana-1' }))
      .toMatchObject({ ok: false, error: { details: { reason: 'already-signed-by-identity' } } });

    // Attaching: bytes added after the signature, another review's report, the same report again: all refused.
    const appended = Buffer.concat([Buffer.from(stored, 'base64'), Buffer.from('\n1 0 obj\n(forged)\nendobj\n')]).toString('base64');
    const tail = await lead.backend.dispatch('reports.attachCountersigned', { reviewId, pdfBase64: appended });
    expect(tail).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(['report-invalid', 'report-changed-after-signing']).toContain((tail as unknown as { error: { details: { reason: string } } }).error.details.reason);
    const otherId = await signedSelfReview('Kolmas');
    await lead.call('reports.sign', { reviewId: otherId, language: 'fi', identityId: aino.id, storagePassphrase: 'salasana-1' });
    const other = (await lead.call('reports.get', { reviewId: otherId }))!.pdfBase64;
    expect(await lead.backend.dispatch('reports.attachCountersigned', { reviewId, pdfBase64: other }))
      .toMatchObject({ ok: false, error: { details: { reason: 'report-not-extension' } } });
    expect(await lead.backend.dispatch('reports.attachCountersigned', { reviewId, pdfBase64: stored }))
      .toMatchObject({ ok: false, error: { details: { reason: 'no-new-signature' } } });
    expect((await lead.call('reports.get', { reviewId }))!.pdfBase64).toBe(stored);
  });
});
