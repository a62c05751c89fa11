import { beforeAll, describe, expect, test } from 'vitest';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import type { VerificationReport } from '../../reports/signing/verification-report.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { verifyPdf } from '../../reports/signing/verify-pdf.ts';
import { ATTACKS, HONEST, type PdfsigVerdict } from '../fixtures/pdf-attacks/corpus.ts';
import { firstSignedRevision } from '../fixtures/pdf-attacks/honest-variants.ts';
import { PdfPeek } from '../fixtures/pdf-attacks/pdf-peek.ts';
import { pdfsig, smallPdf, testIdentity } from '../fixtures/identities/identities.ts';
import { bundledIps25, readExample } from '../fixtures/ratings.ts';
import { pdfinfo, writeTempPdf } from './report-pdf-tools.ts';

/**
 * The corpus of tampered signed reports (issue 11), each refused by `verifyPdf` with the right reason, and the honest
 * variants accepted; run on two honest inputs: a small pdfkit PDF and the full example report, each signed by two
 * reviewers with the app's signer. pdfsig's verdict is recorded for every case, so the corpus shows where our
 * verifier is stricter than poppler.
 *
 * Depends on the spec-following verifier and signer (issue 11): `status`, `complete`, `expectedSigners`, the codes
 * 'contents-padding', 'appearance-outside-slot', 'certification-violated', and 'changed-after-signature' for a valid
 * attacker update after the last signature (the earlier verifier said 'appended-after-signature' there, and
 * accepted the dual-purpose dictionary and padding changes). The reserved slots (reviewer-1, reviewer-2) and the
 * certification come from the new signer.
 */

const verify = (pdf: Buffer): VerificationReport => verifyPdf(pdf);

function pdfsigVerdict(pdf: Buffer): PdfsigVerdict {
  // pdfsig also lists empty signature fields (a reserved slot: "The signature form field is not signed."); skip them.
  const signatures = pdfsig(pdf).signatures.filter((s) => s.signedRanges !== undefined || s.validation !== undefined);
  if (signatures.length === 0 || signatures.some((s) => s.validation !== 'Signature is Valid.')) return 'rejects';
  return signatures.some((s) => s.totalDocumentSigned) ? 'accepts' : 'not-total';
}

const pageCount = (pdf: Buffer) => pdfinfo(writeTempPdf('pages.pdf', pdf)).pages;
const objectNumber = (value: string | number | undefined) => Number(/\d+/.exec(String(value ?? ''))?.[0] ?? NaN);

const inputs: Record<string, Buffer> = {};

beforeAll(async () => {
  const [{ identity: first }, { identity: second }] = await Promise.all([testIdentity('Aino Laaksonen'), testIdentity('Mikael Sundström')]);
  const signTwice = async (pdf: Buffer) => {
    const once = await signPdf(pdf, first, { reason: 'Arviointiraportin hyväksyntä', name: first.commonName });
    return signPdf(once, second, { reason: 'Arviointiraportin hyväksyntä', name: second.commonName });
  };
  const { registry } = bundledIps25();
  const { pdf: report } = await renderReviewReport(readExample('full-review.json'), registry, { language: 'fi', reportDate: '2026-11-23' });
  inputs['small PDF'] = await signTwice(await smallPdf());
  inputs['full example report'] = await signTwice(report);
}, 120_000);

describe.each(['small PDF', 'full example report'])('%s signed by two reviewers', (input) => {
  test.for(ATTACKS)('refused: $name', { timeout: 90_000 }, async (attack, { skip }) => {
    const honest = inputs[input]!;
    if (attack.appliesTo && !attack.appliesTo(honest)) skip('the attack needs a reserved slot left empty after the first signature');
    const forged = await attack.make(honest);
    const report = verify(forged);
    const codes = report.problems.map((p) => p.code);
    expect(report.valid, JSON.stringify(report.problems)).toBe(false);
    expect(report.status).toBe('invalid');
    expect(report.complete).toBe(false);
    expect(codes.some((code) => attack.expectedCodes.includes(code)), `expected one of ${attack.expectedCodes.join(', ')}; got ${JSON.stringify(report.problems)}`).toBe(true);
    if (attack.namesChangedObject) {
      const written = new PdfPeek(forged).lastUpdateObjects();
      const named = report.problems.filter((p) => p.code === 'changed-after-signature').map((p) => objectNumber(p.params.object));
      if (codes.includes('changed-after-signature')) {
        expect(named.some((n) => written.includes(n)), `a changed-after-signature problem names one of objects ${written.join(', ')}; got ${JSON.stringify(report.problems)}`).toBe(true);
      }
    }
    // Where we are stricter than poppler: pdfsig's verdict is recorded per attack.
    expect(pdfsigVerdict(forged)).toBe(attack.pdfsig);
    // The page-dropping attacks are real: readers show fewer pages.
    if (attack.dropsPages) expect(pageCount(forged)).toBeLessThan(pageCount(honest));
  });

  test.for(HONEST)('accepted: $name', { timeout: 90_000 }, async (honestCase, { skip }) => {
    const honest = inputs[input]!;
    if (honestCase.appliesTo && !honestCase.appliesTo(honest)) skip('the report reserved no empty signature slot');
    const made = await honestCase.make(honest);
    const report = verify(made);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    const status = honestCase.expectedStatus(made);
    expect(report.status).toBe(status);
    expect(report.complete).toBe(status === 'complete');
    expect(report.signatures.every((s) => s.intact)).toBe(true);
    expect(pdfsigVerdict(made)).toBe(honestCase.pdfsig);
  });
});

describe('honest signature states of the full example report (new signer: reserved slots reviewer-1, reviewer-2)', () => {
  test('signed by both reviewers: complete, each slot filled by its signature, the first certifying', () => {
    const report = verify(inputs['full example report']!);
    expect(report).toMatchObject({ valid: true, complete: true, status: 'complete' });
    expect(report.expectedSigners.map((s) => [s.slot, s.signature])).toEqual([['reviewer-1', 1], ['reviewer-2', 2]]);
    expect(report.signatures.map((s) => [s.slot, s.certification, s.countersignedLater])).toEqual([['reviewer-1', 2, true], ['reviewer-2', null, false]]);
  });

  test('cut back to its first signed revision (bytes up to signatures[0].coveredBytes): valid, 1 of 2 expected signers', () => {
    const twice = inputs['full example report']!;
    const cut = twice.subarray(0, verify(twice).signatures[0]!.coveredBytes);
    expect(cut).toEqual(firstSignedRevision(twice));
    const report = verify(cut);
    expect(report).toMatchObject({ valid: true, complete: false, status: 'incomplete', problems: [] });
    expect(report.expectedSigners).toHaveLength(2);
    expect(report.expectedSigners.filter((s) => s.signature !== null)).toHaveLength(1);
  });
});
