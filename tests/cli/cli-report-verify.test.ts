import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { ROOT } from '../fixtures/ratings.ts';
import { PASSPHRASE, pdfsig, qpdfCheck, smallPdf, tempDir, testIdentity, withByteChanged, withInfoRewritten } from '../fixtures/identities/identities.ts';

const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');
const FULL = join(ROOT, 'examples', 'full-review.json');
const SECOND_PASSPHRASE = 'toisen-arvioijan-salasana';

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TZ: 'Europe/Helsinki', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);

let dir: string;
let first: { p12: Buffer; identity: SigningIdentity };
let second: { p12: Buffer; identity: SigningIdentity };
let firstP12: string;
let secondP12: string;
let signed: string;
let trusted: string;

beforeAll(async () => {
  dir = tempDir('ips-cli-sign-');
  [first, second] = await Promise.all([
    testIdentity('Maija Meikäläinen', { role: 'Arvioija', organisation: 'Työ ja terveys ry' }),
    testIdentity('Åsa Öberg', { role: 'Arvioija', passphrase: SECOND_PASSPHRASE }),
  ]);
  firstP12 = join(dir, 'maija.p12');
  secondP12 = join(dir, 'asa.p12');
  writeFileSync(firstP12, first.p12);
  writeFileSync(secondP12, second.p12);
  // The first reviewer's certificate, confirmed: without it the signer is unknown and verify exits 4.
  trusted = join(dir, 'maija.pem');
  writeFileSync(trusted, `-----BEGIN CERTIFICATE-----\n${signerMaterialOf(first.identity).certificate.toString('base64')}\n-----END CERTIFICATE-----\n`);
  signed = join(dir, 'signed.pdf');
  writeFileSync(signed, await signPdf(await smallPdf(), first.identity, { reason: 'Hyväksyntä', name: first.identity.commonName }));
}, 60_000);

function pdfFile(name: string, content: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('ips-fidelity verify (as a subprocess)', () => {
  test('a signed PDF: each signature listed in Finnish, exit 0', () => {
    const { code, stdout, stderr } = run(['verify', signed, '--trust', trusted]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Allekirjoitus 1/1');
    expect(stdout).toContain('Allekirjoittaja: Maija Meikäläinen (Työ ja terveys ry)');
    expect(stdout).toMatch(/Aika: \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}\.\d{2} Itä-Euroopan (normaali|kesä)aika/);
    expect(stdout).not.toMatch(/UTC/);
    expect(stdout).toContain(`Varmenteen sormenjälki (SHA-256): ${first.identity.certificateFingerprint}`);
    expect(stdout).toMatch(/Kattaa: version 2, .+ tavua \(koko tiedosto\)/);
    expect(stdout).toContain('Ehjä: kyllä');
    expect(stdout).toContain('tiedosto on ehjä');
  });

  test('English and Swedish: labels and the time in that language\'s form', () => {
    const en = run(['verify', signed, '--trust', trusted, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Signature 1/1');
    expect(en.stdout).toMatch(/Time: \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2} Eastern European (Standard|Summer) Time/);
    expect(en.stdout).toContain('Intact: yes');
    const sv = run(['verify', signed, '--trust', trusted, '--lang', 'sv']);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain('Underskrift 1/1');
    expect(sv.stdout).toContain('Oförändrad: ja');
    expect(sv.stdout).toMatch(/Tid: \d{1,2}\.\d{1,2}\.\d{4} \d{2}\.\d{2}\.\d{2} östeuropeisk (normal|sommar)tid/);
  });

  test('--json gives the report for machines', () => {
    const { code, stdout } = run(['verify', signed, '--trust', trusted, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ valid: true, problems: [], signatures: [{ number: 1, signerName: 'Maija Meikäläinen', intact: true }] });
  });

  test.each([
    ['one changed byte', () => withByteChanged(readFileSync(signed), 12), /allekirjoitettuja tavuja on muutettu allekirjoittamisen jälkeen/],
    ['changed after signing', () => withInfoRewritten(readFileSync(signed), 'Muokattu'), /allekirjoituksen jälkeen tiedostoa on muutettu muutenkin kuin lisäämällä allekirjoitus \(tiedoston versio 3: object \d+ \(the document information dictionary \/Info\) was changed after signing\)/],
    ['bytes appended', () => Buffer.concat([readFileSync(signed), Buffer.from('\n% lisätty\n%%EOF\n')]), /viimeisen kokonaisen version jälkeen tiedostoon on lisätty \d+ tavua/],
    ['a truncated file', () => readFileSync(signed).subarray(0, 1200), /tiedosto on katkennut/],
    ['an unsigned PDF', () => null, /PDF-tiedostossa ei ole allekirjoituksia/],
    ['not a PDF', () => Buffer.from('{"format": "ips-fidelity-review/1"}'), /tiedosto ei ole PDF/],
  ])('%s: exit 1 with a clear message', async (name, make, message) => {
    const file = pdfFile(`${name.replaceAll(' ', '-')}.pdf`, make() ?? (await smallPdf()));
    const { code, stderr } = run(['verify', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('allekirjoitukset eivät ole kunnossa');
    expect(stderr).toMatch(message);
    noStackTrace(stderr);
  });

  test('a missing file exits 1; wrong usage exits 2', () => {
    expect(run(['verify', join(dir, 'nothing.pdf'), '--lang', 'en'])).toMatchObject({ code: 1, stderr: `${join(dir, 'nothing.pdf')}: no such file.\n` });
    expect(run(['verify'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Anna tiedosto: ips-fidelity verify TIEDOSTO/) });
    expect(run(['verify', signed, 'other.pdf'])).toMatchObject({ code: 2 });
    expect(run(['verify', signed, '--out', 'x.pdf', '--lang', 'en'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--out does not belong to the verify command/) });
  });
});

describe('ips-fidelity report (as a subprocess)', () => {
  test('report --sign: the signature fills the first reserved field with a block naming the certificate; pdfsig, qpdf and verify agree', () => {
    const out = join(dir, 'raportti.pdf');
    const { code, stdout, stderr } = run(['report', FULL, '--out', out, '--sign', firstP12, '--passphrase-env', 'IPS_TEST_PASSPHRASE'], { IPS_TEST_PASSPHRASE: PASSPHRASE });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${out}: raportti kirjoitettu.`);
    expect(stdout).toContain(`allekirjoittanut Maija Meikäläinen (varmenteen sormenjälki ${first.identity.certificateFingerprint})`);
    expect(stdout + stderr).not.toContain(PASSPHRASE);

    const pdf = readFileSync(out);
    // pdfsig also lists the second reviewer's field, still empty (no validation).
    expect(pdfsig(pdf).signatures.filter((s) => s.validation)).toMatchObject([{ signerCommonName: 'Maija Meikäläinen', validation: 'Signature is Valid.', totalDocumentSigned: true }]);
    expect(qpdfCheck(pdf).code).toBe(0);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Maija Meikäläinen');
    expect(text.replace(/\s+/g, '')).toContain(first.identity.certificateFingerprint);
    // One of the review's two reviewers has signed: intact and trusted, but incomplete (exit 3).
    expect(run(['verify', out, '--trust', trusted])).toMatchObject({ code: 3 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('two reviewers: the second signs as an incremental update, both valid, both on the signature page', () => {
    const out = join(dir, 'kaksi.pdf');
    const { code, stdout, stderr } = run(
      ['report', FULL, '--out', out, '--lang', 'sv', '--sign', firstP12, '--passphrase-env', 'FIRST_PW', '--sign', secondP12, '--passphrase-env', 'SECOND_PW'],
      { FIRST_PW: PASSPHRASE, SECOND_PW: SECOND_PASSPHRASE },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('undertecknad av Åsa Öberg');
    const { signatures } = pdfsig(readFileSync(out));
    expect(signatures.map((s) => [s.signerCommonName, s.validation, s.totalDocumentSigned])).toEqual([
      ['Maija Meikäläinen', 'Signature is Valid.', false],
      ['Åsa Öberg', 'Signature is Valid.', true],
    ]);
    const secondTrusted = join(dir, 'asa.pem');
    writeFileSync(secondTrusted, `-----BEGIN CERTIFICATE-----\n${signerMaterialOf(second.identity).certificate.toString('base64')}\n-----END CERTIFICATE-----\n`);
    const verified = run(['verify', out, '--lang', 'en', '--trust', trusted, '--trust', secondTrusted]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('all 2 signatures are valid');
    expect(verified.stdout).toContain('an earlier revision; only signatures were added after it (countersigned later)');
  });

  test('report without --sign writes an unsigned report (verify then says it is unsigned)', () => {
    const out = join(dir, 'allekirjoittamaton.pdf');
    expect(run(['report', FULL, '--out', out, '--lang', 'en'])).toMatchObject({ code: 0, stdout: `${out}: report written.\n` });
    expect(run(['verify', out, '--lang', 'en'])).toMatchObject({ code: 1, stderr: expect.stringContaining('the PDF has no signatures') });
  });

  test.each([
    ['the passphrase variable is not set', ['--sign', 'FIRST', '--passphrase-env', 'IPS_UNSET_VARIABLE'], {}, /Ympäristömuuttujaa IPS_UNSET_VARIABLE ei ole asetettu/],
    ['a wrong passphrase', ['--sign', 'FIRST', '--passphrase-env', 'PW'], { PW: 'väärä-salasana' }, /maija\.p12: salasana ei avaa tätä tunnistetta/],
    ['a file that is not PKCS#12', ['--sign', FULL, '--passphrase-env', 'PW'], { PW: PASSPHRASE }, /full-review\.json: ei ole PKCS#12-tunnistetiedosto/],
    ['a missing identity file', ['--sign', '/nonexistent/id.p12', '--passphrase-env', 'PW'], { PW: PASSPHRASE }, /\/nonexistent\/id\.p12: tiedostoa ei löydy/],
  ])('%s: exit 1, a clear message, no report written, the passphrase never printed', (_, extra, env, message) => {
    const out = join(dir, `fail-${Math.random().toString(16).slice(2)}.pdf`);
    const args = ['report', FULL, '--out', out, ...extra.map((a) => (a === 'FIRST' ? firstP12 : a))];
    const { code, stdout, stderr } = run(args, env);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stdout + stderr).not.toContain('väärä-salasana');
    expect(stdout + stderr).not.toContain(PASSPHRASE);
    expect(existsSync(out)).toBe(false);
    noStackTrace(stderr);
  });

  test('an output folder that does not exist, and an invalid review: exit 1', () => {
    const nowhere = join(dir, 'no-such-folder', 'r.pdf');
    expect(run(['report', FULL, '--out', nowhere, '--lang', 'en'])).toMatchObject({ code: 1, stderr: expect.stringContaining(`${nowhere}: cannot write the file (ENOENT)`) });
    const review = JSON.parse(readFileSync(FULL, 'utf8'));
    review.ratings[0].score = 9;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(review));
    const invalid = run(['report', bad, '--out', join(dir, 'bad.pdf')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('ratings[0].score: kriteeri 1: pistemäärä 9 ei ole välillä 1–5');
    expect(existsSync(join(dir, 'bad.pdf'))).toBe(false);
  });

  test.each([
    [['report', FULL], /Anna raporttitiedosto: ips-fidelity report TIEDOSTO.json --out RAPORTTI.pdf/],
    [['report', FULL, '--out', 'x.pdf', '--sign', 'id.p12'], /--sign tarvitsee myös valitsimen --passphrase-env/],
    [['report', FULL, '--out', 'x.pdf', '--passphrase-env', 'PW'], /--passphrase-env kuuluu yhteen valitsimen --sign/],
    [['report', FULL, '--out', 'x.pdf', '--sign', 'id.p12', '--passphrase-env', 'not-a-name'], /"not-a-name" ei kelpaa ympäristömuuttujan nimeksi/],
    [['report', FULL, '--out', 'x.pdf', '--passphrase', 'secret'], /Unknown option '--passphrase'/],
    [['score', FULL, '--sign', 'id.p12'], /--sign ei kuulu komentoon score/],
  ])('wrong usage %j exits 2 with the usage', (args, message) => {
    const { code, stderr, stdout } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('ips-fidelity report TIEDOSTO.json --out RAPORTTI.pdf');
  });
});

test('the command line messages have the same keys in fi, sv and en', () => {
  const leaves = (tree: object, prefix = ''): string[] => Object.entries(tree).flatMap(([key, value]) =>
    (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`)));
  const keys = (language: string) => leaves(JSON.parse(readFileSync(join(ROOT, 'cli', 'messages', `${language}.json`), 'utf8'))).sort();
  expect(keys('sv')).toEqual(keys('fi'));
  expect(keys('en')).toEqual(keys('fi'));
});
