import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BACKUP_NAME_PATTERN, type BackupInfo, type BackupReason } from '../../contract/backup-contract.ts';
import { DEFAULT_BACKUP_ROTATION, type BackupRotation } from '../../contract/settings-contract.ts';
import { backupsToKeep } from './backup-rotation.ts';
import { readDatabaseId } from './database-identity.ts';
import { fsyncFile, fsyncFolder, removeDatabaseFiles } from './durable-files.ts';

export interface BackupEntry extends BackupInfo {
  /** Full path. */
  file: string;
}

export interface BackupOptions {
  now?: Date;
  /** The Electron-ABI build of better-sqlite3 in the desktop app (see open-database.ts). */
  nativeBinding?: string | undefined;
}

/** A leftover of a backup that was interrupted (crash, full disk); removed by the next rotation. */
const TEMPORARY_PATTERN = /^\.ips-fidelity-.*\.tmp(?:-journal|-wal|-shm)?$/;

/** Where backups go when the settings name no folder: backups/ next to the database, <userData>/backups in the app. */
export const defaultBackupRoot = (dbFile: string) => join(dbFile, '..', 'backups');

/** A database file's name without its SQLite extension: ips-fidelity.sqlite -> ips-fidelity (backups, settings). */
export const databaseFileStem = (dbFile: string) => basename(dbFile).replace(/\.(sqlite3?|db)$/i, '');

/**
 * The backup folder of a database file not opened by the app (the command line): its own folder by its id, or for
 * a file from before database ids (migration 015, added when the app next opens it) the root itself, as then.
 */
export function backupFolderOfFile(dbFile: string, root: string | undefined): string {
  const base = root ?? defaultBackupRoot(dbFile);
  if (!existsSync(dbFile)) return base;
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    const id = readDatabaseId(db);
    return id === null ? base : databaseBackupFolder(base, dbFile, id);
  } catch {
    return base;
  } finally {
    db.close();
  }
}

/**
 * Each database's own backup folder inside the root: its file name and the start of its id (migration 015), so two
 * databases in one folder, or two of the same name elsewhere sharing a backup folder, never mix their backups.
 */
export function databaseBackupFolder(root: string, dbFile: string, databaseId: string): string {
  const name = databaseFileStem(dbFile).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'database';
  return join(root, `${name}-${databaseId.slice(0, 8)}`);
}

const stamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');

/**
 * Backs up an open database with SQLite's online backup API (consistent even while the app writes) into
 * `folder`: first to a temporary name, switched to a self-contained rollback-journal file, flushed to disk, then
 * renamed, so a backup file either is complete or does not exist. Throws the file system's or SQLite's error
 * (ENOSPC, SQLITE_FULL, EROFS…), leaving no partial file behind.
 */
export async function backupDatabase(db: Database, folder: string, reason: BackupReason, options: BackupOptions = {}): Promise<BackupEntry> {
  const now = options.now ?? new Date();
  mkdirSync(folder, { recursive: true });
  const name = freeBackupName(folder, now, reason);
  const file = join(folder, name);
  const temporary = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await db.backup(temporary);
    // The copy carries the source's WAL flag; as a rollback-journal file it is one self-contained file that
    // opens read-only anywhere without leaving -wal/-shm files behind.
    const copy = new BetterSqlite3(temporary, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(temporary);
    renameSync(temporary, file);
  } catch (error) {
    removeDatabaseFiles(temporary);
    throw error;
  }
  fsyncFolder(folder);
  return { name, file, reason, createdAt: createdAtOf(name, now), size: statSync(file).size };
}

/** Two backups in the same second get -1, -2… */
export function freeBackupName(folder: string, now: Date, reason: BackupReason): string {
  const base = `ips-fidelity-${stamp(now)}-${reason}`;
  for (let n = 0; n < 10_000; n++) {
    const name = n === 0 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    if (!existsSync(join(folder, name))) return name;
  }
  throw new Error(`too many backups named ${base}`);
}

function createdAtOf(name: string, fallback: Date): string {
  const match = BACKUP_NAME_PATTERN.exec(name);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}.000Z` : fallback.toISOString();
}

const sequenceOf = (name: string) => Number(BACKUP_NAME_PATTERN.exec(name)?.[6] ?? 0);

/** The backups in `folder`, newest first; files not named like a backup are not ours and are left out. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupEntry[] = [];
  for (const name of names) {
    const match = BACKUP_NAME_PATTERN.exec(name);
    if (!match) continue;
    const file = join(folder, name);
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) continue;
      size = stats.size;
    } catch {
      continue; // removed meanwhile
    }
    backups.push({ name, file, reason: match[5] as BackupReason, createdAt: createdAtOf(name, new Date(0)), size });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || sequenceOf(b.name) - sequenceOf(a.name) || a.name.localeCompare(b.name));
}

/**
 * Deletes the backups the policy does not keep (backup-rotation.ts) and temporary files of interrupted backups
 * older than a day. Returns the names deleted.
 */
export function rotateBackups(folder: string, policy: BackupRotation = DEFAULT_BACKUP_ROTATION, now = new Date()): string[] {
  const backups = listBackups(folder);
  const keep = backupsToKeep(backups.map((b) => ({ name: b.name, reason: b.reason, createdAt: new Date(b.createdAt) })), policy);
  const deleted: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.name)) continue;
    removeDatabaseFiles(backup.file); // with a -wal a byte copy may carry (restore-database.ts)
    deleted.push(backup.name);
  }
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    if (!TEMPORARY_PATTERN.test(name)) continue;
    try {
      if (now.getTime() - statSync(join(folder, name)).mtimeMs > 86_400_000) rmSync(join(folder, name), { force: true });
    } catch {
      // removed meanwhile
    }
  }
  return deleted;
}
