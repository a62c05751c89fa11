import type { SignatureReport, VerificationReport } from './verification-report.ts';

type AddedSignatureFields = 'certificateDer' | 'chainDer' | 'fieldName' | 'slot' | 'certification' | 'countersignedLater';
/** The answer of verify-pdf.ts before its rewrite: no certificates, slots or expected signers. */
export type EarlierVerificationReport = Omit<VerificationReport, 'signatures' | 'complete' | 'status' | 'expectedSigners' | 'problems'> & {
  complete?: boolean;
  status?: VerificationReport['status'];
  expectedSigners?: VerificationReport['expectedSigners'];
  signatures: (Omit<SignatureReport, AddedSignatureFields> & Partial<Pick<SignatureReport, AddedSignatureFields>>)[];
  problems: (Omit<VerificationReport['problems'][number], 'code'> & { code: string })[];
};

/**
 * TRANSITIONAL: the verifier is being rewritten to return VerificationReport (verification-report.ts); until it
 * lands, its earlier answer is read as one (no certificate DER: trust is then judged by fingerprint and name only,
 * never via a root). Once verifyPdf returns VerificationReport this is the identity; delete it then.
 */
export function asVerificationReport(report: EarlierVerificationReport): VerificationReport {
  const valid = report.valid;
  return {
    ...report,
    complete: report.complete ?? valid,
    status: report.status ?? (valid ? 'complete' : 'invalid'),
    expectedSigners: report.expectedSigners ?? [],
    problems: report.problems as VerificationReport['problems'],
    signatures: report.signatures.map((s) => ({
      fieldName: null, slot: null, certification: null, countersignedLater: false, ...s,
      certificateDer: s.certificateDer ?? null, chainDer: s.chainDer ?? [],
    })),
  };
}
