import { certificateFacts } from './certificate-facts.ts';
import { judgeSigner, overallTrust, type SignerTrust, type TrustAnchors } from './signer-trust.ts';
import type { SignatureReport, VerificationReport } from './verification-report.ts';

/** Who signed a verified report, judged: the one rule the app, the CLI and bundle import (exchange/bundle-trust.ts) share. */
export interface ReportTrust {
  /** One per signature, in the report's order. A signature that is not intact proves nothing about its signer: unknown. */
  signatures: SignerTrust[];
  /** The worst of them; null for a report without signatures. */
  overall: SignerTrust | null;
  /** The signers' names from their certificates, of the intact signatures, in signing order. */
  signedBy: string[];
}

export function judgeReport(report: Pick<VerificationReport, 'signatures'>, anchors: TrustAnchors): ReportTrust {
  const signatures = report.signatures.map((s): SignerTrust => (s.intact ? judgeSigner(s, anchors) : { kind: 'unknown' }));
  return {
    signatures,
    overall: signatures.length ? overallTrust(signatures) : null,
    signedBy: report.signatures.filter((s) => s.intact).map(certificateName),
  };
}

/** The signer's common name as its certificate states it (the fingerprint when it names no one). */
export function certificateName(signature: Pick<SignatureReport, 'certificateDer' | 'signerName' | 'certificateFingerprint'>): string {
  if (signature.certificateDer) {
    try {
      const facts = certificateFacts(signature.certificateDer);
      return facts.commonName ?? facts.organisation ?? facts.fingerprint;
    } catch {
      // an unreadable certificate: fall back to what the verifier read from it
    }
  }
  return signature.signerName ?? signature.certificateFingerprint ?? '?';
}
