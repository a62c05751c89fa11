import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { VERIFY_EXIT, verifyExitCode } from '../../cli/verify-command.ts';
import type { SignerTrust } from '../../reports/signing/signer-trust.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { ROOT } from '../fixtures/ratings.ts';
import { chainIdentity, testCertificate, type TestCertificate } from '../fixtures/identities/certificate-authority.ts';
import { PASSPHRASE, smallPdf, tempDir, testIdentity, withByteChanged } from '../fixtures/identities/identities.ts';

type Person = { p12: Buffer; identity: SigningIdentity };
const REVIEWER = 'Maija Meikäläinen';
const ORG = 'Työ ja terveys ry';
const IMPOSTOR_FI = 'VAROITUS: nimi on tunnetun arvioijan, mutta avain on eri';

let dir: string;
let reviewer: Person;
let reviewerPem: string;
let root: TestCertificate;
let rootPem: string;

const file = (name: string, content: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
const signedBy = async (person: Person, name: string) =>
  file(name, await signPdf(await smallPdf(), person.identity, { reason: 'Hyväksyntä', name: person.identity.commonName }));

async function verify(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['verify', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  dir = tempDir('ips-cli-trust-');
  reviewer = await testIdentity(REVIEWER, { organisation: ORG });
  reviewerPem = file('maija.pem', pem(signerMaterialOf(reviewer.identity).certificate));
  root = testCertificate('Työ ja terveys ry CA', { organisation: ORG, ca: true, validDays: 3650 });
  rootPem = file('root.pem', root.pem);
}, 60_000);

describe('verify: an attacker using a known reviewer’s name', { timeout: 60_000 }, () => {
  test.each([
    ['the exact name and organisation', REVIEWER, ORG],
    ['another case', 'MAIJA MEIKÄLÄINEN', undefined],
    ['extra white space', ' Maija  Meikäläinen ', undefined],
    ['decomposed umlauts (NFD)', REVIEWER.normalize('NFD'), undefined],
    ['a Cyrillic а', 'M\u0430ija Meikäläinen', undefined],
  ])('a self-signed certificate with %s: exit 5 and the warning, in every language', async (_what, name, organisation) => {
    const attacker = await testIdentity(name, organisation ? { organisation } : {});
    const pdf = await signedBy(attacker, 'attacker.pdf');
    const fi = await verify(pdf, '--trust', reviewerPem);
    expect(fi.code).toBe(5);
    expect(fi.stdout).toContain(`Luottamus: ${IMPOSTOR_FI}`);
    expect(fi.stdout).toContain(reviewer.identity.certificateFingerprint);
    expect(fi.stdout).toContain('Älä luota tähän raporttiin');
    expect((await verify(pdf, '--trust', reviewerPem, '--lang', 'en')).stdout).toContain("WARNING: the name is a known reviewer's, but the key is different");
    expect((await verify(pdf, '--trust', reviewerPem, '--lang', 'sv')).stdout).toContain('VARNING: namnet är en känd bedömares, men nyckeln är en annan');
  });

  test('the impostor in --json: its trust, and the known reviewer’s fingerprint', async () => {
    const attacker = await testIdentity(REVIEWER);
    const { code, stdout } = await verify(await signedBy(attacker, 'attacker-json.pdf'), '--trust', reviewerPem, '--json');
    expect(code).toBe(5);
    const json = JSON.parse(stdout);
    expect(json.signatures[0].trust).toEqual({ kind: 'impostor', knownName: REVIEWER, knownFingerprints: [reviewer.identity.certificateFingerprint] });
    expect(json.trust.kind).toBe('impostor');
    expect(json.signedBy).toEqual([REVIEWER]);
  });

  test('a changed file is invalid (1) even when its signer is also an impostor: 1 wins', async () => {
    const attacker = await testIdentity(REVIEWER);
    const pdf = readFileSync(await signedBy(attacker, 'attacker-changed.pdf'));
    const changed = file('attacker-changed-2.pdf', withByteChanged(pdf, pdf.indexOf('IPS-arviointiraportti')));
    expect((await verify(changed, '--trust', reviewerPem)).code).toBe(1);
  });
});

describe('verify: trusted and unknown signers', { timeout: 60_000 }, () => {
  test('the confirmed signer: exit 0, "luotettu: tunnettu arvioija"', async () => {
    const { code, stdout, stderr } = await verify(await signedBy(reviewer, 'by-reviewer.pdf'), '--trust', reviewerPem);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Allekirjoittaja: ${REVIEWER} (${ORG})`);
    expect(stdout).toContain('Luottamus: luotettu: tunnettu arvioija');
    expect(stdout).toContain('Kaikki allekirjoittajat ovat luotettuja.');
  });

  test('without any trust given every signer is unknown: exit 4; trusting someone else does not help', async () => {
    const pdf = await signedBy(reviewer, 'by-reviewer-2.pdf');
    const bare = await verify(pdf);
    expect(bare.code).toBe(4);
    expect(bare.stdout).toContain('Luottamus: tuntematon allekirjoittaja');
    expect(bare.stdout).toContain('Allekirjoittajaa ei tunneta');
    expect((await verify(pdf, '--lang', 'en')).stdout).toContain('Trust: unknown signer');
    expect((await verify(pdf, '--trust', rootPem)).code).toBe(4);
  });

  test('a certificate issued under a trusted root (the PKCS#12 carries the chain): exit 0 via the root, from --trust or --trust-store', async () => {
    const intermediate = testCertificate('Alue-CA', { issuer: root, ca: true });
    const leaf = testCertificate('Pekka Puupää', { issuer: intermediate, organisation: ORG });
    const pdf = await signedBy(chainIdentity(leaf, [intermediate]), 'by-root.pdf');
    const viaFile = await verify(pdf, '--trust', rootPem);
    expect(viaFile.stderr).toBe('');
    expect(viaFile.code).toBe(0);
    expect(viaFile.stdout).toContain('Luottamus: luotettu: varmenne myönnetty juuresta Työ ja terveys ry CA');

    const store = tempDir('ips-trust-store-');
    writeFileSync(join(store, 'root.crt'), root.der);
    writeFileSync(join(store, 'maija.cer'), readFileSync(reviewerPem));
    writeFileSync(join(store, 'readme.txt'), 'not read');
    const viaStore = await verify(pdf, '--trust-store', store, '--json', '--lang', 'en');
    expect(viaStore.code).toBe(0);
    expect(JSON.parse(viaStore.stdout).signatures[0].trust).toMatchObject({ kind: 'trusted-root', root: { name: 'Työ ja terveys ry CA' } });
    expect((await verify(await signedBy(reviewer, 'by-reviewer-3.pdf'), '--trust-store', store)).code).toBe(0);
    // Without the intermediate in the signature, the chain does not reach the root.
    expect((await verify(await signedBy(chainIdentity(leaf, []), 'by-root-no-chain.pdf'), '--trust', rootPem)).code).toBe(4);
  });

  test('a report one of two expected reviewers signed: "1/2 expected signers", exit 3; with an unknown signer, 4', async () => {
    const out = join(dir, 'half-signed.pdf');
    const p12 = file('maija.p12', reviewer.p12);
    const made = await runCli(['report', join(ROOT, 'examples', 'full-review.json'), '--out', out, '--sign', p12, '--passphrase-env', 'PW'], { stdout: () => {}, stderr: () => {} }, { PW: PASSPHRASE });
    expect(made).toBe(0);
    const { code, stdout } = await verify(out, '--trust', reviewerPem);
    expect(stdout).toContain('Allekirjoittanut 1/2 odotetusta allekirjoittajasta');
    expect(code).toBe(3);
    const json = JSON.parse((await verify(out, '--trust', reviewerPem, '--json')).stdout);
    expect(json.expectedSigners).toHaveLength(2);
    expect(json.signedBy).toEqual([REVIEWER]);
    expect((await verify(out)).code).toBe(4);
  });
});

describe('verify: trust files', () => {
  test('a file that is not a certificate, or a missing folder: exit 1 with a clear message; --trust with another command: 2', async () => {
    const pdf = join(dir, 'by-reviewer.pdf');
    const notCert = await verify(pdf, '--trust', file('notes.pem', 'hello'));
    expect(notCert.code).toBe(1);
    expect(notCert.stderr).toMatch(/notes\.pem: tiedostossa ei ole luettavaa X\.509-varmennetta/);
    const noFolder = await verify(pdf, '--trust-store', join(dir, 'no-such-folder'));
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/no-such-folder: kansiota ei ole/);
    expect(await runCli(['score', join(ROOT, 'examples', 'full-review.json'), '--trust', reviewerPem], { stdout: () => {}, stderr: () => {} })).toBe(2);
  });

  test('exit codes: the most severe wins, 1 > 5 > 4 > 3', () => {
    const trust = (...kinds: SignerTrust['kind'][]) => ({ signatures: kinds.map((kind) => ({ kind }) as SignerTrust), overall: null, signedBy: [] });
    const intact = { valid: true, status: 'complete' } as const;
    const incomplete = { valid: true, status: 'incomplete' } as const;
    expect(verifyExitCode({ valid: false, status: 'invalid' }, trust('impostor', 'unknown'))).toBe(VERIFY_EXIT.invalid);
    expect(verifyExitCode(incomplete, trust('trusted-signer', 'unknown', 'impostor'))).toBe(VERIFY_EXIT.impostor);
    expect(verifyExitCode(incomplete, trust('trusted-root', 'unknown'))).toBe(VERIFY_EXIT.unknownSigner);
    expect(verifyExitCode(incomplete, trust('trusted-signer'))).toBe(VERIFY_EXIT.incomplete);
    expect(verifyExitCode(intact, trust('trusted-signer', 'trusted-root'))).toBe(0);
    expect(VERIFY_EXIT).toEqual({ invalid: 1, incomplete: 3, unknownSigner: 4, impostor: 5 });
  });
});
