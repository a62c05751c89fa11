import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../fixtures/ratings.ts';
import { bundledScaleJson, scaleDir } from '../fixtures/scale-files.ts';

const require = createRequire(import.meta.url);
const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');
const FULL = join(ROOT, 'examples', 'full-review.json');
const PARTIAL = join(ROOT, 'examples', 'partial-review-17-items.json');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string | Buffer) {
  const file = join(mkdtempSync(join(tmpdir(), 'ips-cli-')), name);
  writeFileSync(file, content);
  return file;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);

describe('ips-fidelity command line (as a subprocess)', () => {
  test('scales lists id, version, languages and content hash', () => {
    const { code, stdout } = run('scales', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ID\tVERSION\tLANGUAGES\tCONTENT HASH\tTITLE\nips-25\t1\.0\.0\tfi,en\tsha256:[0-9a-f]{64}\t/);
  });

  test('score prints a Finnish summary by default: decimal comma, estimate, band, sections', () => {
    const { code, stdout, stderr } = run('score', PARTIAL);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Arvioitu: 17/25 kriteeriä');
    expect(stdout).toContain('Pistekeskiarvo: 4,29');
    expect(stdout).toContain('Kokonaispisteet: 107,4 (arvio 17/25 kriteerin perusteella)');
    // 8 items unrated: 81–113 whatever they score, so "good" holds on the rated items only (the pilot case).
    expect(stdout).toContain('Vaihteluväli (arvioimattomat kriteerit 1–5): 81–113');
    expect(stdout).toContain('Taso: taso arvioitujen kriteerien perusteella: hyvä');
    expect(stdout).toMatch(/Henkilöstö: 15 pistettä, 3\/3 kriteeriä, keskiarvo 5,00/);
    expect(stdout).toContain('8.9.2026');
    expect(stdout).toMatch(/ {2}23\. .+ \(toimintamalli poikkeaa\)/);
  });

  test('score --lang en uses English labels and decimal points', () => {
    const { code, stdout } = run('score', FULL, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('Total: 104\n');
    expect(stdout).toContain('Fidelity: good');
    expect(stdout).toContain('Mean item score: 4.16');
    expect(stdout).not.toContain('estimate');
    expect(stdout).not.toContain('Range');
  });

  test('score --json gives the machine-readable result', () => {
    const { code, stdout } = run('score', PARTIAL, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ ratedItems: 17, totalItems: 25, rawTotal: 73, total: 107.4, complete: false, estimate: true, band: 'good' });
    expect(json).toMatchObject({ lowerBound: 81, upperBound: 113, bandCertain: false });
    expect(json.meanScore).toBeCloseTo(4.294, 3);
    expect(json.sections).toHaveLength(3);
    expect(json.scale.contentHash).toMatch(/^sha256:/);
  });

  test('validate accepts the examples', () => {
    const { code, stdout } = run('validate', FULL, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('valid (25/25 items rated, scale ips-25 1.0.0)');
  });

  test('validate lists every problem, each naming its field, and exits 1', () => {
    const review = JSON.parse(JSON.stringify(require(FULL)));
    review.ratings[0].score = 9;
    review.ratings[1] = { item: 2, score: null };
    review.visitDates = ['yesterday'];
    const { code, stderr, stdout } = run('validate', tempFile('bad.json', JSON.stringify(review)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('visitDates[0]:');
    noStackTrace(stderr);
  });

  test('rating problems are told in Finnish', () => {
    const review = JSON.parse(JSON.stringify(require(FULL)));
    review.ratings[0].score = 9;
    review.ratings[1] = { item: 2, score: null };
    review.ratings.push({ item: 30, score: 3 });
    const { code, stderr } = run('validate', tempFile('bad.json', JSON.stringify(review)));
    expect(code).toBe(1);
    expect(stderr).toContain('arviointitiedostossa on 3 virhettä');
    expect(stderr).toContain('ratings[0].score: kriteeri 1: pistemäärä 9 ei ole välillä 1–5');
    expect(stderr).toContain('ratings[1].reason: kriteeri 2 on arvioimatta; kerro syy');
    expect(stderr).toContain('ratings[25].item: kriteeriä 30 ei ole asteikossa (kriteerit 1–25)');
  });

  test.each([
    ['empty', '', /tiedosto on tyhjä/],
    ['whitespace', '  \n', /tiedosto on tyhjä/],
    ['not JSON', '{"format": "ips-fidelity-review/1",', /ei ole JSON-muotoa/],
    ['binary', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]), /ei ole JSON-muotoa/],
  ])('a file that is %s gives a clear message and exit 1', (_, content, message) => {
    const { code, stderr } = run('score', tempFile('in.json', content));
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    noStackTrace(stderr);
  });

  test('a huge file is refused before it is read', () => {
    const { code, stderr } = run('score', tempFile('huge.json', Buffer.alloc(11 * 1024 * 1024, 0x20)), '--lang', 'en');
    expect(code).toBe(1);
    expect(stderr).toMatch(/the file is 11534336 bytes; a review file is at most 10485760 bytes/);
  });

  test('a missing file and a folder', () => {
    expect(run('score', '/nonexistent/review.json', '--lang', 'en')).toMatchObject({ code: 1, stderr: '/nonexistent/review.json: no such file.\n' });
    expect(run('validate', tmpdir(), '--lang', 'en')).toMatchObject({ code: 1, stderr: `${tmpdir()}: not a regular file.\n` });
  });

  test.each([
    [['frobnicate'], /Tuntematon komento "frobnicate"/],
    [['score'], /Anna tiedosto: ips-fidelity score TIEDOSTO/],
    [['score', FULL, 'extra.json'], /Liikaa argumentteja: extra.json/],
    [['score', FULL, '--lang', 'de'], /--lang hyväksyy arvot fi, sv ja en, ei "de"/],
    [['score', FULL, '--colour'], /Unknown option '--colour'/],
    [['score', '--lang', 'en'], /Name a file: ips-fidelity score FILE/],
  ])('wrong usage %j exits 2 with the usage', (args, message) => {
    const { code, stderr, stdout } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Käyttö:|Usage:/);
  });

  test('help exits 0', () => {
    expect(run('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('ips-fidelity score') });
    expect(run()).toMatchObject({ code: 0 });
  });

  test('--scale-dir adds a scale version; a broken scale file there is refused with exit 1', () => {
    const later = bundledScaleJson();
    later.version = '1.2.0'; // 1.1.0 is shipped
    const { stdout, code } = run('scales', '--scale-dir', scaleDir({ 'later.json': later }));
    expect(code).toBe(0);
    expect(stdout).toMatch(/ips-25\t1\.2\.0\t/);
    const broken = bundledScaleJson();
    broken.version = '1.3.0';
    broken.scoring.bands[0].max = 80;
    const dir = scaleDir({ 'broken.json': broken });
    const refused = run('scales', '--scale-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Asteikkotiedosto hylättiin: ${join(dir, 'broken.json')}`);
    expect(refused.stderr).toContain('scoring.bands[1].min: band "fair" (74–99) overlaps band "poor" (25–80)');
  });
});
