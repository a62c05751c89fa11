import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { TFunction } from 'i18next';
import { formatLocalDateTime } from '../scales/display-format.ts';
import type { CliLanguage } from './cli-args.ts';
import type { CliIo } from './main.ts';
import { InputFileError } from './input-file-error.ts';

/** `backup`, `backups` and `restore` (issue 7), parsed by cli-args.ts. */
export type BackupArgs =
  | { command: 'backup'; db?: string | undefined; out?: string | undefined; language: CliLanguage }
  | { command: 'backups'; db?: string | undefined; folder?: string | undefined; json: boolean; language: CliLanguage }
  | { command: 'restore'; file: string; db?: string | undefined; folder?: string | undefined; asThisDatabase: boolean; language: CliLanguage };

/**
 * ips-fidelity backup   [--db FILE] [--out FOLDER]      a checked backup now (reason "manual"), rotated
 * ips-fidelity backups  [--db FILE] [--folder FOLDER] [--json]
 * ips-fidelity restore  BACKUP [--db FILE] [--folder FOLDER] [--as-this-database]
 * Without --db, the desktop app's own database; without a folder, the database's own backup folder (backups/<name>-<id>/
 * in the folder its settings name, else next to it): the same folder the app uses. restore checks the backup
 * first, refuses a backup of another database unless --as-this-database, refuses while the app has the database
 * open, and keeps the current database as a before-restore backup.
 */
export async function runBackupCommand(args: BackupArgs, io: CliIo, t: TFunction): Promise<number> {
  const { defaultDatabaseFile } = await import('../electron/backend/store/default-database.ts');
  const dbFile = resolve(args.db ?? defaultDatabaseFile());
  const { loadDatabaseSettings } = await import('../electron/backend/settings/settings.ts');
  const { backupFolderOfFile } = await import('../electron/backend/store/backups.ts');
  const { settings } = loadDatabaseSettings(dbFile, (message) => io.stderr(message));
  const chosen = args.command === 'backup' ? args.out : args.folder;
  const folder = chosen !== undefined ? resolve(chosen) : backupFolderOfFile(dbFile, settings.backupFolder);
  try {
    if (args.command === 'backup') return await backup(dbFile, folder, settings.backups, io, t);
    if (args.command === 'backups') return await list(folder, args, io, t);
    return await restore(dbFile, folder, args.file, args.asThisDatabase, settings.backups, io, t);
  } catch (error) {
    if (error instanceof InputFileError) {
      io.stderr(t(error.key, error.params));
      return 1;
    }
    const { storageErrorCode } = await import('../electron/backend/store/storage-errors.ts');
    const code = (error as { code?: unknown }).code;
    if (storageErrorCode(error) || typeof code === 'string') {
      io.stderr(t(`backup.failed.${storageErrorCode(error) ?? 'other'}`, { reason: String(code ?? ''), message: (error as Error).message }));
      return 1;
    }
    throw error;
  }
}

type Rotation = Parameters<typeof import('../electron/backend/store/backups.ts').rotateBackups>[1];

async function backup(dbFile: string, folder: string, rotation: Rotation, io: CliIo, t: TFunction): Promise<number> {
  if (!existsSync(dbFile)) throw new InputFileError('backup.noDatabase', { file: dbFile });
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const { backupDatabase, rotateBackups } = await import('../electron/backend/store/backups.ts');
  const { checkDatabaseFile } = await import('../electron/backend/store/backup-check.ts');
  const { rmSync } = await import('node:fs');
  // A plain connection: the database is copied as it is, never migrated; the app may keep it open meanwhile.
  const db = new BetterSqlite3(dbFile, { fileMustExist: true });
  let made;
  try {
    db.pragma('busy_timeout = 5000');
    made = await backupDatabase(db, folder, 'manual');
  } finally {
    db.close();
  }
  const check = checkDatabaseFile(made.file);
  if (!check.ok) {
    rmSync(made.file, { force: true });
    throw new InputFileError(`backup.problem.${check.problem}`, { file: dbFile, detail: check.detail });
  }
  rotateBackups(folder, rotation);
  io.stdout(t('backup.written', { file: made.file, size: formatSize(made.size), sites: check.sites, reviews: check.reviews }));
  return 0;
}

async function list(folder: string, args: { json: boolean; language: CliLanguage }, io: CliIo, t: TFunction): Promise<number> {
  const { listBackups } = await import('../electron/backend/store/backups.ts');
  const backups = listBackups(folder);
  if (args.json) {
    io.stdout(JSON.stringify({ folder, backups: backups.map(({ name, reason, createdAt, size }) => ({ name, reason, createdAt, size })) }, null, 2));
    return 0;
  }
  if (backups.length === 0) {
    io.stdout(t('backups.none', { folder }));
    return 0;
  }
  const rows = backups.map((b) => [b.name, formatLocalDateTime(b.createdAt, args.language), t(`backups.reason.${b.reason}`), formatSize(b.size)].join('\t'));
  io.stdout([t('backups.folder', { folder }), t('backups.header'), ...rows].join('\n'));
  return 0;
}

async function restore(dbFile: string, folder: string, given: string, asThisDatabase: boolean, rotation: Rotation, io: CliIo, t: TFunction): Promise<number> {
  // A bare name from `ips-fidelity backups` is looked up in the backup folder; anything else is a path.
  const isBareName = !given.includes('/') && !given.includes(sep);
  const backupFile = isBareName && !existsSync(resolve(given)) ? join(folder, given) : resolve(given);
  if (!existsSync(dirname(dbFile))) throw new InputFileError('restore.noFolder', { folder: dirname(dbFile) });
  const { restoreDatabaseFile, RestoreError } = await import('../electron/backend/store/restore-database.ts');
  try {
    const result = await restoreDatabaseFile(dbFile, backupFile, { folder, rotation, asThisDatabase });
    io.stdout(t('restore.done', { backup: backupFile, file: dbFile, sites: result.check.sites, reviews: result.check.reviews }));
    io.stdout(result.beforeRestore ? t('restore.savedBefore', { file: result.beforeRestore.file }) : t('restore.noPrevious'));
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    if (error.code === 'database-in-use') throw new InputFileError('restore.inUse', { file: dbFile });
    throw new InputFileError(`backup.problem.${error.check?.problem ?? 'corrupt'}`, { file: backupFile, detail: error.check?.detail ?? error.message });
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
