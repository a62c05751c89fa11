import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { children, oidOf, tbsFields } from './asn1-nodes.ts';
import { decodeDirectoryString, fingerprintOf } from './certificate-summary.ts';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;
/** BIT STRINGs kept as bytes (forge would otherwise try to read their content as ASN.1). forge's types omit the options form. */
const fromDer = (bytes: string): Node =>
  (asn1.fromDer as unknown as (input: forge.util.ByteStringBuffer, options: object) => Node)(forge.util.createBuffer(bytes), { decodeBitStrings: false });

/**
 * What trust judgement needs from an X.509 certificate, read from its DER at the ASN.1 level (so certificates with
 * any key type are read, not only the RSA ones forge's certificate parser accepts).
 */
export interface CertificateFacts {
  der: Buffer;
  /** SHA-256 of the DER, "AB:CD:…" (fingerprintOf). */
  fingerprint: string;
  commonName: string | null;
  organisation: string | null;
  /** basicConstraints cA = TRUE. */
  ca: boolean;
  /** basicConstraints pathLenConstraint, when given. */
  pathLength: number | null;
  /** keyUsage keyCertSign; null when the certificate has no keyUsage extension (then any use is allowed). */
  keyCertSign: boolean | null;
  notBefore: Date;
  notAfter: Date;
  x509: X509Certificate;
}

export class CertificateError extends Error {
  constructor(readonly code: 'not-a-certificate' | 'no-certificate', message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

const OID_COMMON_NAME = '2.5.4.3';
const OID_ORGANISATION = '2.5.4.10';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_KEY_USAGE = '2.5.29.15';
/** keyUsage bit 5 (keyCertSign), counted from the most significant bit of the first byte. */
const KEY_CERT_SIGN_MASK = 0x04;

/** Reads one DER certificate; a CertificateError when the bytes are not an X.509 certificate. */
export function certificateFacts(der: Buffer): CertificateFacts {
  let x509: X509Certificate;
  let root: Node;
  try {
    x509 = new X509Certificate(der);
    root = fromDer(der.toString('binary'));
  } catch (error) {
    throw new CertificateError('not-a-certificate', `not an X.509 certificate (${(error as Error).message})`);
  }
  const fields = tbsFields(root);
  const names = subjectNames(fields[4]);
  const extensions = extensionsOf(fields);
  const constraints = basicConstraints(extensions.get(OID_BASIC_CONSTRAINTS));
  return {
    der: Buffer.from(x509.raw),
    fingerprint: fingerprintOf(x509.raw),
    commonName: names.get(OID_COMMON_NAME) ?? null,
    organisation: names.get(OID_ORGANISATION) ?? null,
    ca: constraints.ca,
    pathLength: constraints.pathLength,
    keyCertSign: keyCertSign(extensions.get(OID_KEY_USAGE)),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    x509,
  };
}

const PEM_BLOCK = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

/**
 * The certificates of a .pem/.crt/.cer file: every PEM CERTIFICATE block, or the whole file as one DER certificate.
 * A CertificateError when there is none or one is unreadable.
 */
export function readCertificates(bytes: Buffer): CertificateFacts[] {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN')) {
    const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
    if (blocks.length === 0) throw new CertificateError('no-certificate', 'the PEM text holds no CERTIFICATE block');
    return blocks.map(certificateFacts);
  }
  return [certificateFacts(bytes)];
}

/** Valid at `at`: within notBefore..notAfter. */
export function validAt(certificate: CertificateFacts, at: Date): boolean {
  return certificate.notBefore.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.getTime();
}




/** The first value of each attribute type in the subject. */
function subjectNames(subject: Node | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const rdn of children(subject)) {
    for (const pair of children(rdn)) {
      const [type, value] = children(pair);
      if (type && value && typeof value.value === 'string' && !found.has(oidOf(type))) found.set(oidOf(type), decodeDirectoryString(value.value, value.type));
    }
  }
  return found;
}

/** Extension OID -> the extnValue's inner ASN.1 (the [3] EXPLICIT Extensions of a v3 certificate). */
function extensionsOf(fields: Node[]): Map<string, Node> {
  const found = new Map<string, Node>();
  const wrapper = fields.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 3);
  for (const extension of children(children(wrapper)[0])) {
    const parts = children(extension);
    const value = parts.at(-1);
    if (!value || value.type !== asn1.Type.OCTETSTRING || typeof value.value !== 'string') continue;
    try {
      found.set(oidOf(parts[0]), fromDer(value.value));
    } catch {
      // an unreadable extension is treated as absent; it can only make a certificate less trusted
    }
  }
  return found;
}

function basicConstraints(value: Node | undefined): { ca: boolean; pathLength: number | null } {
  const [first, second] = children(value);
  const ca = first?.type === asn1.Type.BOOLEAN && first.value !== '\x00';
  const lengthNode = first?.type === asn1.Type.INTEGER ? first : second;
  const pathLength = lengthNode?.type === asn1.Type.INTEGER ? parseInt(forge.util.bytesToHex(lengthNode.value as string) || '0', 16) : null;
  return { ca, pathLength };
}

function keyCertSign(value: Node | undefined): boolean | null {
  if (!value || value.type !== asn1.Type.BITSTRING || typeof value.value !== 'string') return null;
  // BIT STRING content: the count of unused bits, then the bits.
  return ((value.value.charCodeAt(1) || 0) & KEY_CERT_SIGN_MASK) !== 0;
}
