import type { BundleTrust, JudgedCertificate, ReportVerdict } from '../../../exchange/bundle-trust.ts';
import { CertificateError, readCertificates } from '../../../reports/signing/certificate-facts.ts';
import { anchorsOfCertificates, type TrustAnchors } from '../../../reports/signing/signer-trust.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { JudgedCertificate as JudgedCertificateView } from '../../contract/trust-contract.ts';

/** A judged certificate as the API hands it out (exchange/bundle-trust.ts -> JudgedCertificate of trust-contract.ts). */
export const judgedView = (judged: JudgedCertificate): JudgedCertificateView =>
  ({ name: judged.name, fingerprint: judged.fingerprint, trust: judged.trust, certificateBase64: judged.der.toString('base64') });

export const reportVerdictView = (verdict: ReportVerdict | undefined) =>
  (verdict ? { status: verdict.status, signers: verdict.signers.map(judgedView) } : null);

/** The exporter's verdict (the rest of the exporter's fields come from the bundle) and the impostors of a bundle. */
export function bundleTrustView(trust: BundleTrust) {
  return {
    exporter: { trust: trust.exporter.trust, certificateBase64: trust.exporter.der.toString('base64') },
    impostors: trust.impostors.map((impostor) => ({ ...judgedView(impostor), exporter: impostor.exporter, reviewUids: impostor.reviewUids })),
  };
}

/** `bundles.inspect`'s trustCertificates as anchors; an unreadable one refuses the call (nothing is judged by half). */
export function extraTrustAnchors(certificates: readonly string[]): TrustAnchors {
  return anchorsOfCertificates(certificates.flatMap((base64, i) => {
    try {
      return readCertificates(Buffer.from(base64, 'base64'));
    } catch (error) {
      if (!(error instanceof CertificateError)) throw error;
      throw new ApiFailure('invalid-input', { issues: [{ path: `trustCertificates.${i}`, code: error.code, message: error.message }] });
    }
  }));
}
