import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BundledReviewFile, CheckedSignedReport } from '../../exchange/bundle-review-check.ts';
import { checkReportExtension } from '../../exchange/report-extension.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { PASSPHRASE, smallPdf, tempDir, withInfoRewritten } from '../fixtures/identities/identities.ts';
import { ratingsSumming, readExample, ROOT } from '../fixtures/ratings.ts';
import { bundleOf, bundleWithMovedBands, EXAMPLE_UID, exampleFile, exporterIdentity, rows } from './bundle-fixtures.ts';

/**
 * Bundles built as an attacker would (issue 11): each must be refused with a reason and change nothing. Real
 * SQLite in temp folders, real signed bundles and PDFs; honest cases beside them.
 */

type Identity = { p12: Buffer; identity: SigningIdentity };
let aino: Identity; // the exporter who sends the review
let pekka: Identity; // a second reviewer who countersigns
let mallory: Identity; // another exporter
let signedPdf: Buffer; // the report as Aino signed it

/** Ratings of all 25 items adding up to `sum`, as a review file holds them. */
const scoredTo = (sum: number) => ratingsSumming(sum) as BundledReviewFile['ratings'];
const b64 = (bytes: Buffer) => bytes.toString('base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const signer = (identity: SigningIdentity, name = identity.commonName) => ({ name, role: null as string | null, date: '2026-11-23', certificateFingerprint: identity.certificateFingerprint });
const report = (pdf: Buffer, signers: ReturnType<typeof signer>[]): CheckedSignedReport =>
  ({ language: 'fi', pdf, sha256: sha256(pdf), signers, createdAt: '2026-11-23T12:00:00.000Z' });
const storedSigners = (dbFile: string) => (rows(dbFile, 'SELECT signers FROM signed_reports ORDER BY id DESC LIMIT 1') as { signers: string }[]).map((r) => JSON.parse(r.signers));

/** A database that received the example review, with Aino's signed report, from Aino. */
async function receivedFromAino() {
  const b = await testBackend();
  const first = await b.call('bundles.import', { bundleBase64: b64(bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(signedPdf, [signer(aino.identity)]) }])) });
  expect(first.reviews.map((r) => r.outcome)).toEqual(['new']);
  return b;
}

/** The bundle is refused by inspect and by import, and the database is byte for byte what it was. */
async function expectRefusedUnchanged(b: Awaited<ReturnType<typeof testBackend>>, bundle: Buffer, codes: string[], extra: Record<string, unknown> = {}) {
  const before = dumpDatabase(b.dbFile);
  const inspected = await b.call('bundles.inspect', { bundleBase64: b64(bundle), ...extra });
  const inspectedCodes = inspected.ok ? inspected.reviews.flatMap((r) => (r.refusal ? [r.refusal.code] : [])) : inspected.problems.map((p) => p.code);
  expect(inspectedCodes).toEqual(codes);
  const imported = await b.backend.dispatch('bundles.import', { bundleBase64: b64(bundle), replace: [EXAMPLE_UID], ...extra });
  expect(imported).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  expect(dumpDatabase(b.dbFile)).toEqual(before);
  return inspected;
}

beforeAll(async () => {
  aino = await exporterIdentity();
  pekka = await exporterIdentity('Pekka Toinen', 'Pirkanmaan hyvinvointialue');
  mallory = await exporterIdentity('Mallory Mäkinen', 'Hyökkääjä Oy');
  signedPdf = await signPdf(await smallPdf(), aino.identity, { reason: 'Arviointiraportti hyväksytty', name: aino.identity.commonName });
}, 60_000);

describe('checkReportExtension', () => {
  test('the stored report plus a genuine signature is an extension; one end-of-line after %%EOF may differ', async () => {
    const countersigned = await signPdf(signedPdf, pekka.identity, { reason: 'Hyväksytty', name: pekka.identity.commonName });
    expect(checkReportExtension(signedPdf, countersigned)).toEqual({ ok: true, addedSignatures: 1 });
    expect(checkReportExtension(signedPdf, signedPdf)).toEqual({ ok: true, addedSignatures: 0 });
    // One end-of-line after the final %%EOF, added, dropped or written otherwise, is the same report.
    const withEol = (pdf: Buffer, eol: string) => Buffer.concat([pdf, Buffer.from(eol, 'latin1')]);
    expect(signedPdf.subarray(-5).toString('latin1')).toBe('%%EOF');
    expect(checkReportExtension(signedPdf, withEol(signedPdf, '\n'))).toEqual({ ok: true, addedSignatures: 0 });
    expect(checkReportExtension(withEol(signedPdf, '\r\n'), signedPdf)).toEqual({ ok: true, addedSignatures: 0 });
    expect(checkReportExtension(withEol(signedPdf, '\n'), withEol(signedPdf, '\r\n'))).toEqual({ ok: true, addedSignatures: 0 });
    expect(checkReportExtension(signedPdf, withEol(signedPdf, '\n\n\n'))).toMatchObject({ ok: false });
  });

  test('a forged incremental update, or another report, is not an extension', async () => {
    const forged = withInfoRewritten(signedPdf, 'Kokonaispisteet 120');
    expect(checkReportExtension(signedPdf, forged)).toMatchObject({ ok: false, code: 'report-invalid' });
    const forgedThenSigned = await signPdf(forged, mallory.identity, { reason: 'Hyväksytty', name: 'Pekka Toinen' });
    expect(checkReportExtension(signedPdf, forgedThenSigned)).toMatchObject({ ok: false, code: 'report-invalid' });
    const other = await signPdf(await smallPdf('Toinen raportti'), aino.identity, { reason: 'Hyväksytty', name: aino.identity.commonName });
    expect(checkReportExtension(signedPdf, other)).toMatchObject({ ok: false, code: 'report-not-extension' });
    expect(checkReportExtension(signedPdf, signedPdf.subarray(0, signedPdf.length - 100))).toMatchObject({ ok: false, code: 'report-not-extension' });
  });
});

describe('bundle attacks', () => {
  test('forged report: the stored PDF plus an update that rewrites /Info is refused and changes nothing', async () => {
    const b = await receivedFromAino();
    const forged = withInfoRewritten(signedPdf, 'Kokonaispisteet 120');
    await expectRefusedUnchanged(b, bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(forged, [signer(aino.identity)]) }]), ['pdf-signature-invalid']);
    // The same change, then "countersigned" so that the file ends with a signature: still not the stored report extended by signatures.
    const forgedThenSigned = await signPdf(forged, pekka.identity, { reason: 'Hyväksytty', name: pekka.identity.commonName });
    await expectRefusedUnchanged(b, bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(forgedThenSigned, [signer(aino.identity), signer(pekka.identity)]) }]), ['pdf-signature-invalid']);
    // Another validly signed report for the same review: not an extension of the one here.
    const other = await signPdf(await smallPdf('Toinen raportti'), aino.identity, { reason: 'Hyväksytty', name: aino.identity.commonName });
    const refused = await expectRefusedUnchanged(b, bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(other, [signer(aino.identity)]) }]), ['report-not-extension']);
    expect(refused).toMatchObject({ ok: true, reviews: [{ outcome: 'refused', refusal: { code: 'report-not-extension' } }] });
  });

  test('signer names lie: a report signed by one person listed as signed by two others is refused, naming both', async () => {
    const b = await testBackend();
    const liars = [signer(aino.identity, 'Liisa Virtanen'), signer(aino.identity, 'Kalle Korhonen')];
    const inspected = await expectRefusedUnchanged(b, bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(signedPdf, liars) }]), ['pdf-signer-name-mismatch', 'pdf-signer-mismatch']);
    expect(inspected.ok ? [] : inspected.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/names the signer Liisa Virtanen, but the certificate .* names Aino Laaksonen/),
      expect.stringMatching(/lists Kalle Korhonen .* more often than that certificate signed; the PDF is signed by Aino Laaksonen/),
    ]);
    // A signer the PDF has but the bundle leaves out is a disagreement too.
    const countersigned = await signPdf(signedPdf, pekka.identity, { reason: 'Hyväksytty', name: pekka.identity.commonName });
    await expectRefusedUnchanged(b, bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(countersigned, [signer(aino.identity)]) }]), ['pdf-signer-unlisted']);
  });

  test('other exporter: a newer revision from another certificate is refused with both senders; the CLI flag must name that certificate', async () => {
    const b = await receivedFromAino();
    const newer = { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) };
    const malloryPdf = await signPdf(await smallPdf('Versio 2'), mallory.identity, { reason: 'Hyväksytty', name: mallory.identity.commonName });
    const fromMallory = bundleOf(mallory.identity, [{ file: newer, signedReport: report(malloryPdf, [signer(mallory.identity)]) }]);
    const inspected = await expectRefusedUnchanged(b, fromMallory, ['exporter-changed']);
    expect(inspected).toMatchObject({
      ok: true,
      reviews: [{
        outcome: 'refused',
        refusal: {
          before: { name: 'Aino Laaksonen', organisation: 'Pirkanmaan hyvinvointialue', certificateFingerprint: aino.identity.certificateFingerprint },
          now: { name: 'Mallory Mäkinen', organisation: 'Hyökkääjä Oy', certificateFingerprint: mallory.identity.certificateFingerprint },
        },
      }],
    });
    // A flag naming another certificate admits nothing.
    await expectRefusedUnchanged(b, fromMallory, ['accept-exporter-mismatch'], { acceptExporter: aino.identity.certificateFingerprint });
    // Named exactly, the user takes it: replaced, and Mallory is now who sent the review.
    const accepted = await b.call('bundles.import', { bundleBase64: b64(fromMallory), replace: [EXAMPLE_UID], acceptExporter: mallory.identity.certificateFingerprint });
    expect(accepted.reviews.map((r) => r.outcome)).toEqual(['replaced']);
    expect(rows(b.dbFile, 'SELECT exporter_name, exporter_fingerprint FROM review_origins')).toEqual([{ exporter_name: 'Mallory Mäkinen', exporter_fingerprint: mallory.identity.certificateFingerprint }]);
  });

  test('own review: a review written here is never replaced by an import, not even with the flags', async () => {
    const b = await testBackend();
    await b.call('reviews.importFile', { file: readExample('full-review.json') });
    const newer = { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) };
    for (const exporter of [aino, mallory]) {
      const bundle = bundleOf(exporter.identity, [{ file: newer }]);
      const inspected = await expectRefusedUnchanged(b, bundle, ['own-review']);
      expect(inspected).toMatchObject({ ok: true, reviews: [{ outcome: 'refused', refusal: { code: 'own-review', before: null, now: { name: exporter.identity.commonName } } }] });
      await expectRefusedUnchanged(b, bundle, ['own-review'], { acceptExporter: exporter.identity.certificateFingerprint });
    }
  });

  test('scale 9.9.9 with moved bands: kept for its review and marked, never the default; a new review scores 73 as poor', async () => {
    const b = await testBackend();
    const imported = await b.call('bundles.import', { bundleBase64: b64(bundleWithMovedBands(mallory.identity, scoredTo(73))) });
    expect(imported.scalesAdded.map((s) => s.version)).toEqual(['9.9.9']);
    const received = imported.reviews[0]!.reviewId!;

    const check = async (backend: Awaited<ReturnType<typeof testBackend>>, createReview: boolean) => {
      const scales = await backend.call('scales.list', {});
      expect(scales.filter((s) => s.isDefault).map((s) => `${s.id} ${s.version}`)).toEqual(['ips-25 1.1.0']);
      expect(scales.find((s) => s.version === '9.9.9')).toMatchObject({ shipped: false, differsFromShipped: true, isDefault: false });
      // The imported review keeps scoring under its own version, and says it differs from the shipped scale.
      expect(await backend.call('scoring.summary', { reviewId: received })).toMatchObject({ total: 73, band: 'good' });
      expect((await backend.call('reviews.get', { id: received })).scale).toMatchObject({ version: '9.9.9', differsFromShipped: true });
      if (!createReview) return;
      // A review created afterwards takes the shipped version, under which 73 of 125 is poor.
      const site = await backend.call('sites.create', { name: 'Uusi yksikkö' });
      const review = await backend.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino Laaksonen' }], language: 'fi' });
      const newest = scales.find((s) => s.version === '1.1.0');
      expect(review.scale).toMatchObject({ id: 'ips-25', version: '1.1.0', contentHash: newest?.contentHash, differsFromShipped: false });
      for (const { item, score } of ratingsSumming(73)) await backend.call('consensus.set', { reviewId: review.id, item, score });
      expect(await backend.call('scoring.summary', { reviewId: review.id })).toMatchObject({ total: 73, band: 'poor' });
    };
    await check(b, true);
    // Stored and loaded again at every start: still never the default.
    b.backend.close();
    const reopened = await testBackend(b.dbFile);
    // (The test backend's ids restart with it, so no second review is created here.)
    await check(reopened, false);
    expect(await reopened.call('scales.differences', { id: 'ips-25', version: '9.9.9' })).toMatchObject({
      shipped: { id: 'ips-25', version: '1.1.0' },
      differences: { bands: [{ key: 'poor', shipped: { min: 25, max: 73 }, other: { min: 25, max: 49 } }, { key: 'fair' }, { key: 'good' }, { key: 'exemplary' }], itemsAdded: [], itemsRemoved: [] },
    });
    reopened.backend.close();
  });
});

describe('the command line', () => {
  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'ips-fidelity.mjs'), ...args, '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, IPS_PASS: PASSPHRASE } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  test('other exporter: refused naming both; taken only with --accept-exporter naming that certificate exactly', async () => {
    const b = await receivedFromAino();
    b.backend.close();
    const malloryPdf = await signPdf(await smallPdf('Versio 2'), mallory.identity, { reason: 'Hyväksytty', name: mallory.identity.commonName });
    const file = join(tempDir('ips-attack-'), 'mallory.ipsreview');
    writeFileSync(file, bundleOf(mallory.identity, [{ file: { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) }, signedReport: report(malloryPdf, [signer(mallory.identity)]) }]));
    const before = dumpDatabase(b.dbFile);

    const refused = cli(['import', '--db', b.dbFile, file, '--replace-newer']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`this review was sent here by Aino Laaksonen (fingerprint ${aino.identity.certificateFingerprint}); this bundle is from Mallory Mäkinen (fingerprint ${mallory.identity.certificateFingerprint}), another certificate`);
    expect(refused.stderr).toContain(`import again with --accept-exporter ${mallory.identity.certificateFingerprint}`);
    expect(cli(['import', '--db', b.dbFile, file, '--replace-newer', '--accept-exporter', aino.identity.certificateFingerprint])).toMatchObject({ code: 1, stderr: expect.stringContaining('named to accept') });
    expect(cli(['import', '--db', b.dbFile, file, '--accept-exporter', 'AB:CD'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a certificate fingerprint') });
    expect(dumpDatabase(b.dbFile).reviews).toEqual(before.reviews);
    expect(dumpDatabase(b.dbFile).signed_reports).toEqual(before.signed_reports);

    const accepted = cli(['import', '--db', b.dbFile, file, '--replace-newer', '--accept-exporter', mallory.identity.certificateFingerprint.toLowerCase()]);
    expect(accepted).toMatchObject({ code: 0, stdout: expect.stringContaining('1 replaced by a newer revision') });
  });

  test('own review: refused even with --replace-newer and --accept-exporter', async () => {
    const b = await testBackend();
    await b.call('reviews.importFile', { file: readExample('full-review.json') });
    b.backend.close();
    const file = join(tempDir('ips-attack-'), 'newer.ipsreview');
    writeFileSync(file, bundleOf(aino.identity, [{ file: { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) } }]));
    const before = dumpDatabase(b.dbFile);
    const refused = cli(['import', '--db', b.dbFile, file, '--replace-newer', '--accept-exporter', aino.identity.certificateFingerprint]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this review was written in this database; an import never replaces it');
    const after = dumpDatabase(b.dbFile);
    expect(after.reviews).toEqual(before.reviews);
    expect(after.consensus_ratings).toEqual(before.consensus_ratings);
  });
});

describe('honest bundles beside them', () => {
  test('the same exporter\'s newer revision replaces the review here once confirmed', async () => {
    const b = await receivedFromAino();
    const newer = bundleOf(aino.identity, [{ file: { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) } }]);
    expect(await b.call('bundles.inspect', { bundleBase64: b64(newer) })).toMatchObject({ ok: true, reviews: [{ outcome: 'conflict', reason: 'signed-here', refusal: null }] });
    // With a report signed for the new revision, it is a newer revision that waits for confirmation.
    const pdf2 = await signPdf(await smallPdf('Versio 2'), aino.identity, { reason: 'Hyväksytty', name: aino.identity.commonName });
    const signedNewer = bundleOf(aino.identity, [{ file: { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) }, signedReport: report(pdf2, [signer(aino.identity)]) }]);
    expect(await b.call('bundles.inspect', { bundleBase64: b64(signedNewer) })).toMatchObject({ ok: true, reviews: [{ outcome: 'newer', refusal: null }] });
    expect((await b.call('bundles.import', { bundleBase64: b64(signedNewer) })).reviews[0]!.outcome).toBe('skipped');
    expect((await b.call('bundles.import', { bundleBase64: b64(signedNewer), replace: [EXAMPLE_UID] })).reviews[0]!.outcome).toBe('replaced');
    expect(await b.call('scoring.summary', { reviewId: 1 })).toMatchObject({ total: 90 });
  });

  test('a report extended by a genuine second signature is added; the signers stored are the certificates\' names', async () => {
    const b = await receivedFromAino();
    expect(storedSigners(b.dbFile)).toEqual([[signer(aino.identity)]]);
    const countersigned = await signPdf(signedPdf, pekka.identity, { reason: 'Hyväksytty', name: 'Pekka T.' });
    const bundle = bundleOf(aino.identity, [{ file: exampleFile(), signedReport: report(countersigned, [signer(aino.identity), { ...signer(pekka.identity), role: 'arvioija' }]) }]);
    expect(await b.call('bundles.inspect', { bundleBase64: b64(bundle) })).toMatchObject({ ok: true, reviews: [{ outcome: 'report-added' }] });
    expect((await b.call('bundles.import', { bundleBase64: b64(bundle) })).reviews[0]!.outcome).toBe('report-added');
    expect(storedSigners(b.dbFile)).toEqual([[
      { name: 'Aino Laaksonen', role: null, date: '2026-11-23', certificateFingerprint: aino.identity.certificateFingerprint },
      { name: 'Pekka Toinen', role: 'arvioija', date: '2026-11-23', certificateFingerprint: pekka.identity.certificateFingerprint },
    ]]);
    // Importing it again: unchanged.
    const before = dumpDatabase(b.dbFile);
    expect((await b.call('bundles.import', { bundleBase64: b64(bundle) })).reviews[0]!.outcome).toBe('unchanged');
    expect(dumpDatabase(b.dbFile)).toEqual(before);
  });

  test('a trusted signer may continue a review another exporter sent', async () => {
    const b = await receivedFromAino();
    const pdf2 = await signPdf(await smallPdf('Versio 2'), pekka.identity, { reason: 'Hyväksytty', name: pekka.identity.commonName });
    const fromPekka = bundleOf(pekka.identity, [{ file: { ...exampleFile({ revision: 2 }), ratings: scoredTo(90) }, signedReport: report(pdf2, [signer(pekka.identity)]) }]);
    await expectRefusedUnchanged(b, fromPekka, ['exporter-changed']);
    await b.call('trust.addSigner', { certificateBase64: signerMaterialOf(pekka.identity).certificate.toString('base64'), fingerprint: pekka.identity.certificateFingerprint });
    expect(await b.call('bundles.inspect', { bundleBase64: b64(fromPekka) })).toMatchObject({ ok: true, reviews: [{ outcome: 'newer', refusal: null }] });
    expect((await b.call('bundles.import', { bundleBase64: b64(fromPekka), replace: [EXAMPLE_UID] })).reviews[0]!.outcome).toBe('replaced');
  });

  test('a countersigned report sent by another exporter is refused until that exporter is accepted', async () => {
    const b = await receivedFromAino();
    const countersigned = await signPdf(signedPdf, pekka.identity, { reason: 'Hyväksytty', name: pekka.identity.commonName });
    const bundle = bundleOf(pekka.identity, [{ file: exampleFile(), signedReport: report(countersigned, [signer(aino.identity), signer(pekka.identity)]) }]);
    await expectRefusedUnchanged(b, bundle, ['exporter-changed']);
    const accepted = await b.call('bundles.import', { bundleBase64: b64(bundle), acceptExporter: pekka.identity.certificateFingerprint });
    expect(accepted.reviews[0]!.outcome).toBe('report-added');
    // Who sent the review stays Aino: a report added does not hand the review over.
    expect(rows(b.dbFile, 'SELECT exporter_name FROM review_origins')).toEqual([{ exporter_name: 'Aino Laaksonen' }]);
  });
});

