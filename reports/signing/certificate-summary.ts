import { createHash } from 'node:crypto';
import forge from 'node-forge';

/** What a person needs to recognise a signer's certificate: names, validity and its SHA-256 fingerprint. */
export interface CertificateSummary {
  commonName: string;
  organisation?: string;
  /** X.520 title: the reviewer's role, where the certificate carries one. */
  role?: string;
  email?: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by colons ("AB:CD:…"), as certificate viewers show it. */
  certificateFingerprint: string;
  notBefore: Date;
  notAfter: Date;
}

export function certificateSummary(cert: forge.pki.Certificate): CertificateSummary {
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const field = (name: string) => {
    const found = cert.subject.getField({ name }) as { value: string; valueTagClass?: number } | null;
    return found ? decodeDirectoryString(found.value, found.valueTagClass) : undefined;
  };
  const organisation = field('organizationName');
  const role = field('title');
  const email = field('emailAddress');
  return {
    commonName: field('commonName') ?? '',
    ...(organisation ? { organisation } : {}),
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    certificateFingerprint: fingerprintOf(der),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}

export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/** forge keeps attribute values as the raw bytes of their string type; UTF8String and BMPString need decoding. */
export function decodeDirectoryString(raw: string, tag: number | undefined): string {
  if (tag === forge.asn1.Type.UTF8) return Buffer.from(raw, 'binary').toString('utf8');
  if (tag === forge.asn1.Type.BMPSTRING) return Buffer.from(raw, 'binary').swap16().toString('utf16le');
  return raw;
}
