import { createHash, sign } from 'node:crypto';
import forge from 'node-forge';
import type { SignerMaterial } from './identity.ts';

const { asn1 } = forge;
const { Class, Type } = asn1;

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

/**
 * A detached CMS SignedData (RFC 5652) over the PDF's signed byte ranges, as adbe.pkcs7.detached asks: SHA-256,
 * RSA PKCS#1 v1.5, the signer's certificate (and any chain from the PKCS#12) embedded, and the signed attributes
 * content-type, signing-time, message-digest and ESS signing-certificate-v2 (RFC 5035, binds the certificate).
 *
 * Why not @signpdf/signer-p12: it decodes the PKCS#12 again for every signature and runs RSA and SHA-256 in
 * forge's JavaScript (0.2 s with a 2048-bit key, 0.4 s with 3072 bits, on these machines). Here the key is opened
 * once (readIdentity) and hashing and RSA run in Node's native crypto; forge only writes the ASN.1.
 */
export function signedData(signedBytes: Buffer, material: SignerMaterial, signingTime: Date): Buffer {
  const { issuer, serial } = issuerAndSerial(material.certificate);
  const attributes = sortedSet([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(signedBytes).digest())),
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(material.certificate).digest())])])])),
  ]);
  // The signature is over the DER of the attributes as a SET OF (RFC 5652 5.4); in the SignerInfo they are [0] IMPLICIT.
  const signature = sign('sha256', der(asn1.create(Class.UNIVERSAL, Type.SET, true, attributes)), material.key);
  const sha256 = seq([oid(OID.sha256)]); // parameters absent, as RFC 5754 says to generate
  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    sha256,
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, attributes),
    seq([oid(OID.rsaEncryption), asn1.create(Class.UNIVERSAL, Type.NULL, false, '')]),
    octets(signature),
  ]);
  const certificates = [material.certificate, ...material.chain].map((c) => asn1.fromDer(forge.util.createBuffer(c.toString('binary'))));
  const content = seq([
    integer(1),
    asn1.create(Class.UNIVERSAL, Type.SET, true, [sha256]),
    seq([oid(OID.data)]),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, certificates),
    asn1.create(Class.UNIVERSAL, Type.SET, true, [signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [content])]));
}

/** The issuer Name and serialNumber exactly as encoded in the certificate (re-encoding could change string types). */
function issuerAndSerial(certificateDer: Buffer): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const cert = asn1.fromDer(forge.util.createBuffer(certificateDer.toString('binary')));
  const tbs = (cert.value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const offset = fields[0]!.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] EXPLICIT version is optional
  return { serial: fields[offset]!, issuer: fields[offset + 2]! };
}

const seq = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const integer = (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), asn1.create(Class.UNIVERSAL, Type.SET, true, [value])]);

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5, which CMS signing-time follows). */
function time(date: Date): forge.asn1.Asn1 {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

/** DER orders the members of a SET OF by their encodings (X.690 11.6). */
function sortedSet(items: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return items.map((item) => ({ item, bytes: der(item) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes)).map(({ item }) => item);
}
