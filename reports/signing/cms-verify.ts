import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { children, oidOf, tbsFields } from './asn1-nodes.ts';
import { decodeDirectoryString, fingerprintOf } from './certificate-summary.ts';
import { OID } from './cms-signed-data.ts';
import type { CmsSigner } from './verification-report.ts';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

/** What a detached CMS signature says and whether it holds for the given signed bytes. */
export interface CmsVerification extends CmsSigner {
  /** From the signing-time signed attribute, when present. */
  signingTime: Date | null;
  /** The first failure, if any: the signature's bytes are intact only when this is null. */
  failure: { code: 'signature-unreadable' | 'unsupported-signature' | 'certificate-missing' | 'digest-mismatch' | 'signature-invalid'; detail: string } | null;
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
/** Signature algorithms whose verification is the key's natural one (RSA PKCS#1 v1.5 or ECDSA with DER signatures). */
const SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1', '1.2.840.113549.1.1.5', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13',
  '1.2.840.10045.2.1', '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
]);

/**
 * Checks a detached CMS SignedData (PDF adbe.pkcs7.detached / ETSI.CAdES.detached) against the bytes it should
 * cover: the message-digest attribute must equal the hash of those bytes, and the signature over the signed
 * attributes must verify with the embedded signer certificate's public key. Trust in the certificate (who issued
 * it) is a separate question this does not answer.
 */
export function verifyDetachedCms(der: Buffer, signedParts: readonly Buffer[]): CmsVerification {
  const result: CmsVerification = { signerName: null, organisation: null, certificateFingerprint: null, certificateDer: null, chainDer: [], signingTime: null, failure: null };
  const fail = (code: NonNullable<CmsVerification['failure']>['code'], detail: string) => ({ ...result, failure: { code, detail } });

  let root: Node;
  try {
    // /Contents is zero-padded after the DER, so trailing bytes are expected. (forge's types omit the options form.)
    const fromDer = asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: object) => Node;
    root = fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false, decodeBitStrings: false });
  } catch (error) {
    return fail('signature-unreadable', `not DER-encoded CMS (${(error as Error).message})`);
  }
  const signed = signedDataOf(root);
  if (!signed) return fail('signature-unreadable', 'not a CMS SignedData structure');
  if (signed.encapsulatedContent) return fail('unsupported-signature', 'the signature embeds its content (not a detached signature)');
  if (signed.signerInfos.length !== 1) return fail('unsupported-signature', `expected one signer, found ${signed.signerInfos.length}`);
  const signer = signerInfoOf(signed.signerInfos[0]!);
  if (!signer) return fail('signature-unreadable', 'the SignerInfo cannot be read');

  const certificate = signed.certificates.find((c) => signer.issuerSerial === null || issuerSerialOf(c) === signer.issuerSerial);
  if (!certificate) return fail('certificate-missing', 'the signer certificate is not embedded in the signature');
  const certDer = Buffer.from(asn1.toDer(certificate).getBytes(), 'binary');
  const names = subjectNamesOf(certificate);
  result.signerName = names.commonName;
  result.organisation = names.organisation;
  result.certificateFingerprint = fingerprintOf(certDer);
  result.certificateDer = certDer;
  result.chainDer = signed.certificates.filter((c) => c !== certificate).map((c) => Buffer.from(asn1.toDer(c).getBytes(), 'binary'));

  const hash = HASHES[signer.digestAlgorithm];
  if (!hash) return fail('unsupported-signature', `digest algorithm ${signer.digestAlgorithm} is not supported`);
  if (!SIGNATURE_ALGORITHMS.has(signer.signatureAlgorithm)) return fail('unsupported-signature', `signature algorithm ${signer.signatureAlgorithm} is not supported`);
  const digest = signedParts.reduce((h, part) => h.update(part), createHash(hash)).digest();

  let dataToVerify: Buffer;
  if (signer.signedAttributes) {
    const attributes = attributesOf(signer.signedAttributes);
    const messageDigest = attributes.get(OID.messageDigest);
    const time = attributes.get(OID.signingTime);
    if (time) result.signingTime = timeOf(time);
    if (!messageDigest || messageDigest.type !== asn1.Type.OCTETSTRING) return fail('signature-unreadable', 'the message-digest attribute is missing');
    if (!Buffer.from(messageDigest.value as string, 'binary').equals(digest)) {
      return fail('digest-mismatch', 'the signed bytes have changed since signing (their hash differs from the signed message digest)');
    }
    const boundCertificate = essCertificateHash(attributes);
    if (boundCertificate && !createHash(boundCertificate.hash).update(certDer).digest().equals(boundCertificate.value)) {
      return fail('signature-invalid', 'the embedded signer certificate is not the one the signature names (its signed certificate hash differs)');
    }
    // The signature covers the attributes' DER with the SET OF tag, not the [0] IMPLICIT tag they carry (RFC 5652 5.4).
    dataToVerify = Buffer.from(asn1.toDer(signer.signedAttributes).getBytes(), 'binary');
    dataToVerify[0] = 0x31;
  } else {
    dataToVerify = Buffer.concat(signedParts);
  }
  let ok: boolean;
  try {
    ok = verify(hash, dataToVerify, new X509Certificate(certDer).publicKey, signer.signature);
  } catch (error) {
    return fail('signature-invalid', `the signature cannot be checked (${(error as Error).message})`);
  }
  return ok ? result : fail('signature-invalid', "the signature does not match the signer certificate's key");
}

interface SignedDataParts {
  encapsulatedContent: boolean;
  certificates: Node[];
  signerInfos: Node[];
}

function signedDataOf(root: Node): SignedDataParts | null {
  const [type, wrapped] = children(root);
  if (!type || oidOf(type) !== OID.signedData || !wrapped) return null;
  const [signedData] = children(wrapped);
  const parts = children(signedData);
  const encap = parts[2];
  const signerInfos = parts.at(-1);
  if (!encap || !signerInfos || signerInfos.type !== asn1.Type.SET) return null;
  const certificateSet = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  return { encapsulatedContent: children(encap).length > 1, certificates: children(certificateSet), signerInfos: children(signerInfos) };
}

interface SignerInfoParts {
  /** issuer DER + serial as hex, or null when the signer is named by subject key identifier. */
  issuerSerial: string | null;
  digestAlgorithm: string;
  signedAttributes: Node | null;
  signatureAlgorithm: string;
  signature: Buffer;
}

function signerInfoOf(info: Node): SignerInfoParts | null {
  const parts = children(info);
  const [, sid, digestAlgorithm] = parts;
  const signedAttributes = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0) ?? null;
  const rest = parts.slice(signedAttributes ? 4 : 3);
  const [signatureAlgorithm, signature] = rest;
  if (!sid || !digestAlgorithm || !signatureAlgorithm || !signature || signature.type !== asn1.Type.OCTETSTRING) return null;
  const issuerSerial = sid.tagClass === asn1.Class.UNIVERSAL && sid.type === asn1.Type.SEQUENCE
    ? issuerSerialKey(children(sid)[0], children(sid)[1])
    : null;
  return {
    issuerSerial,
    digestAlgorithm: oidOf(children(digestAlgorithm)[0]),
    signedAttributes,
    signatureAlgorithm: oidOf(children(signatureAlgorithm)[0]),
    signature: Buffer.from(signature.value as string, 'binary'),
  };
}


function issuerSerialOf(certificate: Node): string | null {
  const fields = tbsFields(certificate);
  return issuerSerialKey(fields[2], fields[0]);
}

function issuerSerialKey(issuer: Node | undefined, serial: Node | undefined): string | null {
  if (!issuer || !serial) return null;
  const serialHex = forge.util.bytesToHex(serial.value as string).replace(/^(00)+(?=.)/, '');
  return `${forge.util.bytesToHex(asn1.toDer(issuer).getBytes())}/${serialHex}`;
}

function subjectNamesOf(certificate: Node): { commonName: string | null; organisation: string | null } {
  const subject = tbsFields(certificate)[4];
  const found = new Map<string, string>();
  for (const rdn of children(subject)) {
    for (const pair of children(rdn)) {
      const [type, value] = children(pair);
      if (type && value && !found.has(oidOf(type))) found.set(oidOf(type), decodeDirectoryString(value.value as string, value.type));
    }
  }
  return { commonName: found.get('2.5.4.3') ?? null, organisation: found.get('2.5.4.10') ?? null };
}

const ESS_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';

/**
 * The certificate hash of the ESS signing-certificate(-v2) attribute (RFC 2634, RFC 5035), which binds the signer
 * certificate into the signed attributes; without this check the embedded certificate's unsigned parts could
 * change while the signature still verifies.
 */
function essCertificateHash(attributes: Map<string, Node>): { hash: string; value: Buffer } | null {
  const v2 = attributes.get(OID.signingCertificateV2);
  const v1 = attributes.get(ESS_SIGNING_CERTIFICATE);
  const first = children(children(v2 ?? v1)[0])[0];
  const parts = children(first);
  if (!parts.length) return null;
  const [algorithm, hash] = parts[0]!.type === asn1.Type.SEQUENCE ? [HASHES[oidOf(children(parts[0])[0])], parts[1]] : [v2 ? 'sha256' : 'sha1', parts[0]];
  if (!algorithm || hash?.type !== asn1.Type.OCTETSTRING) return null;
  return { hash: algorithm, value: Buffer.from(hash.value as string, 'binary') };
}

function attributesOf(set: Node): Map<string, Node> {
  const map = new Map<string, Node>();
  for (const attribute of children(set)) {
    const [type, values] = children(attribute);
    const first = children(values)[0];
    if (type && first) map.set(oidOf(type), first);
  }
  return map;
}

function timeOf(node: Node): Date | null {
  try {
    const value = node.value as string;
    if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(value);
    if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(value);
  } catch {
    // an unreadable time is reported as no time
  }
  return null;
}


