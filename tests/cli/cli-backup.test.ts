import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { backupFolderOfFile } from '../../electron/backend/store/backups.ts';
import { DATABASE_FILE_NAME } from '../../electron/backend/store/default-database.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { ROOT } from '../fixtures/ratings.ts';

const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function databaseWith(...names: string[]) {
  const t = await testBackend();
  for (const name of names) await t.call('sites.create', { name });
  t.backend.close();
  return t.dbFile;
}

const siteNames = (dbFile: string) => dumpDatabase(dbFile).sites!.map((s) => (s as { name: string }).name);

describe('ips-fidelity backup, backups and restore (as a subprocess)', () => {
  test("backup writes a checked copy into the database's own folder in backups/ next to it; backups lists it, also as JSON", async () => {
    const dbFile = await databaseWith('Kuopio');
    const backup = run(['backup', '--db', dbFile]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const folder = backupFolderOfFile(dbFile, undefined);
    expect(dirname(folder)).toBe(join(dirname(dbFile), 'backups'));
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^ips-fidelity-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-manual\.sqlite$/);
    expect(backup.stdout).toMatch(new RegExp(`^${join(folder, name!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: varmuuskopio kirjoitettu ja tarkistettu \\(\\d+ kB; 1 yksikköä, 0 arviointia\\)\\.\\n$`));
    expect(siteNames(join(folder, name!))).toEqual(['Kuopio']);

    const list = run(['backups', '--db', dbFile]);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').slice(0, 2)).toEqual([`Varmuuskopiot kansiossa ${folder}:`, 'NIMI\tAIKA\tSYY\tKOKO']);
    expect(list.stdout).toContain(`${name}\t`);
    expect(list.stdout).toContain('\tkäsin\t');
    const json = JSON.parse(run(['backups', '--db', dbFile, '--json']).stdout) as { folder: string; backups: { name: string; reason: string }[] };
    expect(json).toMatchObject({ folder, backups: [{ name, reason: 'manual' }] });
  });

  test('restore by name: the later data is gone, the database before the restore is kept, and the app opens it', async () => {
    const dbFile = await databaseWith('Ennen');
    const folder = join(mkdtempSync(join(tmpdir(), 'ips-cli-backups-')), 'omat varmuuskopiot');
    expect(run(['backup', '--db', dbFile, '--out', folder]).code).toBe(0);
    const [name] = readdirSync(folder);
    const later = await testBackend(dbFile);
    await later.call('sites.create', { name: 'Jälkeen' });
    later.backend.close();

    const restore = run(['restore', name!, '--db', dbFile, '--folder', folder, '--lang', 'en']);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`${dbFile}: restored from the backup ${join(folder, name!)} (1 sites, 0 reviews).`);
    const saved = readdirSync(folder).find((n) => n.endsWith('-before-restore.sqlite'))!;
    expect(restore.stdout).toContain(`The database as it was before the restore is kept: ${join(folder, saved)}`);
    expect(siteNames(dbFile)).toEqual(['Ennen']);
    expect(siteNames(join(folder, saved))).toEqual(['Ennen', 'Jälkeen']);
    const reopened = await testBackend(dbFile);
    expect((await reopened.call('sites.list', {})).map((s) => s.name)).toEqual(['Ennen']);
    reopened.backend.close();
  });

  test('a damaged copy, a non-database and a foreign database are refused with a clear message; nothing is changed', async () => {
    const dbFile = await databaseWith('Koskematon');
    expect(run(['backup', '--db', dbFile]).code).toBe(0);
    const folder = backupFolderOfFile(dbFile, undefined);
    const good = join(folder, readdirSync(folder)[0]!);
    const before = readFileSync(dbFile);

    const damaged = join(dirname(dbFile), 'damaged.sqlite');
    copyFileSync(good, damaged);
    const bytes = readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = pageSize; offset < bytes.length; offset += pageSize) bytes.fill(0xa5, offset, offset + 24);
    writeFileSync(damaged, bytes);
    const text = join(dirname(dbFile), 'notes.sqlite');
    writeFileSync(text, 'just some notes\n');
    const foreign = join(dirname(dbFile), 'photos.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.close();

    const refusals = [
      [damaged, /damaged\.sqlite: (tiedosto on vioittunut; eheystarkistus epäonnistui|ei ole SQLite-tietokanta)/],
      [text, /notes\.sqlite: ei ole SQLite-tietokanta/],
      [foreign, /photos\.sqlite: ei ole IPS-laatuarvioinnin tietokanta \(missing tables: sites/],
      [join(dirname(dbFile), 'missing.sqlite'), /missing\.sqlite: tiedostoa ei ole\./],
    ] as const;
    for (const [file, message] of refusals) {
      const result = run(['restore', file, '--db', dbFile]);
      expect(result.code, file).toBe(1);
      expect(result.stderr, file).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  test('restore refuses while the app holds the database open', async () => {
    const dbFile = await databaseWith('Auki');
    expect(run(['backup', '--db', dbFile]).code).toBe(0);
    const name = readdirSync(backupFolderOfFile(dbFile, undefined))[0]!;
    const app = await testBackend(dbFile);
    await app.call('sites.create', { name: 'Tallentamaton' });
    const result = run(['restore', name, '--db', dbFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('on toisen ohjelman käytössä');
    expect((await app.call('sites.list', {})).map((s) => s.name)).toEqual(['Auki', 'Tallentamaton']);
    app.backend.close();
  });

  test("without --db: the app's own database and backup folder (Electron's userData)", async () => {
    const config = mkdtempSync(join(tmpdir(), 'ips-xdg-'));
    const env = { ...process.env, XDG_CONFIG_HOME: config };
    const userData = join(config, 'ips-fidelity');
    mkdirSync(userData);
    await databaseWith(); // a fresh one elsewhere; now one in userData:
    const t = await testBackend(join(userData, DATABASE_FILE_NAME));
    await t.call('sites.create', { name: 'Sovellus' });
    t.backend.close();
    const result = run(['backup'], env);
    expect(result.code).toBe(0);
    const own = backupFolderOfFile(join(userData, DATABASE_FILE_NAME), undefined);
    expect(dirname(own)).toBe(join(userData, 'backups'));
    expect(readdirSync(own)).toHaveLength(1);
    expect(run(['backups', '--json'], env).stdout).toContain(own);
  });

  test('usage errors: no database, and options that belong to other commands', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'ips-none-')), 'none.sqlite');
    const none = run(['backup', '--db', missing]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`${missing}: tietokantaa ei ole. Anna tietokanta valitsimella --db TIEDOSTO.\n`);
    expect(existsSync(missing)).toBe(false);
    expect(run(['backup', '--json']).code).toBe(2);
    expect(run(['restore']).code).toBe(2);
    expect(run(['backups', '--out', 'x']).code).toBe(2);
    expect(run(['backup', '--folder', 'x']).code).toBe(2);
  });
});
