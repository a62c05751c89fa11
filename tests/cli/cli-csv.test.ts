import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { DATABASE_FILE_NAME, defaultDatabaseFile } from '../../electron/backend/store/default-database.ts';
import { testBackend } from '../fixtures/backend.ts';
import { ROOT, partialRatings, ratingsSumming } from '../fixtures/ratings.ts';

const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A database as the app leaves it: two sites, a complete review and a partial one (prorated estimate). */
async function appDatabase(dbFile?: string) {
  const t = await testBackend(dbFile);
  for (const [name, region, ratings] of [['Äänekosken IPS', '15', partialRatings(73, 17)], ['Kemin työpaja', '21', ratingsSumming(104)]] as const) {
    const site = await t.call('sites.create', { name, regionCode: region });
    const review = await t.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino', role: null }] });
    for (const r of ratings) {
      await t.call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item: r.item, score: r.score, ...(r.reason ? { reason: 'no-data' as const, reasonNote: 'Ei tietoja' } : {}) });
    }
  }
  const expected = (await t.call('reviews.exportCsv', { language: 'fi' })).csv;
  t.backend.close();
  return { dbFile: t.dbFile, expected };
}

const outFile = (name = 'arvioinnit.csv') => join(mkdtempSync(join(tmpdir(), 'ips-csv-')), name);

describe('ips-fidelity csv (as a subprocess)', () => {
  let db: Awaited<ReturnType<typeof appDatabase>>;
  beforeAll(async () => {
    db = await appDatabase();
  });

  test('writes the same file the app saves: BOM, Finnish text intact, semicolons, the estimate marked', () => {
    const out = outFile();
    const { code, stdout, stderr } = run(['csv', '--db', db.dbFile, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}: 2 arviointia kirjoitettu.\n`);
    const csv = readFileSync(out, 'utf8');
    // Read back byte for byte: the date in the file name aside, the app and the command line give the same text.
    expect(csv).toBe(db.expected);
    expect(readFileSync(out).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => [r[0], r[1], r[2], r.at(-7), r.at(-6), r.at(-4)])).toEqual([
      ['Yksikkö', 'Alue', 'Aluekoodi', 'Yhteispistemäärä', 'Arvio?', 'Arvioituja kriteereitä'],
      ['Kemin työpaja', 'Lapin hyvinvointialue', '21', '104', 'ei', '25'],
      ['Äänekosken IPS', 'Keski-Suomen hyvinvointialue', '15', '107,4', 'kyllä', '17'],
    ]);
  });

  test('--site picks one site (any letter case); --lang en gives English headers and commas', () => {
    const out = outFile();
    const { code, stdout } = run(['csv', '--db', db.dbFile, '--site', 'äänekosken ips', '--lang', 'en', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}: 1 review written.\n`);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['Site', 'Äänekosken IPS']);
    expect(rows[1]!.at(-7)).toBe('107.4');
  });

  test('usage errors and missing things are told plainly, with no file written', () => {
    const out = outFile();
    expect(run(['csv', '--db', db.dbFile])).toMatchObject({ code: 2, stderr: expect.stringContaining('Anna CSV-tiedosto') });
    expect(run(['csv', '--db', db.dbFile, '--site', 'Kemi', '--all', '--out', out])).toMatchObject({ code: 2, stderr: expect.stringContaining('--site YKSIKKÖ tai --all') });
    expect(run(['score', 'x.json', '--db', db.dbFile])).toMatchObject({ code: 2, stderr: expect.stringContaining('--db ei kuulu komentoon score') });
    expect(run(['csv', '--db', db.dbFile, '--site', 'Oulu', '--out', out])).toMatchObject({ code: 1, stderr: 'Yksikköä "Oulu" ei löydy tietokannasta.\n' });
    const missing = join(tmpdir(), 'ei-ole', 'ips.sqlite');
    expect(run(['csv', '--db', missing, '--out', out])).toMatchObject({ code: 1, stderr: `${missing}: tietokantaa ei löydy. Anna tietokanta valitsimella --db TIEDOSTO.\n` });
    expect(() => readFileSync(out)).toThrow();
  });

  test("without --db it reads the desktop app's database in the user's data folder", async () => {
    const config = mkdtempSync(join(tmpdir(), 'ips-xdg-'));
    const env = { ...process.env, XDG_CONFIG_HOME: config };
    const file = defaultDatabaseFile({ platform: 'linux', env, homeDir: '/nonexistent' });
    expect(file).toBe(join(config, 'ips-fidelity', DATABASE_FILE_NAME));
    expect(run(['csv', '--out', outFile()], env)).toMatchObject({ code: 1, stderr: expect.stringContaining(file) });
    mkdirSync(join(config, 'ips-fidelity'));
    await appDatabase(file);
    const out = outFile();
    expect(run(['csv', '--all', '--out', out], env)).toMatchObject({ code: 0, stdout: `${out}: 2 arviointia kirjoitettu.\n` });
  });
});

test('the database file name is the one the desktop app and the preview fallback open', () => {
  expect(readFileSync(join(ROOT, 'electron', 'main', 'main.ts'), 'utf8')).toContain(`DATABASE_FILE_NAME = '${DATABASE_FILE_NAME}'`);
  expect(readFileSync(join(ROOT, 'scripts', 'start.ts'), 'utf8')).toContain(`'${DATABASE_FILE_NAME}'`);
  expect(defaultDatabaseFile({ platform: 'win32', env: { APPDATA: 'C:\\Users\\aino\\AppData\\Roaming' }, homeDir: 'C:\\Users\\aino' }))
    .toBe('C:\\Users\\aino\\AppData\\Roaming\\ips-fidelity\\ips-fidelity.sqlite');
});
