import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { DEFAULT_BACKUP_ROTATION } from '../../electron/contract/settings-contract.ts';
import { checkBackup } from '../../electron/backend/store/backup-check.ts';
import { backupsToKeep, isoWeek, type RotatedBackup } from '../../electron/backend/store/backup-rotation.ts';
import { backupDatabase, listBackups, rotateBackups } from '../../electron/backend/store/backups.ts';
import { SCHEMA_VERSION } from '../../electron/backend/store/migrations/index.ts';
import { openDatabase } from '../../electron/backend/store/open-database.ts';
import { restoreDatabaseFile, RestoreError } from '../../electron/backend/store/restore-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

/** Noon UTC: the same calendar day in every time zone from UTC-11 to UTC+11, so local-day rules are deterministic. */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function databaseWithSite(name = 'Kuopio') {
  const file = tempDbFile();
  const { db } = await openDatabase(file);
  db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES (?, 't', 't')").run(name);
  return { file, db, folder: join(dirname(file), 'backups') };
}

describe('backupDatabase', () => {
  test('writes a complete, self-contained copy under a name that says when and why, and leaves no temporary file', async () => {
    const { file, db, folder } = await databaseWithSite();
    const backup = await backupDatabase(db, folder, 'daily', { now: new Date('2026-11-23T14:05:00.123Z') });
    expect(backup).toMatchObject({ name: 'ips-fidelity-2026-11-23T14-05-00Z-daily.sqlite', reason: 'daily', createdAt: '2026-11-23T14:05:00.000Z' });
    expect(backup.file).toBe(join(folder, backup.name));
    expect(backup.size).toBeGreaterThan(0);
    // One file, no -wal/-shm beside it: a rollback-journal database that opens read-only anywhere.
    expect(readdirSync(folder)).toEqual([backup.name]);
    expect(readFileSync(backup.file).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    db.close();
    expect(dumpDatabase(backup.file)).toEqual(dumpDatabase(file));
    expect(readdirSync(folder)).toEqual([backup.name]);
  });

  test('two backups in the same second get distinct names; the list is newest first and ignores other files', async () => {
    const { db, folder } = await databaseWithSite();
    const now = new Date('2026-11-23T14:05:00Z');
    const first = await backupDatabase(db, folder, 'manual', { now });
    const second = await backupDatabase(db, folder, 'manual', { now });
    const later = await backupDatabase(db, folder, 'import', { now: new Date('2026-11-23T14:06:00Z') });
    db.close();
    expect(second.name).toBe('ips-fidelity-2026-11-23T14-05-00Z-manual-1.sqlite');
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'ips-fidelity-backup.sqlite'), 'not one of ours by name');
    expect(listBackups(folder).map((b) => b.name)).toEqual([later.name, second.name, first.name]);
    expect(listBackups(join(folder, 'missing'))).toEqual([]);
  });
});

describe('rotation', () => {
  const daily = (day: string): RotatedBackup => ({ name: `d-${day}`, reason: 'daily', createdAt: at(day) });

  test('keeps 7 daily, 4 weekly and 12 monthly (newest of each), and the newest 10 of each event kind', () => {
    // A year of use, one daily backup a day, 2025-11-24 .. 2026-11-23 (a Monday).
    const days: string[] = [];
    for (let d = new Date('2025-11-24T12:00:00Z'); d <= new Date('2026-11-23T12:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
    const events = Array.from({ length: 15 }, (_, i): RotatedBackup => ({ name: `i-${i}`, reason: 'import', createdAt: new Date(Date.UTC(2026, 10, 23, 8, i)) }));
    const migration: RotatedBackup = { name: 'm-old', reason: 'migration', createdAt: at('2025-01-01') };
    const keep = backupsToKeep([...days.map(daily), ...events, migration], DEFAULT_BACKUP_ROTATION);

    const keptDays = [...keep].filter((n) => n.startsWith('d-')).map((n) => n.slice(2)).sort();
    // Daily: the last 7 days.
    const lastWeek = days.slice(-7);
    expect(keptDays).toEqual(expect.arrayContaining(lastWeek));
    // Weekly: the newest of each of the last 4 ISO weeks: this Monday and last Sunday (both already daily), then
    // the two Sundays before.
    expect(keptDays).toEqual(expect.arrayContaining(['2026-11-08', '2026-11-15']));
    expect(keptDays).not.toContain('2026-11-01');
    // Monthly: the newest of each of the last 12 months, i.e. each month's last day (November's is today).
    expect(keptDays).toEqual(expect.arrayContaining(['2025-12-31', '2026-01-31', '2026-02-28', '2026-06-30', '2026-10-31']));
    expect(keptDays).not.toContain('2025-11-30'); // the 13th month back
    expect(keptDays).toHaveLength(7 + 2 + 11);
    // Events: the newest ten imports; a lone pre-migration backup stays however old.
    expect([...keep].filter((n) => n.startsWith('i-')).sort()).toEqual(events.slice(5).map((e) => e.name).sort());
    expect(keep.has('m-old')).toBe(true);
  });

  test('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(isoWeek(at('2026-11-23'))).toBe('2026-W48');
    expect(isoWeek(at('2026-11-22'))).toBe('2026-W47');
    expect(isoWeek(at('2027-01-01'))).toBe('2026-W53');
    expect(isoWeek(at('2024-12-30'))).toBe('2025-W01');
  });

  test('rotateBackups deletes exactly the backups the policy drops, and stale temporary files', async () => {
    const folder = join(dirname(tempDbFile()), 'backups');
    mkdirSync(folder);
    for (let day = 1; day <= 20; day++) writeFileSync(join(folder, `ips-fidelity-2026-11-${String(day).padStart(2, '0')}T12-00-00Z-daily.sqlite`), 'x');
    writeFileSync(join(folder, 'ips-fidelity-2026-11-20T12-00-00Z-manual.sqlite'), 'x');
    const leftover = join(folder, '.ips-fidelity-2026-11-19T12-00-00Z-daily.sqlite.abc.tmp');
    writeFileSync(leftover, 'half a backup');
    utimesSync(leftover, new Date('2026-11-19T12:00:00Z'), new Date('2026-11-19T12:00:00Z'));
    writeFileSync(join(folder, 'unrelated.sqlite'), 'x');
    const deleted = rotateBackups(folder, { keepDaily: 3, keepWeekly: 0, keepMonthly: 0, keepPerEvent: 1 }, new Date('2026-11-22T12:00:00Z'));
    expect(deleted).toHaveLength(17);
    expect(readdirSync(folder).sort()).toEqual([
      'ips-fidelity-2026-11-18T12-00-00Z-daily.sqlite',
      'ips-fidelity-2026-11-19T12-00-00Z-daily.sqlite',
      'ips-fidelity-2026-11-20T12-00-00Z-daily.sqlite',
      'ips-fidelity-2026-11-20T12-00-00Z-manual.sqlite',
      'unrelated.sqlite',
    ]);
  });
});

describe('checkBackup', () => {
  async function goodBackup() {
    const { db, folder } = await databaseWithSite();
    const backup = await backupDatabase(db, folder, 'manual', { now: at('2026-11-23') });
    db.close();
    return backup.file;
  }

  test('a good backup passes, with what it holds; checking leaves nothing next to it', async () => {
    const file = await goodBackup();
    expect(checkBackup(file)).toEqual({ ok: true, schemaVersion: SCHEMA_VERSION, databaseId: expect.stringMatching(/^[0-9a-f]{32}$/), sites: 1, reviews: 0 });
    expect(readdirSync(dirname(file))).toEqual([file.split('/').pop()]);
  });

  test('a corrupted copy (bytes flipped inside a table) is refused', async () => {
    const file = await goodBackup();
    const damaged = `${file}.damaged.sqlite`;
    copyFileSync(file, damaged);
    const bytes = readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    // Scramble every page after the schema page: b-tree headers and cell pointers turn to nonsense.
    for (let offset = pageSize; offset < bytes.length; offset += pageSize) bytes.fill(0xa5, offset, offset + 24);
    writeFileSync(damaged, bytes);
    const check = checkBackup(damaged);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ problem: expect.stringMatching(/^(corrupt|not-a-database)$/) });
  });

  test('a text file, a foreign SQLite database, a newer database and a missing file are refused, each with its reason', async () => {
    const folder = dirname(tempDbFile());
    const text = join(folder, 'text.sqlite');
    writeFileSync(text, 'SQLite format 2 – not really\n'.repeat(100));
    expect(checkBackup(text)).toMatchObject({ ok: false, problem: 'not-a-database' });

    const foreign = join(folder, 'foreign.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.pragma('user_version = 3');
    other.close();
    expect(checkBackup(foreign)).toMatchObject({ ok: false, problem: 'not-ips-fidelity' });

    const newer = await goodBackup();
    const future = new BetterSqlite3(newer);
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    expect(checkBackup(newer)).toMatchObject({ ok: false, problem: 'newer-than-app' });

    expect(checkBackup(join(folder, 'nothing.sqlite'))).toMatchObject({ ok: false, problem: 'not-found' });
  });
});

describe('restoreDatabaseFile (the command line: no process has the database open)', () => {
  test('data written after the backup is gone after the restore, and a before-restore backup holds it', async () => {
    const { file, db, folder } = await databaseWithSite('Before');
    const backup = await backupDatabase(db, folder, 'manual', { now: at('2026-11-20') });
    db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('After', 't', 't')").run();
    db.close();
    const result = await restoreDatabaseFile(file, backup.file, { folder, now: at('2026-11-23') });
    expect(result.check).toMatchObject({ ok: true, sites: 1 });
    expect(dumpDatabase(file).sites!.map((s) => (s as { name: string }).name)).toEqual(['Before']);
    expect(result.beforeRestore!.name).toBe('ips-fidelity-2026-11-23T12-00-00Z-before-restore.sqlite');
    expect(dumpDatabase(result.beforeRestore!.file).sites!.map((s) => (s as { name: string }).name)).toEqual(['Before', 'After']);
    // The restored file opens as the app opens it, and no stale WAL was applied to it.
    const reopened = await openDatabase(file);
    expect(reopened.db.prepare('SELECT count(*) FROM sites').pluck().get()).toBe(1);
    reopened.db.close();
    expect(readdirSync(dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a damaged backup is refused before anything is touched', async () => {
    const { file, db, folder } = await databaseWithSite();
    db.close();
    const before = dumpDatabase(file);
    const bad = join(folder, 'ips-fidelity-2026-11-23T12-00-00Z-manual.sqlite');
    mkdirSync(folder, { recursive: true });
    writeFileSync(bad, Buffer.alloc(8192, 7));
    const error = await restoreDatabaseFile(file, bad, { folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreError);
    expect(error).toMatchObject({ code: 'invalid-backup', check: { problem: 'not-a-database' } });
    expect(dumpDatabase(file)).toEqual(before);
    expect(listBackups(folder).filter((b) => b.reason === 'before-restore')).toEqual([]);
  });

  test('a database another program has open is not replaced', async () => {
    const { file, db, folder } = await databaseWithSite();
    const backup = await backupDatabase(db, folder, 'manual', { now: at('2026-11-20') });
    db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Still here', 't', 't')").run();
    // db stays open, as the running app holds it.
    const error = await restoreDatabaseFile(file, backup.file, { folder }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'database-in-use' });
    expect(db.prepare('SELECT count(*) FROM sites').pluck().get()).toBe(2);
    db.close();
    expect(dumpDatabase(file).sites).toHaveLength(2);
  });

  test('restoring onto no database installs the backup', async () => {
    const { db, folder } = await databaseWithSite('Only');
    const backup = await backupDatabase(db, folder, 'manual', { now: at('2026-11-20') });
    db.close();
    const target = tempDbFile('restored.sqlite');
    const result = await restoreDatabaseFile(target, backup.file, { folder: join(dirname(target), 'backups') });
    expect(result.beforeRestore).toBeNull();
    expect(existsSync(target)).toBe(true);
    expect(dumpDatabase(target).sites).toHaveLength(1);
  });
});
