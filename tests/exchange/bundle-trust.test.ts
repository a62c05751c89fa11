import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CheckedSignedReport } from '../../exchange/bundle-review-check.ts';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import { fingerprintOf } from '../../reports/signing/certificate-summary.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { testBackend } from '../fixtures/backend.ts';
import { chainIdentity, testCertificate, type TestCertificate } from '../fixtures/identities/certificate-authority.ts';
import { testIdentity } from '../fixtures/identities/identities.ts';
import { readExample } from '../fixtures/ratings.ts';
import { bundleOf, EXAMPLE_UID, exampleFile, exporterIdentity, uidNumber } from './bundle-fixtures.ts';

/**
 * Who signed, judged in bundle import (issue 11): each signed report's signers and the bundle's exporter, against
 * the trust store, through the real API on real SQLite, with real signed reports (the example review's report,
 * which expects two signers: Aino Laaksonen and Mikael Sundström).
 */

type Identity = { p12: Buffer; identity: SigningIdentity };
let aino: Identity; // the exporter, the first reviewer
let mikael: Identity; // the second reviewer, whom the receiver knows
let fakeMikael: Identity; // a self-signed certificate in Mikael's name
let ca: TestCertificate; // an organisation's CA
let caMikael: Identity; // Mikael's certificate issued by that CA
let signedOnce: Buffer; // signed by Aino: 1 of 2 expected signers
let withImpostor: Buffer; // then signed by the fake Mikael
let withRootIssued: Buffer; // then signed by Mikael's CA-issued certificate

const b64 = (bytes: Buffer) => bytes.toString('base64');
const certificateOf = (identity: SigningIdentity) => b64(signerMaterialOf(identity).certificate);
const signer = (identity: SigningIdentity) => ({ name: identity.commonName, role: null, date: '2026-11-23', certificateFingerprint: identity.certificateFingerprint });
const report = (pdf: Buffer, ...signers: SigningIdentity[]): CheckedSignedReport => ({
  language: 'fi', pdf, sha256: createHash('sha256').update(pdf).digest('hex'), signers: signers.map(signer), createdAt: '2026-11-23T12:00:00.000Z',
});
/** The example review with `pdf`, and a second review without a signed report. */
const bundleWith = (exporter: SigningIdentity, pdf: Buffer, ...signers: SigningIdentity[]) =>
  b64(bundleOf(exporter, [{ file: exampleFile(), signedReport: report(pdf, ...signers) }, { file: exampleFile({ reviewId: uidNumber(2), siteName: 'Toinen yksikkö' }) }]));
const judged = (identity: SigningIdentity, trust: unknown) =>
  ({ name: identity.commonName, fingerprint: identity.certificateFingerprint, trust, certificateBase64: certificateOf(identity) });

async function inspect(b: Awaited<ReturnType<typeof testBackend>>, bundleBase64: string, extra: { trustCertificates?: string[] } = {}) {
  const inspected = await b.call('bundles.inspect', { bundleBase64, ...extra });
  if (!inspected.ok) throw new Error(JSON.stringify(inspected.problems));
  return inspected;
}

beforeAll(async () => {
  [aino, mikael, fakeMikael] = await Promise.all([
    exporterIdentity(), exporterIdentity('Mikael Sundström', 'Pirkanmaan hyvinvointialue'), testIdentity('Mikael Sundström'),
  ]);
  ca = testCertificate('Pirkanmaan hyvinvointialue CA', { ca: true, organisation: 'Pirkanmaan hyvinvointialue' });
  caMikael = chainIdentity(testCertificate('Mikael Sundström', { issuer: ca, organisation: 'Pirkanmaan hyvinvointialue' }), [ca]);
  const { registry } = loadScaleRegistry();
  const unsigned = (await renderReviewReport(readExample('full-review.json'), registry, { language: 'fi', reportDate: '2026-11-23' })).pdf;
  signedOnce = await signPdf(unsigned, aino.identity, { reason: 'Hyväksytty', name: aino.identity.commonName });
  withImpostor = await signPdf(signedOnce, fakeMikael.identity, { reason: 'Hyväksytty', name: 'Mikael Sundström' });
  withRootIssued = await signPdf(signedOnce, caMikael.identity, { reason: 'Hyväksytty', name: 'Mikael Sundström' });
}, 120_000);

describe('bundles.inspect and bundles.import judge who signed', () => {
  test('nothing trusted: the exporter and the signer are unknown; the status says 1 of 2 signed; a review without a report has none', async () => {
    const b = await testBackend();
    const inspected = await inspect(b, bundleWith(aino.identity, signedOnce, aino.identity));
    expect(inspected.exporter).toMatchObject({ name: 'Aino Laaksonen', certificateFingerprint: aino.identity.certificateFingerprint, trust: { kind: 'unknown' }, certificateBase64: certificateOf(aino.identity) });
    expect(inspected.reviews.map((r) => r.reportVerdict)).toEqual([
      { status: 'incomplete', signers: [judged(aino.identity, { kind: 'unknown' })] },
      null,
    ]);
    expect(inspected.impostors).toEqual([]);
  });

  test('a signer confirmed once (trust.addSigner with the certificate and fingerprint the preview showed) is trusted from then on', async () => {
    const b = await testBackend();
    const bundle = bundleWith(aino.identity, signedOnce, aino.identity);
    const [shown] = (await inspect(b, bundle)).reviews[0]!.reportVerdict!.signers;
    const added = await b.call('trust.addSigner', { certificateBase64: shown!.certificateBase64, fingerprint: shown!.fingerprint });
    expect(added).toMatchObject({ kind: 'signer', name: 'Aino Laaksonen', fingerprint: aino.identity.certificateFingerprint });

    const again = await inspect(b, bundle);
    expect(again.exporter.trust).toEqual({ kind: 'trusted-signer', name: 'Aino Laaksonen' });
    expect(again.reviews[0]!.reportVerdict!.signers).toEqual([judged(aino.identity, { kind: 'trusted-signer', name: 'Aino Laaksonen' })]);
    const imported = await b.call('bundles.import', { bundleBase64: bundle, replace: [] });
    expect(imported.exporter.trust).toEqual({ kind: 'trusted-signer', name: 'Aino Laaksonen' });
    expect(imported.reviews.map((r) => [r.outcome, r.reportVerdict?.signers.map((s) => s.trust.kind) ?? null])).toEqual([['new', ['trusted-signer']], ['new', null]]);
  });

  test('a self-signed certificate in a trusted reviewer\'s name is an impostor, listed once; the import is not refused by it', async () => {
    const b = await testBackend();
    await b.call('trust.addSigner', { certificateBase64: certificateOf(mikael.identity) });
    const bundle = bundleWith(aino.identity, withImpostor, aino.identity, fakeMikael.identity);
    const inspected = await inspect(b, bundle);
    const impostor = { kind: 'impostor', knownName: 'Mikael Sundström', knownFingerprints: [mikael.identity.certificateFingerprint] };
    expect(inspected.reviews[0]!.reportVerdict).toEqual({
      status: 'complete', signers: [judged(aino.identity, { kind: 'unknown' }), judged(fakeMikael.identity, impostor)],
    });
    expect(inspected.impostors).toEqual([{ ...judged(fakeMikael.identity, impostor), exporter: false, reviewUids: [EXAMPLE_UID] }]);
    expect(inspected.reviews.map((r) => r.outcome)).toEqual(['new', 'new']);

    const imported = await b.call('bundles.import', { bundleBase64: bundle, replace: [] });
    expect(imported.reviews.map((r) => r.outcome)).toEqual(['new', 'new']);
    expect(imported.impostors.map((i) => i.fingerprint)).toEqual([fakeMikael.identity.certificateFingerprint]);
    expect(imported.reviews[0]!.reportVerdict!.signers[1]!.trust).toEqual(impostor);
  });

  test('an exporter whose certificate carries a trusted name with another key is an impostor too', async () => {
    const b = await testBackend();
    await b.call('trust.addSigner', { certificateBase64: certificateOf(mikael.identity) });
    const inspected = await inspect(b, b64(bundleOf(fakeMikael.identity)));
    expect(inspected.exporter.trust).toMatchObject({ kind: 'impostor', knownName: 'Mikael Sundström' });
    expect(inspected.impostors).toEqual([expect.objectContaining({ fingerprint: fakeMikael.identity.certificateFingerprint, exporter: true, reviewUids: [] })]);
    expect(inspected.reviews[0]!.reportVerdict).toBeNull();
  });

  test('a certificate issued under a trusted root is trusted via that root, even in a trusted signer\'s name', async () => {
    const b = await testBackend();
    await b.call('trust.addSigner', { certificateBase64: certificateOf(mikael.identity) });
    await b.call('trust.addRoot', { certificateBase64: b64(ca.der) });
    const inspected = await inspect(b, bundleWith(aino.identity, withRootIssued, aino.identity, caMikael.identity));
    expect(inspected.reviews[0]!.reportVerdict!.signers.map((s) => [s.name, s.trust])).toEqual([
      ['Aino Laaksonen', { kind: 'unknown' }],
      ['Mikael Sundström', { kind: 'trusted-root', root: { name: 'Pirkanmaan hyvinvointialue CA', fingerprint: fingerprintOf(ca.der) } }],
    ]);
    expect(inspected.reviews[0]!.reportVerdict!.status).toBe('complete');
    expect(inspected.impostors).toEqual([]);
  });

  test('trustCertificates are trusted for one inspection only; nothing is stored; an unreadable one is refused', async () => {
    const b = await testBackend();
    const bundle = bundleWith(aino.identity, withImpostor, aino.identity, fakeMikael.identity);
    const inspected = await inspect(b, bundle, { trustCertificates: [certificateOf(mikael.identity), b64(Buffer.from(ca.pem))] });
    expect(inspected.impostors.map((i) => [i.name, i.fingerprint])).toEqual([['Mikael Sundström', fakeMikael.identity.certificateFingerprint]]);
    expect((await b.call('trust.list', {})).signers).toEqual([]);
    expect((await inspect(b, bundle)).impostors).toEqual([]);
    const refused = await b.backend.dispatch('bundles.inspect', { bundleBase64: bundle, trustCertificates: [b64(Buffer.from('ei varmenne'))] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ code: 'not-a-certificate' }] } } });
  });
});
