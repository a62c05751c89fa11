import { existsSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';

export class StoreError extends Error {
  constructor(readonly code: 'db-newer-than-app' | 'db-migration-failed' | 'db-not-ips-fidelity', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenDatabaseOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the desktop app); Node uses the default build. */
  nativeBinding?: string | undefined;
  /** Names the pre-migration backup; injectable so tests are deterministic. */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database;
  /** The backup written before migrating an existing file, if any. */
  backupFile: string | null;
  migratedFrom: number;
}

/**
 * Opens (or creates) the database and brings its schema up to date. A file from a newer app is refused before
 * anything is written to it; an existing file is backed up with SQLite's online backup before any migration.
 */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const existed = file !== ':memory:' && existsSync(file);
  const fromVersion = existed ? readUserVersion(file, driverOptions) : 0;
  if (fromVersion > SCHEMA_VERSION) {
    throw new StoreError('db-newer-than-app',
      `${file} was written by a newer version of IPS Fidelity (schema ${fromVersion}; this app knows up to ${SCHEMA_VERSION}). ` +
      'Update the app; the file was not changed.');
  }

  const db = new BetterSqlite3(file, driverOptions);
  try {
    db.pragma('busy_timeout = 5000');
    // The backup comes first, before even the journal mode is switched, so it is the file exactly as it was.
    let backupFile: string | null = null;
    if (fromVersion < SCHEMA_VERSION && existed && hasTables(db)) {
      backupFile = `${file}.before-v${SCHEMA_VERSION}-${stamp(options.now?.() ?? new Date())}.bak`;
      await db.backup(backupFile);
    }
    db.pragma('journal_mode = WAL');
    // FULL: every acknowledged write survives a crash or power cut, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (fromVersion < SCHEMA_VERSION) migrate(db, fromVersion);
    return { db, backupFile, migratedFrom: fromVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}

function readUserVersion(file: string, driverOptions: object): number {
  let probe: Database;
  try {
    probe = new BetterSqlite3(file, { ...driverOptions, readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError('db-not-ips-fidelity', `${file} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new StoreError('db-not-ips-fidelity', `${file} is not an SQLite database: ${(error as Error).message}`);
  } finally {
    probe.close();
  }
}

function hasTables(db: Database): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
}

/** Runs every pending migration in one transaction: either the file reaches the new schema or stays as it was. */
export function migrate(db: Database, fromVersion: number, toVersion = SCHEMA_VERSION): void {
  const pending = MIGRATIONS.filter((m) => m.version > fromVersion && m.version <= toVersion);
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    }).immediate();
  } catch (error) {
    throw new StoreError('db-migration-failed', `migrating the database from schema ${fromVersion} failed; nothing was changed: ${(error as Error).message}`);
  }
}

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
