import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CheckedSignedReport } from '../../exchange/bundle-review-check.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { verifyPdf } from '../../reports/signing/verify-pdf.ts';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import { dumpDatabase, testBackend, type TestBackend } from '../fixtures/backend.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { ATTACKS, HONEST } from '../fixtures/pdf-attacks/corpus.ts';
import { bundleOf, exampleFile, exporterIdentity, uidNumber } from '../exchange/bundle-fixtures.ts';

/**
 * The corpus of tampered reports (tests/fixtures/pdf-attacks) through the app's other doors: `reports.verify` must
 * give exactly the verdict `verifyPdf` gives, and bundle import must refuse every forged report (naming the same
 * reasons) and change nothing, while taking every honest variant with signer names from the certificates.
 * One honest input: the example review's report signed by both reviewers, as the app makes it.
 */

let exporter: SigningIdentity;
let honest: Buffer;
let backend: TestBackend;

beforeAll(async () => {
  const [{ identity: first }, { identity: second }, sender] = await Promise.all([
    exporterIdentity('Aino Laaksonen'), exporterIdentity('Mikael Sundström'), exporterIdentity('Vienti Lähettäjä'),
  ]);
  exporter = sender.identity;
  const { pdf: report } = await renderReviewReport(readExample('full-review.json'), bundledIps25().registry, { language: 'fi', reportDate: '2026-11-23' });
  const once = await signPdf(report, first, { reason: 'Arviointiraportin hyväksyntä', name: first.commonName });
  honest = await signPdf(once, second, { reason: 'Arviointiraportin hyväksyntä', name: second.commonName });
  backend = (await testBackend()) as TestBackend;
}, 120_000);

const b64 = (bytes: Buffer) => bytes.toString('base64');
let nextUid = 1;

/** A bundle carrying a new review whose signed report is `pdf`, listing as signers whom the certificates name. */
function bundleWithReport(pdf: Buffer): Buffer {
  const named = verifyPdf(pdf).signatures.filter((s) => s.certificateFingerprint !== null);
  // Where no certificate can be read, the forger simply claims one (a well-formed fingerprint of nothing).
  const claimed = named.length ? named : [{ signerName: 'Aino Laaksonen', certificateFingerprint: Array(32).fill('AB').join(':') }];
  const signers = claimed.map((s) => ({ name: s.signerName ?? 'Aino Laaksonen', role: null, date: '2026-11-23', certificateFingerprint: s.certificateFingerprint! }));
  const report: CheckedSignedReport = { language: 'fi', pdf, sha256: createHash('sha256').update(pdf).digest('hex'), signers, createdAt: '2026-11-23T12:00:00.000Z' };
  return bundleOf(exporter, [{ file: exampleFile({ reviewId: uidNumber(9000 + nextUid++), siteName: `Yksikkö ${nextUid}` }), signedReport: report }]);
}

describe('reports.verify gives the verdict verifyPdf gives', () => {
  test.for([...ATTACKS.map((a) => ({ name: a.name, make: a.make })), ...HONEST.map((h) => ({ name: h.name, make: h.make }))])('$name', { timeout: 90_000 }, async ({ make }) => {
    const pdf = await make(honest);
    const direct = verifyPdf(pdf);
    const viaApi = await backend.call('reports.verify', { pdfBase64: b64(pdf) });
    expect({ valid: viaApi.valid, status: viaApi.status, codes: viaApi.problems.map((p) => p.code) })
      .toEqual({ valid: direct.valid, status: direct.status, codes: direct.problems.map((p) => p.code) });
    expect(viaApi.signatures.map((s) => [s.signerName, s.certificateFingerprint, s.intact]))
      .toEqual(direct.signatures.map((s) => [s.signerName, s.certificateFingerprint, s.intact]));
  });
});

describe('bundle import: a forged report is refused with the verifier\'s reasons and changes nothing', () => {
  test.for(ATTACKS)('$name', { timeout: 90_000 }, async (attack, { skip }) => {
    if (attack.appliesTo && !attack.appliesTo(honest)) skip('the attack needs a reserved slot left empty after the first signature');
    const forged = await attack.make(honest);
    const direct = verifyPdf(forged);
    const bundle = bundleWithReport(forged);
    const before = dumpDatabase(backend.dbFile);
    const inspected = await backend.call('bundles.inspect', { bundleBase64: b64(bundle) });
    expect(inspected.ok).toBe(false);
    const problems = inspected.ok ? [] : inspected.problems;
    const refusal = problems.find((p) => p.code === 'pdf-signature-invalid');
    expect(refusal, JSON.stringify(problems)).toBeDefined();
    for (const reason of direct.problems) expect(refusal!.message).toContain(reason.message);
    const imported = await backend.backend.dispatch('bundles.import', { bundleBase64: b64(bundle) });
    expect(imported).toMatchObject({ ok: false });
    expect(dumpDatabase(backend.dbFile)).toEqual(before);
  });
});

describe('bundle import: every honest variant is taken, signers stored from the certificates', () => {
  test.for(HONEST)('$name', { timeout: 90_000 }, async (honestCase) => {
    const made = await honestCase.make(honest);
    const inspected = await backend.call('bundles.inspect', { bundleBase64: b64(bundleWithReport(made)) });
    expect(inspected.ok, JSON.stringify(inspected)).toBe(true);
    const imported = await backend.call('bundles.import', { bundleBase64: b64(bundleWithReport(made)) });
    expect(imported.reviews.map((r) => r.outcome)).toEqual(['new']);
  });
});
