import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { readDatabaseId } from '../../electron/backend/store/database-identity.ts';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';
import { tempFolders } from '../fixtures/temp-folders.ts';

const temp = tempFolders();

describe('migration 015 (database identity)', () => {
  test('a version-14 database keeps everything, gets an id, and its pre-migration backup is already in the folder named by that id', async () => {
    const file = temp.fileIn(tempDbFile('arvioija.sqlite'));
    const old = new BetterSqlite3(file);
    migrate(old, 0, 14);
    old.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Kuopio', 't', 't')").run();
    old.close();
    const before = dumpDatabase(file);

    const { db, backupFile, databaseId } = await openDatabase(file, { now: () => new Date('2026-12-07T10:00:00Z') });
    try {
      expect(databaseId).toMatch(/^[0-9a-f]{32}$/);
      expect(readDatabaseId(db)).toBe(databaseId);
      expect(db.prepare('SELECT name FROM sites').pluck().all()).toEqual(['Kuopio']);
    } finally {
      db.close();
    }
    expect(basename(dirname(backupFile!))).toBe(`arvioija-${databaseId.slice(0, 8)}`);
    expect(dumpDatabase(backupFile!)).toEqual(before);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(after.database_identity).toEqual([{ singleton: 1, id: databaseId, created_at: expect.any(String) }]);

    // Opened again: the same id, no new backup.
    const again = await openDatabase(file);
    expect(again.databaseId).toBe(databaseId);
    again.db.close();
    expect(readdirSync(dirname(backupFile!))).toHaveLength(1);
  });

  test('every new database gets an id of its own', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const file = temp.fileIn(tempDbFile());
      const { db, databaseId } = await openDatabase(file);
      db.close();
      ids.add(databaseId);
    }
    expect(ids.size).toBe(3);
  });
});
