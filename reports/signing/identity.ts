import { createPrivateKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { z } from 'zod';
import { certificateSummary, type CertificateSummary } from './certificate-summary.ts';
import { SigningError } from './signing-error.ts';

/** A reviewer's key and certificate, opened and checked, ready to sign with. Holds secrets: never log or export it. */
export interface SigningIdentity extends CertificateSummary {
  /** PKCS#12 with the private key in a shrouded (encrypted) bag, as @signpdf/signer-p12 reads it. */
  p12: Buffer;
  passphrase: string;
}

/**
 * What the app asks for when a reviewer makes a self-signed identity. Names follow X.520's upper bounds
 * (64 characters for CN, O and title). The passphrase protects the PKCS#12 if it is ever exported.
 */
export const SelfSignedIdentityRequest = z.strictObject({
  name: z.string().trim().min(1).max(64),
  role: z.string().trim().min(1).max(64).optional(),
  organisation: z.string().trim().min(1).max(64).optional(),
  email: z.email().max(128).optional(),
  validDays: z.number().int().min(1).max(3650),
  passphrase: z.string().min(8).max(1024),
  /** RSA key size; 3072 bits is the NIST recommendation for use beyond 2030. */
  keyBits: z.union([z.literal(2048), z.literal(3072)]).default(3072),
  /** Start of validity; defaults to a minute ago (tolerates clock skew). Tests use it to make expired identities. */
  notBefore: z.date().optional(),
});
export type SelfSignedIdentityRequest = z.input<typeof SelfSignedIdentityRequest>;

const generateRsaKeyPair = promisify(generateKeyPair);
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * PBES2 iterations for the PKCS#12's own encryption: OpenSSL's default. forge runs them in JavaScript on every
 * open, and at rest the PKCS#12 is inside a sealed envelope (scrypt + AES-256-GCM), which carries the real cost.
 */
const P12_ITERATIONS = 2048;

/**
 * A new RSA key (made by Node's native crypto: fast, off the main thread) and a self-signed X.509 certificate
 * (SHA-256; keyUsage digitalSignature + nonRepudiation, as document-signing profiles ask), as a PKCS#12
 * protected by `passphrase`.
 */
export async function createSelfSignedIdentity(request: SelfSignedIdentityRequest): Promise<Buffer> {
  const parsed = SelfSignedIdentityRequest.safeParse(request);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new SigningError('invalid-identity-request', `invalid identity request: ${fields}`, { fields });
  }
  const { name, role, organisation, email, validDays, passphrase, keyBits, notBefore } = parsed.data;
  const pair = await generateRsaKeyPair('rsa', {
    modulusLength: keyBits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(pair.privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey);
  cert.serialNumber = positiveSerial();
  const start = new Date(Math.floor((notBefore?.getTime() ?? Date.now() - 60_000) / 1000) * 1000);
  cert.validity.notBefore = start;
  cert.validity.notAfter = new Date(start.getTime() + validDays * DAY_MS);
  const subject = subjectFields({ name, role, organisation, email });
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
    ...(email ? [{ name: 'subjectAltName', altNames: [{ type: 1, value: email }] }] : []),
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return encodePkcs12(privateKey, [cert], passphrase);
}

export interface ReadIdentityOptions {
  /** The moment the certificate must be valid at; defaults to now. */
  now?: Date;
}

/**
 * Opens a PKCS#12 (.p12/.pfx) with its passphrase and checks it can sign now: it holds an RSA private key and the
 * certificate for that key, and the certificate is within its validity period. Each failure is a SigningError
 * with its own code (not-pkcs12, wrong-passphrase, no-private-key, no-certificate, unsupported-key,
 * certificate-expired, certificate-not-yet-valid).
 */
export function readIdentity(p12: Buffer, passphrase: string, options: ReadIdentityOptions = {}): SigningIdentity {
  const pfx = decodePkcs12(p12, passphrase);
  const keyOid = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const plainKeyOid = forge.pki.oids.keyBag!;
  const shrouded = pfx.getBags({ bagType: keyOid })[keyOid] ?? [];
  const plain = pfx.getBags({ bagType: plainKeyOid })[plainKeyOid] ?? [];
  if (shrouded.length + plain.length === 0) throw new SigningError('no-private-key', 'the PKCS#12 file holds no private key');
  // The first shrouded key, the one @signpdf/signer-p12 and most PKCS#12 readers take, is the key we sign with.
  const keyBag = shrouded[0] ?? plain[0]!;
  const key = keyBag.key as forge.pki.rsa.PrivateKey | null | undefined;
  if (!key) throw new SigningError('unsupported-key', 'the private key is not an RSA key (only RSA keys can sign here)');

  const certOid = forge.pki.oids.certBag!;
  const certs = (pfx.getBags({ bagType: certOid })[certOid] ?? []).map((bag) => bag.cert).filter((c): c is forge.pki.Certificate => !!c);
  const cert = certs.find((c) => {
    const publicKey = c.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0;
  });
  if (!cert) throw new SigningError('no-certificate', 'the PKCS#12 file has no certificate for its private key');

  const summary = certificateSummary(cert);
  const now = options.now ?? new Date();
  if (now.getTime() > summary.notAfter.getTime()) {
    throw new SigningError('certificate-expired', `the certificate expired on ${summary.notAfter.toISOString()}`, { notAfter: summary.notAfter.toISOString() });
  }
  if (now.getTime() < summary.notBefore.getTime()) {
    throw new SigningError('certificate-not-yet-valid', `the certificate is valid from ${summary.notBefore.toISOString()}`, { notBefore: summary.notBefore.toISOString() });
  }
  // A key in a plain keyBag is re-wrapped in a shrouded bag, the form other PKCS#12 readers expect.
  const signable = shrouded.length ? p12 : repack(key, cert, certs, passphrase);
  const identity: SigningIdentity = { ...summary, p12: signable, passphrase };
  const der = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');
  materials.set(identity, {
    key: createPrivateKey({ key: Buffer.from(forge.asn1.toDer(forge.pki.privateKeyToAsn1(key)).getBytes(), 'binary'), format: 'der', type: 'pkcs1' }),
    certificate: der(cert),
    chain: certs.filter((c) => c !== cert).map(der),
  });
  return identity;
}

/** The opened key and certificates behind a SigningIdentity, for the signer. */
export interface SignerMaterial {
  key: KeyObject;
  /** DER of the signer's certificate. */
  certificate: Buffer;
  /** DER of the other certificates in the PKCS#12 (the issuing chain, if any). */
  chain: Buffer[];
}

/**
 * Decoding a PKCS#12 costs forge thousands of hash rounds in JavaScript; readIdentity does it once and keeps
 * the opened key here (never on the identity object itself, so it is not copied, serialised or logged with it).
 */
const materials = new WeakMap<SigningIdentity, SignerMaterial>();

export function signerMaterialOf(identity: SigningIdentity): SignerMaterial {
  const known = materials.get(identity);
  if (known) return known;
  const reopened = readIdentity(identity.p12, identity.passphrase, { now: identity.notBefore });
  return materials.get(reopened)!;
}

function decodePkcs12(p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    throw new SigningError('not-pkcs12', 'the file is not a PKCS#12 (.p12/.pfx) file');
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = (error as Error).message;
    if (/invalid password|failed to decrypt|mac could not be verified/i.test(message)) {
      throw new SigningError('wrong-passphrase', 'the passphrase does not open this PKCS#12 file');
    }
    throw new SigningError('not-pkcs12', `the file is not a readable PKCS#12 file (${message})`, { reason: message });
  }
}

function repack(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate, all: forge.pki.Certificate[], passphrase: string): Buffer {
  return encodePkcs12(key, [cert, ...all.filter((c) => c !== cert)], passphrase);
}

/** AES-256 PBES2 with HMAC-SHA256 (forge passes prfAlgorithm through to PBES2; its type definitions omit it). */
function encodePkcs12(key: forge.pki.rsa.PrivateKey, chain: forge.pki.Certificate[], passphrase: string): Buffer {
  const options = { algorithm: 'aes256' as const, count: P12_ITERATIONS, prfAlgorithm: 'sha256' };
  return Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, chain, passphrase, options)).getBytes(), 'binary');
}

/** 16 random bytes, top bit clear (a positive INTEGER) and second bit set (no leading zero byte to trim). */
function positiveSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/**
 * Names as UTF8String (Finnish and Swedish names need more than PrintableString; forge encodes the JavaScript string
 * itself for this tag); e-mail as IA5String (RFC 5280).
 */
function subjectFields(fields: { name: string; role?: string | undefined; organisation?: string | undefined; email?: string | undefined }): forge.pki.CertificateField[] {
  const utf8 = (name: string, value: string) =>
    ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  return [
    utf8('commonName', fields.name),
    ...(fields.role ? [utf8('title', fields.role)] : []),
    ...(fields.organisation ? [utf8('organizationName', fields.organisation)] : []),
    ...(fields.email ? [{ name: 'emailAddress', value: fields.email, valueTagClass: forge.asn1.Type.IA5STRING as unknown as forge.asn1.Class }] : []),
  ];
}
