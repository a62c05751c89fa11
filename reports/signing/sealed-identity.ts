import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../scales/canonical-json.ts';
import { readIdentity, type ReadIdentityOptions, type SigningIdentity } from './identity.ts';
import { SigningError } from './signing-error.ts';

/**
 * How a signing identity is kept at rest: the PKCS#12 and its passphrase, encrypted with AES-256-GCM under a key
 * derived by scrypt from a storage secret. The storage secret is either a passphrase the reviewer types or, in
 * the desktop app, random bytes that Electron's safeStorage keeps (the OS keychain / DPAPI / libsecret); this
 * module takes either and never sees where it came from.
 *
 * The certificate's public description travels in clear (so the app can list identities without unlocking them)
 * but is bound to the ciphertext as GCM additional data: editing it makes opening fail.
 */
const FORMAT = 'ips-fidelity-sealed-identity';
const VERSION = 1;
const base64 = (bytes?: number) => z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).refine((s) => bytes === undefined || Buffer.from(s, 'base64').length === bytes);

export const SealedIdentity = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64(16),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: base64(12), tag: base64(16) }),
  certificate: z.strictObject({
    commonName: z.string(),
    organisation: z.string().optional(),
    role: z.string().optional(),
    email: z.string().optional(),
    certificateFingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
    notBefore: z.iso.datetime(),
    notAfter: z.iso.datetime(),
  }),
  ciphertext: base64(),
});
export type SealedIdentity = z.infer<typeof SealedIdentity>;

/** A typed passphrase (normalised to NFC, so the same word typed on macOS and Windows gives the same key) or raw secret bytes. */
export type StorageSecret = string | Uint8Array;

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const deriveKey = (secret: StorageSecret, salt: Buffer, params: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
    const input = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : Buffer.from(secret);
    scrypt(input, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** Checks the PKCS#12 opens with `passphrase` (and is valid now), then seals both under `storageSecret`. */
export async function sealIdentity(p12: Buffer, passphrase: string, storageSecret: StorageSecret, options: ReadIdentityOptions = {}): Promise<SealedIdentity> {
  const identity = readIdentity(p12, passphrase, options);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: salt.toString('base64') };
  const certificate = describe(identity);
  const key = await deriveKey(storageSecret, salt, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData({ kdf, iv: iv.toString('base64'), certificate }));
  const plaintext = Buffer.from(canonicalJson({ p12: identity.p12.toString('base64'), passphrase }), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  key.fill(0);
  return {
    format: FORMAT,
    version: VERSION,
    kdf,
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    certificate,
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The certificate description of a sealed identity, without opening it (for lists and pickers). */
export function describeSealedIdentity(envelope: unknown): SealedIdentity['certificate'] {
  return parseEnvelope(envelope).certificate;
}

/** Opens a sealed identity (an object or its JSON text) with the storage secret and checks it as readIdentity does. */
export async function openSealedIdentity(envelope: unknown, storageSecret: StorageSecret, options: ReadIdentityOptions = {}): Promise<SigningIdentity> {
  const sealed = parseEnvelope(envelope);
  const key = await deriveKey(storageSecret, Buffer.from(sealed.kdf.salt, 'base64'), sealed.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.cipher.iv, 'base64'));
  decipher.setAAD(additionalData({ kdf: sealed.kdf, iv: sealed.cipher.iv, certificate: sealed.certificate }));
  decipher.setAuthTag(Buffer.from(sealed.cipher.tag, 'base64'));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new SigningError('wrong-storage-secret', 'the storage passphrase does not open this identity (or the stored identity was altered)');
  } finally {
    key.fill(0);
  }
  const inner = z.strictObject({ p12: base64(), passphrase: z.string() }).parse(JSON.parse(plaintext.toString('utf8')));
  plaintext.fill(0);
  return readIdentity(Buffer.from(inner.p12, 'base64'), inner.passphrase, options);
}

function parseEnvelope(envelope: unknown): SealedIdentity {
  let value = envelope;
  if (typeof envelope === 'string') {
    try {
      value = JSON.parse(envelope);
    } catch {
      throw new SigningError('sealed-identity-invalid', 'the stored identity is not JSON');
    }
  }
  const head = z.looseObject({ format: z.literal(FORMAT), version: z.number() }).safeParse(value);
  if (!head.success) throw new SigningError('sealed-identity-invalid', 'not a sealed IPS Fidelity identity');
  if (head.data.version !== VERSION) {
    throw new SigningError('sealed-identity-unsupported-version', `sealed identity version ${head.data.version} is not supported (this app reads version ${VERSION})`, { version: head.data.version });
  }
  const parsed = SealedIdentity.safeParse(value);
  if (!parsed.success) throw new SigningError('sealed-identity-invalid', `the sealed identity is damaged (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
  return parsed.data;
}

function describe(identity: SigningIdentity): SealedIdentity['certificate'] {
  const { commonName, organisation, role, email, certificateFingerprint, notBefore, notAfter } = identity;
  return {
    commonName,
    ...(organisation ? { organisation } : {}),
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    certificateFingerprint,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}

function additionalData(parts: { kdf: SealedIdentity['kdf']; iv: string; certificate: SealedIdentity['certificate'] }): Buffer {
  return Buffer.from(canonicalJson({ format: FORMAT, version: VERSION, ...parts }), 'utf8');
}
