import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BackupRotation } from '../../contract/settings-contract.ts';
import { backupDatabase, databaseBackupFolder, defaultBackupRoot, rotateBackups } from './backups.ts';
import { newDatabaseId, readDatabaseId, setDatabaseId } from './database-identity.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';
import { schemaDifferences, summariseDifferences } from './schema-check.ts';
import { storageErrorCode } from './storage-errors.ts';

export class StoreError extends Error {
  constructor(readonly code: 'db-newer-than-app' | 'db-migration-failed' | 'db-not-ips-fidelity' | 'db-schema-differs' | 'db-read-only' | 'db-storage-full', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenDatabaseOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the desktop app); Node uses the default build. */
  nativeBinding?: string | undefined;
  /** Names the pre-migration backup; injectable so tests are deterministic. */
  now?: () => Date;
  /**
   * Where the pre-migration backup goes: a folder, or the folder for the database's id (backups.ts
   * databaseBackupFolder); backups/<name>-<id>/ next to the database by default.
   */
  backupFolder?: string | ((databaseId: string) => string) | undefined;
  /** The id a file without one gets (a restored backup from before migration 015 keeps the database's id). */
  databaseId?: string | undefined;
  rotation?: BackupRotation | undefined;
}

export interface OpenedDatabase {
  db: Database;
  /** The backup written before migrating an existing file, if any. */
  backupFile: string | null;
  migratedFrom: number;
  /** Which database this is (migration 015): its backups are named and foldered after it. */
  databaseId: string;
}

/**
 * Opens (or creates) the database and brings its schema up to date. A file from a newer app is refused before
 * anything is written to it; an existing file is backed up with SQLite's online backup before any migration.
 */
export async function openDatabase(file: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const existed = file !== ':memory:' && existsSync(file);
  if (file !== ':memory:') assertWritable(file, existed);
  const existing = existed ? inspectExisting(file, driverOptions, options.nativeBinding) : { version: 0, databaseId: null };
  const fromVersion = existing.version;
  // A file from before migration 015 gets its id now, so that the backup before migrating is already foldered by it.
  const databaseId = existing.databaseId ?? options.databaseId ?? newDatabaseId();

  const db = new BetterSqlite3(file, driverOptions);
  try {
    db.pragma('busy_timeout = 5000');
    // The backup comes first, before even the journal mode is switched, so it is the file exactly as it was.
    let backupFile: string | null = null;
    if (fromVersion < SCHEMA_VERSION && existed && hasTables(db)) backupFile = await backupBeforeMigrating(db, file, databaseId, options);
    db.pragma('journal_mode = WAL');
    // FULL: every acknowledged write survives a crash or power cut, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (fromVersion < SCHEMA_VERSION) migrate(db, fromVersion, SCHEMA_VERSION, (migrated) => {
      if (existing.databaseId === null) setDatabaseId(migrated, databaseId);
    });
    return { db, backupFile, migratedFrom: fromVersion, databaseId: readDatabaseId(db) ?? databaseId };
  } catch (error) {
    db.close();
    throw asStoreError(error, file);
  }
}

/**
 * IPS Fidelity writes the database file and, for its write-ahead log, the folder: a read-only file, folder or
 * disk is refused here with a message that says so, before SQLite fails with a vaguer one. (As root, access()
 * passes a chmod-protected file, but then SQLite can write it too; a read-only mount fails here for root as well.)
 */
function assertWritable(file: string, existed: boolean): void {
  for (const path of existed ? [file, dirname(file)] : [dirname(file)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // no folder: SQLite says so
      throw readOnly(file, code ?? 'not writable');
    }
  }
}

const readOnly = (file: string, cause: string) => new StoreError('db-read-only',
  `${file} cannot be written (${cause}): the database file or its folder ${dirname(file)} is read-only. ` +
  'IPS Fidelity needs to write both; make them writable or copy the database to a writable folder. The file was not changed.');

/** SQLite's and the file system's refusals to write, as a StoreError that says what to do. */
function asStoreError(error: unknown, file: string): unknown {
  if (error instanceof StoreError) return error;
  const kind = storageErrorCode(error);
  const cause = String((error as { code?: unknown }).code ?? '');
  if (kind === 'storage-read-only' || cause.startsWith('SQLITE_CANTOPEN')) return readOnly(file, cause);
  if (kind === 'storage-full') {
    return new StoreError('db-storage-full', `${file} cannot be opened because the disk is full (${cause}). Free some space and start again; the file was not changed.`);
  }
  return error;
}

/** The backup before a migration goes to the backup folder with the others and is rotated with them. */
async function backupBeforeMigrating(db: Database, file: string, databaseId: string, options: OpenDatabaseOptions): Promise<string> {
  const chosen = options.backupFolder;
  const folder = typeof chosen === 'function' ? chosen(databaseId) : chosen ?? databaseBackupFolder(defaultBackupRoot(file), file, databaseId);
  const now = options.now?.() ?? new Date();
  const backup = await backupDatabase(db, folder, 'migration', { now, nativeBinding: options.nativeBinding });
  try {
    rotateBackups(folder, options.rotation, now);
  } catch {
    // an old backup that cannot be deleted is no reason to refuse to open the database
  }
  return backup.file;
}

/**
 * Reads an existing file's schema version, read-only, and refuses (before anything is written) a file from a
 * newer app or one whose tables, columns, indexes, triggers or views are not what this app's migrations give
 * for that version (schema-check.ts): a planted trigger would otherwise rule every later write.
 */
function inspectExisting(file: string, driverOptions: object, nativeBinding: string | undefined): { version: number; databaseId: string | null } {
  let probe: Database;
  try {
    probe = new BetterSqlite3(file, { ...driverOptions, readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError('db-not-ips-fidelity', `${file} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    let version: number;
    try {
      version = probe.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new StoreError('db-not-ips-fidelity', `${file} is not an SQLite database: ${(error as Error).message}`);
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreError('db-newer-than-app',
        `${file} was written by a newer version of IPS Fidelity (schema ${version}; this app knows up to ${SCHEMA_VERSION}). ` +
        'Update the app; the file was not changed.');
    }
    if (version >= 1) {
      const differences = schemaDifferences(probe, nativeBinding);
      if (differences.length) {
        throw new StoreError('db-schema-differs',
          `${file} is not laid out as IPS Fidelity's schema ${version} (${summariseDifferences(differences)}). ` +
          'It was not opened and not changed; restore a backup or open another file.');
      }
    }
    return { version, databaseId: version >= 1 ? readDatabaseId(probe) : null };
  } finally {
    probe.close();
  }
}

function hasTables(db: Database): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
}

/** Runs every pending migration in one transaction: either the file reaches the new schema or stays as it was. */
export function migrate(db: Database, fromVersion: number, toVersion = SCHEMA_VERSION, andThen?: (db: Database) => void): void {
  const pending = MIGRATIONS.filter((m) => m.version > fromVersion && m.version <= toVersion);
  // Foreign keys are off while migrating (a pragma that cannot change inside a transaction) so that a table rebuild
  // (016) can drop the old table without cascading; they are checked in full before the transaction commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) throw new Error(`${broken.length} rows point at missing rows (first: ${broken[0]!.table} row ${broken[0]!.rowid} → ${broken[0]!.parent})`);
      andThen?.(db);
    }).immediate();
  } catch (error) {
    throw new StoreError('db-migration-failed', `migrating the database from schema ${fromVersion} failed; nothing was changed: ${(error as Error).message}`);
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}
