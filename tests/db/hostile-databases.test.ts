import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { checkBackup } from '../../electron/backend/store/backup-check.ts';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { expectedSchema, readSchema, compareSchemas, schemaDifferences } from '../../electron/backend/store/schema-check.ts';
import { SCHEMA_VERSION } from '../../electron/backend/store/migrations/index.ts';
import { dumpDatabase, tempDbFile, testBackend } from '../fixtures/backend.ts';
import { tempFolders } from '../fixtures/temp-folders.ts';

/**
 * Issue 14: restore and open check the schema, not just the table names. Each attack changes an honest backup's
 * schema the way someone planting a file would; each must be refused with a reason that names what differs,
 * before anything is replaced, the live database unchanged.
 */
interface SchemaAttack {
  /** What the refusal must name. */
  names: string;
  tamper: (db: Database) => void;
}

/** Rebuilds a table from new DDL, keeping the rows whose columns still exist. */
const rebuild = (db: Database, table: string, ddl: string) => {
  db.pragma('foreign_keys = OFF');
  db.exec(`ALTER TABLE ${table} RENAME TO old_${table}; ${ddl}; DROP TABLE old_${table};`);
};

const ATTACKS: Record<string, SchemaAttack> = {
  triggerForcingEveryRatingToFive: {
    names: 'extra trigger force_five on ratings',
    tamper: (db) => db.exec(`CREATE TRIGGER force_five AFTER INSERT ON ratings BEGIN UPDATE ratings SET score = 5 WHERE reviewer_id = NEW.reviewer_id AND item = NEW.item; END;
      CREATE TRIGGER force_five_on_update AFTER UPDATE OF score ON ratings WHEN NEW.score IS NOT 5 BEGIN UPDATE ratings SET score = 5 WHERE reviewer_id = NEW.reviewer_id AND item = NEW.item; END;`),
  },
  triggerDeletingTheAuditLog: {
    names: 'extra trigger wipe_audit on audit_log',
    tamper: (db) => db.exec('CREATE TRIGGER wipe_audit AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;'),
  },
  rightTableNamesWrongColumns: {
    names: 'missing column sites.name',
    tamper: (db) => rebuild(db, 'sites', 'CREATE TABLE sites (id INTEGER PRIMARY KEY, title TEXT, created_at TEXT, updated_at TEXT)'),
  },
  columnOfAnotherType: {
    names: 'column audit_log.actor is BLOB',
    tamper: (db) => rebuild(db, 'audit_log', `CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor BLOB NOT NULL, entity TEXT NOT NULL,
      entity_id TEXT NOT NULL, action TEXT NOT NULL, old_value TEXT, new_value TEXT) STRICT`),
  },
  checkConstraintRemoved: {
    names: 'table ratings is defined differently',
    tamper: (db) => rebuild(db, 'ratings', `CREATE TABLE ratings (
        reviewer_id INTEGER NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
        item INTEGER NOT NULL, score INTEGER, reason TEXT, reason_note TEXT, evidence TEXT, updated_at TEXT NOT NULL,
        PRIMARY KEY (reviewer_id, item)) STRICT`),
  },
  viewAdded: {
    names: 'extra view every_review',
    tamper: (db) => db.exec('CREATE VIEW every_review AS SELECT * FROM reviews'),
  },
  tableAdded: {
    names: 'extra table payload',
    tamper: (db) => db.exec('CREATE TABLE payload (x TEXT)'),
  },
  indexDropped: {
    names: 'missing index recommendations_one_per_item on recommendations',
    tamper: (db) => db.exec('DROP INDEX recommendations_one_per_item'),
  },
  columnAdded: {
    names: 'extra column reviews.exfiltrate',
    tamper: (db) => db.exec('ALTER TABLE reviews ADD COLUMN exfiltrate TEXT'),
  },
};

const temp = tempFolders();

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The live database's content and schema, read through a second connection. */
function liveHash(dbFile: string): string {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all();
    return sha256(JSON.stringify({ schema, rows: dumpDatabase(dbFile) }));
  } finally {
    db.close();
  }
}

async function honestBackup() {
  const backend = await testBackend();
  temp.fileIn(backend.dbFile);
  const site = await backend.call('sites.create', { name: 'Kuopio' });
  const review = await backend.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-03'], reviewers: [{ name: 'Aino', role: 'lead' }] });
  await backend.call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item: 1, score: 2 });
  const backup = await backend.call('backups.create', {});
  return { ...backend, backup, backupFile: join((await backend.call('backups.list', {})).folder, backup.name) };
}

function tamperCopy(source: string, attack: SchemaAttack): string {
  const file = temp.fileIn(tempDbFile('hostile.sqlite'));
  copyFileSync(source, file);
  const db = new BetterSqlite3(file);
  try {
    attack.tamper(db);
  } finally {
    db.close();
  }
  return file;
}

describe('hostile backups and databases, each refused with what differs', () => {
  test.each(Object.entries(ATTACKS))('%s', async (_name, attack) => {
    const { backend, call, dbFile, backupFile, backup } = await honestBackup();
    const hostile = tamperCopy(backupFile, attack);

    // The check names it.
    const check = checkBackup(hostile);
    expect(check).toMatchObject({ ok: false, problem: 'schema-differs' });
    expect(check.ok ? '' : check.detail).toContain(attack.names);

    // Restoring it (planted in the backup folder under the backup's name) changes nothing.
    copyFileSync(hostile, backupFile);
    const before = liveHash(dbFile);
    const restored = await backend.dispatch('backups.restore', { name: backup.name });
    expect(restored).toMatchObject({ ok: false, error: { code: 'invalid-backup', details: { problem: 'schema-differs', detail: expect.stringContaining(attack.names) } } });
    expect(liveHash(dbFile)).toBe(before);
    // The app goes on with its own data.
    expect((await call('sites.list', {})).map((s) => s.name)).toEqual(['Kuopio']);
    backend.close();

    // Opening the file as the app's database is refused before anything is written to it.
    const bytes = sha256(readFileSync(hostile));
    await expect(openDatabase(hostile)).rejects.toMatchObject({ code: 'db-schema-differs', message: expect.stringContaining(attack.names) });
    expect(sha256(readFileSync(hostile))).toBe(bytes);
  });
});

describe('honest databases pass', () => {
  test("a new database has exactly the schema the migrations give, and an untouched backup passes the check", async () => {
    const { backend, dbFile, backupFile } = await honestBackup();
    backend.close();
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(schemaDifferences(db)).toEqual([]);
    } finally {
      db.close();
    }
    expect(checkBackup(backupFile)).toMatchObject({ ok: true, schemaVersion: SCHEMA_VERSION });
  });

  test('a database made at schema 5 and migrated on opening ends with the same schema as a new one', async () => {
    const file = temp.fileIn(tempDbFile('old.sqlite'));
    const old = new BetterSqlite3(file);
    migrate(old, 0, 5);
    old.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Vanha', 't', 't')").run();
    expect(schemaDifferences(old)).toEqual([]);
    old.close();
    expect(checkBackup(file)).toMatchObject({ ok: true, schemaVersion: 5 });
    const { db } = await openDatabase(file, { backupFolder: join(dirname(file), 'backups') });
    try {
      expect(compareSchemas(expectedSchema(SCHEMA_VERSION), readSchema(db))).toEqual([]);
      expect(db.prepare('SELECT name FROM sites').pluck().all()).toEqual(['Vanha']);
    } finally {
      db.close();
    }
  });

  test('SQLite bookkeeping (ANALYZE statistics) is not a difference', async () => {
    const { backend, dbFile } = await honestBackup();
    backend.close();
    const db = new BetterSqlite3(dbFile);
    try {
      db.exec('ANALYZE');
      expect(schemaDifferences(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
