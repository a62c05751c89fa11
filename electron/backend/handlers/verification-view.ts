import { judgeReport } from '../../../reports/signing/report-trust.ts';
import type { TrustAnchors } from '../../../reports/signing/signer-trust.ts';
import type { VerificationReport } from '../../../reports/signing/verification-report.ts';
import type { CallOutput } from '../../contract/contract.ts';

/** A verified report as `reports.verify` hands it out, each signer judged against the trust anchors. */
export function verificationView(report: VerificationReport, anchors: TrustAnchors): CallOutput<'reports.verify'> {
  const trust = judgeReport(report, anchors);
  return {
    valid: report.valid,
    status: report.status,
    fileLength: report.fileLength,
    signatures: report.signatures.map((s, i) => ({
      number: s.number, revision: s.revision, coveredBytes: s.coveredBytes, signerName: s.signerName, organisation: s.organisation,
      certificateFingerprint: s.certificateFingerprint, signingTime: s.signingTime?.toISOString() ?? null, intact: s.intact,
      slot: s.slot, countersignedLater: s.countersignedLater, trust: trust.signatures[i]!,
    })),
    expectedSigners: report.expectedSigners.map(({ slot, name, role, signature }) => ({ slot, name, role, signature })),
    signedBy: trust.signedBy,
    trust: trust.overall,
    problems: report.problems.map((p) => ({ code: p.code, message: p.message, params: p.params, ...(p.signature ? { signature: p.signature } : {}) })),
  };
}
