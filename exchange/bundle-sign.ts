import { constants, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { certificateSummary, fingerprintOf, type CertificateSummary } from '../reports/signing/certificate-summary.ts';
import { canonicalJson } from '../scales/canonical-json.ts';
import type { Problem } from '../scales/problem.ts';
import { SIGNATURE_ALGORITHM, type BundleSignature } from './bundle-format.ts';

/** PSS with a salt as long as the hash: the usual choice (RFC 8017 9.1, and what OpenSSL's "digest" length means). */
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } as const;

/** What signing needs: the opened key and its certificate (reports/signing/identity.ts signerMaterialOf). */
export interface BundleSigner {
  key: KeyObject;
  /** DER */
  certificate: Buffer;
}

/** Signs the canonical JSON of `content`: formatting and key order of the file then do not matter. */
export function signBundleContent(content: unknown, signer: BundleSigner): BundleSignature {
  const value = sign('sha256', Buffer.from(canonicalJson(content), 'utf8'), { key: signer.key, ...PSS });
  return { algorithm: SIGNATURE_ALGORITHM, certificate: signer.certificate.toString('base64'), value: value.toString('base64') };
}

export type SignatureCheck =
  | { ok: true; certificate: CertificateSummary }
  | { ok: false; problem: Problem };

/**
 * Checks the signature over `content` (exactly as it came, before any schema cleaned it) with the embedded
 * certificate, and returns who the certificate names. `known`: canonical texts already worked out (the scales'). Whose certificate it is, no file can prove: the user
 * compares the fingerprint with the exporter by other means, as for signed reports.
 */
export function verifyBundleSignature(content: unknown, signature: BundleSignature, known?: ReadonlyMap<object, string>): SignatureCheck {
  const certificate = openCertificate(Buffer.from(signature.certificate, 'base64'));
  if ('problem' in certificate) return { ok: false, problem: certificate.problem };
  let valid = false;
  try {
    valid = verify('sha256', Buffer.from(canonicalJson(content, known), 'utf8'), { key: certificate.publicKey, ...PSS }, Buffer.from(signature.value, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return fail('signature-invalid', 'signature.value', 'the signature does not match the content: the bundle was changed after it was signed, or damaged');
  return { ok: true, certificate: certificate.summary };
}

interface OpenedCertificate { publicKey: KeyObject; summary: CertificateSummary }

/**
 * Opening a certificate (OpenSSL's decoders, then forge for the names) costs more than checking the signature;
 * an organisation imports many bundles from a few exporters, so the last few opened are kept, by their DER bytes.
 */
const opened = new Map<string, OpenedCertificate>();
const OPENED_KEPT = 32;

function openCertificate(der: Buffer): OpenedCertificate | { problem: Problem } {
  const key = der.toString('base64');
  const known = opened.get(key);
  if (known) return known;
  let result: OpenedCertificate;
  try {
    const certificate = new X509Certificate(der);
    const parsed = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary'))));
    // The fingerprint of the bytes as they came, not of forge's re-encoding of them.
    result = { publicKey: certificate.publicKey, summary: { ...certificateSummary(parsed), certificateFingerprint: fingerprintOf(der) } };
  } catch {
    return { problem: { code: 'certificate-unreadable', path: 'signature.certificate', message: 'the signing certificate cannot be read (an RSA X.509 certificate is expected)' } };
  }
  if (result.publicKey.asymmetricKeyType !== 'rsa') {
    return { problem: { code: 'certificate-unsupported', path: 'signature.certificate', message: 'the signing certificate does not hold an RSA key' } };
  }
  if (opened.size >= OPENED_KEPT) opened.delete(opened.keys().next().value!);
  opened.set(key, result);
  return result;
}

function fail(code: string, path: string, message: string): SignatureCheck {
  return { ok: false, problem: { code, path, message } };
}
