import { beforeAll, describe, expect, test } from 'vitest';
import { certificateFacts, CertificateError, readCertificates } from '../../reports/signing/certificate-facts.ts';
import { comparableName, judgeSigner, overallTrust, type SignatureForTrust, type SignerTrust, type TrustAnchors } from '../../reports/signing/signer-trust.ts';
import { testCertificate, type TestCertificate } from '../fixtures/identities/certificate-authority.ts';

const REVIEWER = 'Maija Meikäläinen';
const ORG = 'Työ ja terveys ry';

let reviewer: TestCertificate;
let root: TestCertificate;
let anchors: TrustAnchors;

const signature = (leaf: TestCertificate | null, chain: TestCertificate[] = [], extra: Partial<SignatureForTrust> = {}): SignatureForTrust => ({
  certificateDer: leaf?.der ?? null,
  chainDer: chain.map((c) => c.der),
  signerName: leaf ? certificateFacts(leaf.der).commonName : null,
  certificateFingerprint: leaf ? certificateFacts(leaf.der).fingerprint : null,
  signingTime: null,
  ...extra,
});

beforeAll(() => {
  reviewer = testCertificate(REVIEWER, { organisation: ORG });
  root = testCertificate('Työ ja terveys ry CA', { organisation: ORG, ca: true, validDays: 3650 });
  const facts = certificateFacts(reviewer.der);
  anchors = {
    signers: [{ fingerprint: facts.fingerprint, name: REVIEWER, organisation: ORG, der: reviewer.der }],
    roots: [{ fingerprint: certificateFacts(root.der).fingerprint, name: 'Työ ja terveys ry CA', der: root.der }],
  };
});

describe('an attacker cannot borrow a known reviewer’s name', () => {
  test('a self-signed certificate with the reviewer’s exact name and organisation is an impostor, not trusted', () => {
    const forged = testCertificate(REVIEWER, { organisation: ORG });
    expect(judgeSigner(signature(forged), anchors)).toEqual({ kind: 'impostor', knownName: REVIEWER, knownFingerprints: [anchors.signers[0]!.fingerprint] });
  });

  test.each([
    ['upper case', 'MAIJA MEIKÄLÄINEN'],
    ['extra and odd white space', '  Maija \u00a0\t Meikäläinen '],
    ['decomposed umlauts (NFD)', 'Maija Meika\u0308la\u0308inen'],
    ['a zero-width space', 'Mai\u200bja Meikäläinen'],
    ['a soft hyphen', 'Maija Meikä\u00adläinen'],
    ['Cyrillic а and е for Latin a and e', 'M\u0430ija Meikäläin\u0435n'],
    ['full-width letters', 'Ｍａｉｊａ Meikäläinen'],
  ])('%s is still the reviewer’s name: impostor', (_what, name) => {
    expect(judgeSigner(signature(testCertificate(name)), anchors).kind).toBe('impostor');
  });

  test('a forged certificate cannot claim the trusted fingerprint in the report: the fingerprint is computed from the DER', () => {
    const forged = testCertificate(REVIEWER);
    const claimed = signature(forged, [], { certificateFingerprint: anchors.signers[0]!.fingerprint });
    expect(judgeSigner(claimed, anchors).kind).toBe('impostor');
  });

  test('an unsigned name (no certificate) matching the reviewer is never trusted', () => {
    expect(judgeSigner(signature(null, [], { signerName: REVIEWER }), anchors).kind).toBe('impostor');
    expect(judgeSigner(signature(null, [], { signerName: 'Someone Else' }), anchors).kind).toBe('unknown');
  });

  test('a fake CA with the trusted root’s name, carried in the chain, vouches for nothing', () => {
    const fakeRoot = testCertificate('Työ ja terveys ry CA', { organisation: ORG, ca: true });
    const leaf = testCertificate(REVIEWER, { issuer: fakeRoot });
    expect(judgeSigner(signature(leaf, [fakeRoot]), anchors).kind).toBe('impostor');
    const stranger = testCertificate('Pekka Puupää', { issuer: fakeRoot });
    expect(judgeSigner(signature(stranger, [fakeRoot]), anchors)).toEqual({ kind: 'unknown' });
  });

  test('a certificate issued by a trusted root’s non-CA leaf does not chain', () => {
    const notCa = testCertificate('Pekka Puupää', { issuer: root });
    const leaf = testCertificate('Ville Vallaton', { issuer: notCa });
    expect(judgeSigner(signature(leaf, [notCa]), anchors)).toEqual({ kind: 'unknown' });
  });

  test('an intermediate CA without keyCertSign, or beyond the root’s path length, does not chain', () => {
    const noSign = testCertificate('Välivarmenne', { issuer: root, ca: true, keyCertSign: false });
    expect(judgeSigner(signature(testCertificate('Ville', { issuer: noSign }), [noSign]), anchors).kind).toBe('unknown');
    const strictRoot = testCertificate('Tiukka juuri', { ca: true, pathLength: 0 });
    const intermediate = testCertificate('Väli', { issuer: strictRoot, ca: true });
    const strictAnchors = { signers: [], roots: [{ fingerprint: certificateFacts(strictRoot.der).fingerprint, name: 'Tiukka juuri', der: strictRoot.der }] };
    expect(judgeSigner(signature(testCertificate('Ville', { issuer: intermediate }), [intermediate]), strictAnchors).kind).toBe('unknown');
    expect(judgeSigner(signature(testCertificate('Ville', { issuer: strictRoot })), strictAnchors).kind).toBe('trusted-root');
  });
});

describe('trusted signers and roots', () => {
  test('the exact confirmed certificate is a trusted signer', () => {
    expect(judgeSigner(signature(reviewer), anchors)).toEqual({ kind: 'trusted-signer', name: REVIEWER });
  });

  test('the app’s own identity, known by fingerprint and name only, is a trusted signer', () => {
    const own = testCertificate('Åsa Öberg');
    const ownAnchors = { signers: [{ fingerprint: certificateFacts(own.der).fingerprint, name: 'Åsa Öberg', organisation: null, der: null }], roots: [] };
    expect(judgeSigner(signature(own), ownAnchors)).toEqual({ kind: 'trusted-signer', name: 'Åsa Öberg' });
    expect(judgeSigner(signature(testCertificate('Åsa Öberg')), ownAnchors).kind).toBe('impostor');
  });

  test('a certificate the trusted root issued is trusted via the root, also with the reviewer’s name and a new key', () => {
    const expected = { kind: 'trusted-root', root: { name: 'Työ ja terveys ry CA', fingerprint: anchors.roots[0]!.fingerprint } };
    expect(judgeSigner(signature(testCertificate('Pekka Puupää', { issuer: root })), anchors)).toEqual(expected);
    expect(judgeSigner(signature(testCertificate(REVIEWER, { issuer: root })), anchors)).toEqual(expected);
  });

  test('through an intermediate CA the signature carries; not without it', () => {
    const intermediate = testCertificate('Alue-CA', { issuer: root, ca: true });
    const leaf = testCertificate('Pekka Puupää', { issuer: intermediate });
    expect(judgeSigner(signature(leaf, [testCertificate('Muu'), intermediate]), anchors).kind).toBe('trusted-root');
    expect(judgeSigner(signature(leaf), anchors).kind).toBe('unknown');
  });

  test('validity is judged at the signing time (or now when unknown)', () => {
    const longRoot = testCertificate('Vanha juuri', { ca: true, notBefore: new Date('2019-01-01T00:00:00Z'), validDays: 20 * 365 });
    const longAnchors = { signers: [], roots: [{ fingerprint: certificateFacts(longRoot.der).fingerprint, name: 'Vanha juuri', der: longRoot.der }] };
    const old = testCertificate('Pekka Puupää', { issuer: longRoot, notBefore: new Date('2020-01-01T00:00:00Z'), validDays: 30 });
    expect(judgeSigner(signature(old), longAnchors).kind).toBe('unknown');
    expect(judgeSigner(signature(old, [], { signingTime: new Date('2020-01-15T00:00:00Z') }), longAnchors).kind).toBe('trusted-root');
    // The root must be valid at that time too: `root` starts an hour ago.
    const early = testCertificate('Pekka Puupää', { issuer: root, notBefore: new Date('2020-01-01T00:00:00Z'), validDays: 30 });
    expect(judgeSigner(signature(early, [], { signingTime: new Date('2020-01-15T00:00:00Z') }), anchors).kind).toBe('unknown');
  });

  test('overallTrust is the worst judgement', () => {
    const trusted: SignerTrust = { kind: 'trusted-signer', name: 'A' };
    const unknown: SignerTrust = { kind: 'unknown' };
    const impostor: SignerTrust = { kind: 'impostor', knownName: 'A', knownFingerprints: [] };
    expect(overallTrust([trusted, unknown])).toEqual(unknown);
    expect(overallTrust([impostor, trusted, unknown])).toEqual(impostor);
    expect(overallTrust([trusted])).toEqual(trusted);
    expect(overallTrust([])).toEqual(unknown);
  });

  test('comparableName folds case, white space, normal forms and lookalikes, but keeps different names apart', () => {
    expect(comparableName(' ÅSA\u2003 Öberg ')).toBe(comparableName('Åsa Öberg'));
    expect(comparableName('Asa Oberg')).not.toBe(comparableName('Åsa Öberg'));
  });
});

describe('reading certificate files', () => {
  test('PEM (one or several) and DER; anything else is a clear error', () => {
    expect(readCertificates(Buffer.from(root.pem + reviewer.pem)).map((c) => c.commonName)).toEqual(['Työ ja terveys ry CA', REVIEWER]);
    const facts = readCertificates(reviewer.der)[0]!;
    expect(facts).toMatchObject({ commonName: REVIEWER, organisation: ORG, ca: false, keyCertSign: false });
    expect(readCertificates(root.der)[0]).toMatchObject({ ca: true, keyCertSign: true, pathLength: null });
    expect(() => readCertificates(Buffer.from('hello'))).toThrow(CertificateError);
    expect(() => readCertificates(Buffer.from('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'))).toThrow(/no CERTIFICATE/);
  });
});
