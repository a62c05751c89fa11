import { certificateName, judgeReport } from '../reports/signing/report-trust.ts';
import { judgeSigner, type SignerTrust, type TrustAnchors } from '../reports/signing/signer-trust.ts';
import type { CheckedBundle } from './bundle-read.ts';

/** A certificate that signed something in a bundle (a report, or the bundle itself), judged against the trust anchors. */
export interface JudgedCertificate {
  /** As the certificate names its holder, never as the bundle's unsigned fields do. */
  name: string;
  fingerprint: string;
  trust: SignerTrust;
  /** DER: what confirming an unknown signer stores (trust.addSigner). */
  der: Buffer;
}

/** A review's signed report: whether every expected signer signed, and who signed, in signing order. */
export interface ReportVerdict {
  status: 'complete' | 'incomplete';
  signers: JudgedCertificate[];
}

/** A certificate that carries a trusted signer's name with another key, and where in the bundle it signed. */
export interface BundleImpostor extends JudgedCertificate {
  /** It signed the bundle. */
  exporter: boolean;
  /** The reviews whose signed report it signed, by their ids. */
  reviewUids: string[];
}

export interface BundleTrust {
  exporter: JudgedCertificate;
  /** By the review's position in the bundle; reviews without a signed report have none. */
  reports: ReadonlyMap<number, ReportVerdict>;
  /** Each impostor certificate once, the exporter first. */
  impostors: BundleImpostor[];
}

/**
 * Who signed a bundle and its reports, judged by the one rule the app's verify page and the CLI's verify use
 * (reports/signing/report-trust.ts): the exporter's certificate as a signer of the bundle (at the time the bundle
 * says it was made), and each signed report's signatures. The reader verified every report already; what it found
 * is judged here, not verified again.
 */
export function judgeBundle(bundle: Pick<CheckedBundle, 'exporterCertificate' | 'exporter' | 'createdAt' | 'reviews'>, anchors: TrustAnchors): BundleTrust {
  const exporterSignature = {
    certificateDer: bundle.exporterCertificate, chainDer: [], signerName: bundle.exporter.name,
    certificateFingerprint: bundle.exporter.certificateFingerprint, signingTime: new Date(bundle.createdAt),
  };
  const exporter: JudgedCertificate = {
    name: certificateName(exporterSignature), fingerprint: bundle.exporter.certificateFingerprint,
    trust: judgeSigner(exporterSignature, anchors), der: bundle.exporterCertificate,
  };
  const reports = new Map<number, ReportVerdict>();
  const impostors = new Map<string, BundleImpostor>();
  const note = (judged: JudgedCertificate, where: { exporter: true } | { reviewUid: string }) => {
    if (judged.trust.kind !== 'impostor') return;
    const entry = impostors.get(judged.fingerprint) ?? { ...judged, exporter: false, reviewUids: [] };
    if ('exporter' in where) entry.exporter = true;
    else if (!entry.reviewUids.includes(where.reviewUid)) entry.reviewUids.push(where.reviewUid);
    impostors.set(judged.fingerprint, entry);
  };
  note(exporter, { exporter: true });
  for (const review of bundle.reviews) {
    const report = review.signedReport;
    if (!report) continue;
    const trust = judgeReport(report, anchors);
    // A verified report's signatures are all intact and each carries its certificate (the verifier refuses others).
    const signers = report.signatures.map((signature, i): JudgedCertificate => ({
      name: certificateName(signature), fingerprint: signature.certificateFingerprint ?? '', trust: trust.signatures[i]!, der: signature.certificateDer ?? Buffer.alloc(0),
    }));
    for (const signer of signers) note(signer, { reviewUid: review.file.reviewId });
    reports.set(review.index, { status: report.status, signers });
  }
  return { exporter, reports, impostors: [...impostors.values()] };
}
