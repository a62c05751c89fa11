import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BackupCheck, BackupReason } from '../../contract/backup-contract.ts';
import type { BackupRotation } from '../../contract/settings-contract.ts';
import { checkBackup, checkDatabaseFile } from './backup-check.ts';
import { backupDatabase, freeBackupName, listBackups, rotateBackups, type BackupEntry } from './backups.ts';
import { readDatabaseId, setDatabaseId } from './database-identity.ts';
import { fsyncFile, fsyncFolder, removeDatabaseFiles } from './durable-files.ts';

export class RestoreError extends Error {
  constructor(readonly code: 'invalid-backup' | 'database-in-use', message: string, readonly check?: BackupCheck & { ok: false }) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreOptions {
  /** Where the before-restore backup goes. */
  folder: string;
  rotation?: BackupRotation | undefined;
  now?: Date;
  nativeBinding?: string | undefined;
  /** Take a backup of another database (its data becomes this database's, which keeps its id). */
  asThisDatabase?: boolean | undefined;
}

export interface RestoreResult {
  check: BackupCheck & { ok: true };
  /** The database as it was just before; null when there was no database file. */
  beforeRestore: BackupEntry | null;
}

/**
 * Restores a database file that no process has open (the command line): checks the backup, refuses while the
 * database is in use (an app holding it open would go on writing to the replaced file), backs up the current
 * database (reason before-restore) and installs the backup in its place.
 */
export async function restoreDatabaseFile(dbFile: string, backupFile: string, options: RestoreOptions): Promise<RestoreResult> {
  const check = checkBackup(backupFile, options);
  if (!check.ok) throw new RestoreError('invalid-backup', `${backupFile}: ${check.problem}: ${check.detail}`, check);
  let beforeRestore: BackupEntry | null = null;
  let ours: string | null = null;
  if (existsSync(dbFile)) {
    const db = new BetterSqlite3(dbFile, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      db.pragma('busy_timeout = 1000'); // an app holding the file keeps its lock: no point waiting long
      ours = readDatabaseId(db);
      if (ours !== null && check.databaseId !== null && check.databaseId !== ours && !options.asThisDatabase) {
        const refusal = { ok: false as const, problem: 'other-database' as const, detail: `the backup is of database ${check.databaseId.slice(0, 8)}, this is ${ours.slice(0, 8)}` };
        throw new RestoreError('invalid-backup', `${backupFile}: ${refusal.problem}: ${refusal.detail}`, refusal);
      }
      if (!lockExclusively(db)) throw new RestoreError('database-in-use', `${dbFile} is in use by another program (IPS Fidelity?); close it first`);
      beforeRestore = await backupBeforeRestore(db, dbFile, options);
    } finally {
      db.close();
    }
  }
  installDatabaseFile(dbFile, backupFile, options);
  if (ours !== null && check.databaseId !== null && check.databaseId !== ours) keepDatabaseId(dbFile, ours, options.nativeBinding);
  rotateBackups(options.folder, options.rotation, options.now);
  return { check, beforeRestore };
}

/** Restored as this database: the installed file takes back this database's id, and so its backup folder. */
function keepDatabaseId(dbFile: string, id: string, nativeBinding: string | undefined): void {
  const db = new BetterSqlite3(dbFile, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    setDatabaseId(db, id);
  } finally {
    db.close();
  }
}

/** True when this connection alone holds the database (another connection makes this SQLITE_BUSY). */
function lockExclusively(db: Database): boolean {
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT'); // in EXCLUSIVE locking mode the lock is kept until the connection closes
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return false;
    return true; // a damaged file cannot be locked either; backupBeforeRestore copies it as it is
  }
}

/**
 * The current database before it is replaced: SQLite's online backup, or, when the file is too damaged for that
 * (the very case a restore is for), a byte copy of the file and its WAL under the same backup name.
 */
export async function backupBeforeRestore(db: Database, dbFile: string, options: RestoreOptions): Promise<BackupEntry> {
  try {
    return await backupDatabase(db, options.folder, 'before-restore', options);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw error;
    return copyAsBackup(dbFile, options.folder, 'before-restore', options.now ?? new Date());
  }
}

function copyAsBackup(dbFile: string, folder: string, reason: BackupReason, now: Date): BackupEntry {
  mkdirSync(folder, { recursive: true });
  const name = freeBackupName(folder, now, reason);
  const target = join(folder, name);
  const temporary = join(folder, `.${name}.tmp`);
  try {
    copyFileSync(dbFile, temporary);
    fsyncFile(temporary);
    if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${target}-wal`);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    rmSync(`${target}-wal`, { force: true });
    throw error;
  }
  fsyncFolder(folder);
  return listBackups(folder).find((b) => b.name === name)!;
}

/**
 * Puts a copy of `backupFile` in place of `dbFile`, which must be closed: copied to a temporary file in the same
 * folder, flushed, checked again (the bytes installed are the bytes checked), then renamed over the database in
 * one atomic step. Stale -wal/-shm/-journal files of the old database are removed first: SQLite would otherwise
 * apply the old file's write-ahead log to the restored one.
 */
export function installDatabaseFile(dbFile: string, backupFile: string, options: { nativeBinding?: string | undefined } = {}): BackupCheck & { ok: true } {
  const folder = dirname(dbFile);
  const temporary = join(folder, `.${basename(dbFile)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  try {
    copyFileSync(backupFile, temporary);
    fsyncFile(temporary);
    const check = checkDatabaseFile(temporary, options);
    if (!check.ok) throw new RestoreError('invalid-backup', `${backupFile}: ${check.problem}: ${check.detail}`, check);
    for (const suffix of ['-wal', '-shm']) rmSync(`${temporary}${suffix}`, { force: true }); // from the read-only check
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${dbFile}${suffix}`, { force: true });
    renameSync(temporary, dbFile);
    fsyncFolder(folder);
    return check;
  } catch (error) {
    removeDatabaseFiles(temporary);
    throw error;
  }
}
