import { z } from 'zod';
import { Id } from './entities.ts';
import { call } from './call.ts';


/** A certificate file's bytes in base64: DER, or PEM text (a CA certificate is a few kilobytes). */
export const CertificateBase64 = z.base64().min(1).max(200_000);
/** SHA-256 of a certificate's DER as certificate viewers show it: upper-case hex pairs joined by colons. */
export const Fingerprint = z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/, 'a SHA-256 fingerprint "AB:CD:…"');
const TrustNote = z.string().trim().max(1000).optional();

export const TrustedCertificateInfo = z.object({
  id: Id,
  kind: z.enum(['signer', 'root']),
  fingerprint: z.string(),
  /** The certificate's common name (its organisation when it has none). */
  name: z.string(),
  organisation: z.string().nullable(),
  notBefore: z.string(),
  notAfter: z.string(),
  addedAt: z.string(),
  note: z.string().nullable(),
});
export type TrustedCertificateInfo = z.infer<typeof TrustedCertificateInfo>;

/** The trust judgement of one signature (reports/signing/signer-trust.ts SignerTrust), as the API hands it out. */
export const SignerTrustShape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trusted-signer'), name: z.string() }),
  z.object({ kind: z.literal('trusted-root'), root: z.object({ name: z.string(), fingerprint: z.string() }) }),
  z.object({ kind: z.literal('impostor'), knownName: z.string(), knownFingerprints: z.array(z.string()) }),
  z.object({ kind: z.literal('unknown') }),
]);
export type SignerTrustShape = z.infer<typeof SignerTrustShape>;

/**
 * A certificate that signed something (a bundle's report or the bundle itself), judged: its holder's name as the
 * certificate states it, its fingerprint, the verdict, and the certificate itself (DER, base64) for confirming an
 * unknown signer with `trust.addSigner` { certificateBase64, fingerprint }.
 */
export const JudgedCertificate = z.object({
  name: z.string(),
  fingerprint: z.string(),
  trust: SignerTrustShape,
  certificateBase64: z.string(),
});
export type JudgedCertificate = z.infer<typeof JudgedCertificate>;

/**
 * Issue 11, who signed: the certificates the user trusts. Failures are `invalid-input` with an issue whose code
 * says what was wrong (not-a-certificate, no-certificate, several-certificates, not-a-ca, fingerprint-mismatch,
 * no-such-signature, signature-not-intact, certificate-missing) or `conflict` (already-trusted, own-identity);
 * nothing is changed then.
 */
export const trustContract = {
  /** Confirmed signers and roots, and the app's own signing identities (trusted without a row, not removable here). */
  'trust.list': call(z.strictObject({}), z.object({
    signers: z.array(TrustedCertificateInfo),
    roots: z.array(TrustedCertificateInfo),
    ownIdentities: z.array(z.object({ identityId: Id, name: z.string(), organisation: z.string().nullable(), fingerprint: z.string() })),
  })),
  /**
   * Trusts one person's certificate: from a certificate file, or the signer certificate of signature `signature`
   * (1-based) of a PDF, which must verify. `fingerprint` is the one the user was shown and confirmed; a
   * different certificate is refused (fingerprint-mismatch). Required when taken from a PDF.
   */
  'trust.addSigner': call(z.union([
    z.strictObject({ certificateBase64: CertificateBase64, fingerprint: Fingerprint.optional(), note: TrustNote }),
    z.strictObject({ pdfBase64: z.base64().max(70_000_000), signature: z.number().int().min(1).max(1000), fingerprint: Fingerprint, note: TrustNote }),
  ]), TrustedCertificateInfo),
  /** Trusts a CA certificate (basicConstraints cA = TRUE, allowed to sign certificates) and every certificate it issues. */
  'trust.addRoot': call(z.strictObject({ certificateBase64: CertificateBase64, fingerprint: Fingerprint.optional(), note: TrustNote }), TrustedCertificateInfo),
  'trust.remove': call(z.strictObject({ id: Id }), z.object({ removed: TrustedCertificateInfo })),
} as const;
