import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { describe, expect, test } from 'vitest';
import { createSelfSignedIdentity, readIdentity } from '../../reports/signing/identity.ts';
import { describeSealedIdentity, openSealedIdentity, sealIdentity } from '../../reports/signing/sealed-identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { SigningError } from '../../reports/signing/signing-error.ts';
import { verifyPdf } from '../../reports/signing/verify-pdf.ts';
import { PASSPHRASE, pdfsig, smallPdf, tempDir, tempFile, testIdentity } from '../fixtures/identities/identities.ts';

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;
const DAY = 24 * 60 * 60 * 1000;

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof SigningError) return error.code;
    throw error;
  }
  return undefined;
}

async function asyncCodeOf(action: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await action();
  } catch (error) {
    if (error instanceof SigningError) return error.code;
    throw error;
  }
  return undefined;
}

/** openssl reads the certificate out of the PKCS#12 on its own: an independent view of what we made. */
function opensslCertificate(p12: Buffer, passphrase: string): { text: string; fingerprint: string } {
  const file = tempFile('id.p12', p12);
  const pem = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${passphrase}`, '-nokeys', '-clcerts'], { encoding: 'utf8' });
  expect(pem.status, pem.stderr).toBe(0);
  const text = spawnSync('openssl', ['x509', '-noout', '-text', '-fingerprint', '-sha256', '-nameopt', 'utf8,sep_comma_plus_space'], { input: pem.stdout, encoding: 'utf8' });
  return { text: text.stdout, fingerprint: /sha256 Fingerprint=(\S+)/i.exec(text.stdout)?.[1] ?? '' };
}

describe('signing identities', () => {
  test('a self-signed identity: RSA 3072, SHA-256, digitalSignature + nonRepudiation, CN/O/title/e-mail in UTF-8', async () => {
    const p12 = await createSelfSignedIdentity({
      name: 'Maija Meikäläinen', role: 'Arvioija', organisation: 'Työ ja terveys ry', email: 'maija@example.fi', validDays: 365, passphrase: PASSPHRASE,
    });
    const identity = readIdentity(p12, PASSPHRASE);
    expect(identity).toMatchObject({ commonName: 'Maija Meikäläinen', role: 'Arvioija', organisation: 'Työ ja terveys ry', email: 'maija@example.fi', passphrase: PASSPHRASE });
    expect(identity.certificateFingerprint).toMatch(FINGERPRINT);
    expect(identity.notAfter.getTime() - identity.notBefore.getTime()).toBe(365 * DAY);

    const openssl = opensslCertificate(p12, PASSPHRASE);
    expect(openssl.fingerprint).toBe(identity.certificateFingerprint);
    expect(openssl.text).toContain('Public-Key: (3072 bit)');
    expect(openssl.text).toContain('sha256WithRSAEncryption');
    expect(openssl.text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(openssl.text).toContain('CN=Maija Meikäläinen');
    expect(openssl.text).toContain('O=Työ ja terveys ry');
  });

  test('a wrong passphrase, a file that is not PKCS#12, and a PKCS#12 without a private key are told apart', async () => {
    const { p12 } = await testIdentity('Testi Arvioija');
    expect(codeOf(() => readIdentity(p12, 'väärä-salasana'))).toBe('wrong-passphrase');
    expect(codeOf(() => readIdentity(Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'), PASSPHRASE))).toBe('not-pkcs12');
    const pdf = await smallPdf();
    expect(codeOf(() => readIdentity(pdf, PASSPHRASE))).toBe('not-pkcs12');
    expect(codeOf(() => readIdentity(Buffer.alloc(0), PASSPHRASE))).toBe('not-pkcs12');

    const cert = forge.pki.certificateFromPem(spawnSync('openssl', ['pkcs12', '-in', tempFile('id.p12', p12), '-passin', `pass:${PASSPHRASE}`, '-nokeys', '-clcerts'], { encoding: 'utf8' }).stdout);
    const certificateOnly = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(null, [cert], PASSPHRASE)).getBytes(), 'binary');
    expect(codeOf(() => readIdentity(certificateOnly, PASSPHRASE))).toBe('no-private-key');
  });

  test('an expired or not yet valid certificate is refused for signing', async () => {
    const expired = await createSelfSignedIdentity({ name: 'Vanha Arvioija', validDays: 30, passphrase: PASSPHRASE, keyBits: 2048, notBefore: new Date(Date.now() - 400 * DAY) });
    expect(codeOf(() => readIdentity(expired, PASSPHRASE))).toBe('certificate-expired');
    const future = await createSelfSignedIdentity({ name: 'Tuleva Arvioija', validDays: 30, passphrase: PASSPHRASE, keyBits: 2048, notBefore: new Date(Date.now() + 10 * DAY) });
    expect(codeOf(() => readIdentity(future, PASSPHRASE))).toBe('certificate-not-yet-valid');
    // Readable when asked about a moment inside its validity, so an app can still show it.
    expect(readIdentity(expired, PASSPHRASE, { now: new Date(Date.now() - 390 * DAY) }).commonName).toBe('Vanha Arvioija');
  });

  test('the request is validated: empty name, silly validity, short passphrase', async () => {
    for (const request of [
      { name: ' ', validDays: 30, passphrase: PASSPHRASE },
      { name: 'A', validDays: 0, passphrase: PASSPHRASE },
      { name: 'A', validDays: 30, passphrase: 'short' },
      { name: 'A', validDays: 30, passphrase: PASSPHRASE, email: 'not an e-mail' },
    ]) {
      expect(await asyncCodeOf(() => createSelfSignedIdentity(request))).toBe('invalid-identity-request');
    }
  });

  test('a PKCS#12 made by OpenSSL (AES-256, PBKDF2, SHA-256 MAC) imports and signs', async () => {
    const dir = tempDir();
    const key = join(dir, 'key.pem');
    const crt = join(dir, 'crt.pem');
    const out = join(dir, 'openssl.p12');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-subj', '/CN=Olli OpenSSL/O=Testi Oy', '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const exported = spawnSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', out, '-passout', 'pass:openssl-pass'], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);

    const identity = readIdentity(readFileSync(out), 'openssl-pass');
    expect(identity).toMatchObject({ commonName: 'Olli OpenSSL', organisation: 'Testi Oy' });
    const signed = await signPdf(await smallPdf(), identity, { reason: 'test', name: identity.commonName });
    expect(pdfsig(signed).signatures[0]).toMatchObject({ signerCommonName: 'Olli OpenSSL', validation: 'Signature is Valid.' });
    expect(verifyPdf(signed).valid).toBe(true);
  });
});

describe('sealed identities (what is stored at rest)', () => {
  test('round trip with a typed storage passphrase and with random secret bytes (as safeStorage would keep)', async () => {
    const { p12, identity } = await testIdentity('Sanna Sinetöity', { role: 'Arvioija' });
    const sealed = await sealIdentity(p12, PASSPHRASE, 'säilytys-salasana');
    const stored = JSON.stringify(sealed);
    const opened = await openSealedIdentity(stored, 'säilytys-salasana');
    expect(opened).toMatchObject({ commonName: 'Sanna Sinetöity', role: 'Arvioija', certificateFingerprint: identity.certificateFingerprint, passphrase: PASSPHRASE });
    expect(opened.p12.equals(p12)).toBe(true);
    // The same word in decomposed form (as macOS file dialogs may give it) opens it too.
    expect((await openSealedIdentity(stored, 'säilytys-salasana'.normalize('NFD'))).commonName).toBe('Sanna Sinetöity');

    const secret = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
    const withSecret = await sealIdentity(p12, PASSPHRASE, secret);
    expect((await openSealedIdentity(withSecret, secret)).certificateFingerprint).toBe(identity.certificateFingerprint);
    expect(describeSealedIdentity(stored)).toEqual({
      commonName: 'Sanna Sinetöity', role: 'Arvioija', certificateFingerprint: identity.certificateFingerprint,
      notBefore: identity.notBefore.toISOString(), notAfter: identity.notAfter.toISOString(),
    });
  });

  test('a wrong storage secret, an edited description, another format version and junk are refused', async () => {
    const { p12 } = await testIdentity('Sanna Sinetöity');
    const sealed = await sealIdentity(p12, PASSPHRASE, 'oikea-salasana');
    expect(await asyncCodeOf(() => openSealedIdentity(sealed, 'väärä-salasana'))).toBe('wrong-storage-secret');
    expect(await asyncCodeOf(() => openSealedIdentity({ ...sealed, certificate: { ...sealed.certificate, commonName: 'Joku Muu' } }, 'oikea-salasana'))).toBe('wrong-storage-secret');
    expect(await asyncCodeOf(() => openSealedIdentity({ ...sealed, version: 2 }, 'oikea-salasana'))).toBe('sealed-identity-unsupported-version');
    expect(await asyncCodeOf(() => openSealedIdentity('{"format":"something-else"}', 'oikea-salasana'))).toBe('sealed-identity-invalid');
    expect(await asyncCodeOf(() => openSealedIdentity('not json', 'oikea-salasana'))).toBe('sealed-identity-invalid');
    expect(await asyncCodeOf(() => sealIdentity(p12, 'väärä', 'oikea-salasana'))).toBe('wrong-passphrase');
  });

  test('a sealed envelope holds no PEM, no plain key material, neither passphrase and not the PKCS#12', async () => {
    const { p12, identity } = await testIdentity('Sanna Sinetöity');
    const stored = JSON.stringify(await sealIdentity(p12, PASSPHRASE, 'säilytys-salasana'));
    expect(stored).not.toMatch(/-----BEGIN|PRIVATE KEY/);
    expect(stored).not.toContain(PASSPHRASE);
    expect(stored).not.toContain('säilytys-salasana');
    expect(stored).not.toContain(p12.toString('base64').slice(100, 160));
    expect(stored).not.toContain(p12.toString('hex').slice(100, 160));
    const ciphertext = Buffer.from(JSON.parse(stored).ciphertext, 'base64');
    expect(ciphertext.includes(p12.subarray(100, 164))).toBe(false);
    expect(ciphertext.toString('latin1')).not.toContain(PASSPHRASE);
    // Only the public description is readable, and it names no secret.
    expect(Object.keys(JSON.parse(stored)).sort()).toEqual(['certificate', 'cipher', 'ciphertext', 'format', 'kdf', 'version']);
    expect(JSON.parse(stored).certificate.certificateFingerprint).toBe(identity.certificateFingerprint);
  });
});
