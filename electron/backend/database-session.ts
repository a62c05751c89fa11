import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../contract/api-error.ts';
import type { BackupInfo, BackupReason } from '../contract/backup-contract.ts';
import { CALL_NAMES, contract, type CallName } from '../contract/contract.ts';
import type { Settings } from '../contract/settings-contract.ts';
import type { Dispatch } from './dispatcher.ts';
import { applySettingsChanges, databaseSettingsFile, defaultSettings, loadDatabaseSettings, loadSettings, saveSettings, type StoredSettingsChanges } from './settings/settings.ts';
import { checkBackup } from './store/backup-check.ts';
import { localDate } from '../../scales/review-rules/local-date.ts';
import { backupDatabase, databaseBackupFolder, defaultBackupRoot, listBackups, rotateBackups, type BackupEntry } from './store/backups.ts';
import { setDatabaseId } from './store/database-identity.ts';
import { openDatabase } from './store/open-database.ts';
import { backupBeforeRestore, installDatabaseFile, RestoreError } from './store/restore-database.ts';
import type { StorageService } from './storage-service.ts';

/** Calls that get a backup of the database just before they run: those whose contract entry says so (backupBefore). */
export const BACKUP_BEFORE_CALLS: ReadonlySet<CallName> = new Set(CALL_NAMES.filter((name) => 'backupBefore' in contract[name]));

export interface SessionOptions {
  dbFile: string;
  nativeBinding?: string | undefined;
  now: () => Date;
  log: (message: string) => void;
  /** null: settings live in memory only (an in-memory database). */
  settingsFile: string | null;
  /** Overrides the settings' backup folder (tests, the command line's --out). */
  backupFolder?: string | undefined;
  /** Daily backups and backups before imports; on unless turned off. */
  automaticBackups: boolean;
  /** The desktop app's folder dialog (null: cancelled); absent in the browser preview and the command line. */
  chooseFolder?: (() => Promise<string | null>) | undefined;
  /** Run on every connection the session opens, the first and the one after a restore. */
  prepare: (db: Database) => void;
  createDispatch: (db: Database, session: DatabaseSession) => Dispatch;
}

export const defaultSettingsFile = (dbFile: string) => (dbFile === ':memory:' ? null : databaseSettingsFile(dbFile));

/**
 * The open database behind the dispatcher, with everything that outlives one connection: the settings, the
 * backups (daily on first use each day, before imports), and restoring a backup, which closes the connection,
 * replaces the file and opens it again while other calls wait.
 */
export class DatabaseSession implements StorageService {
  private db!: Database;
  private inner!: Dispatch;
  private currentSettings: Settings;
  /** The local day the daily backup was last seen to, so each call costs one comparison. */
  private dailyCheckedOn: string | null = null;
  /** total_changes() when the newest backup from this connection started: unchanged since means no new backup. */
  private lastBackup: { changes: number; file: string } | null = null;
  /**
   * Automatic backups in arrival order: a call waits behind any backup a call before it started, so that a backup
   * never lets a later call overtake an earlier one (two quick saves of the same field must land in order).
   */
  private backups: Promise<void> = Promise.resolve();
  private gate: Promise<void> | null = null;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private restoring = false;
  /** The backup written before migrating at open, if that happened. */
  migrationBackup: string | null = null;
  /** Which database is open (migration 015); its backups are foldered by it. */
  private databaseId: string | null = null;

  private constructor(private readonly options: SessionOptions) {
    const { settingsFile, dbFile, log, now } = options;
    this.currentSettings = settingsFile === null ? defaultSettings()
      : settingsFile === databaseSettingsFile(dbFile) ? loadDatabaseSettings(dbFile, log, now).settings
      : loadSettings(settingsFile, log, now).settings;
  }

  static async open(options: SessionOptions): Promise<DatabaseSession> {
    const session = new DatabaseSession(options);
    const opened = await session.openConnection();
    session.migrationBackup = opened.backupFile;
    if (opened.migratedFrom === 0) session.dailyCheckedOn = localDate(options.now()); // a new, empty database
    if (session.dailyDue()) await session.dailyBackup();
    return session;
  }

  private async openConnection() {
    const { dbFile, nativeBinding, now } = this.options;
    const opened = await openDatabase(dbFile, {
      nativeBinding, now, rotation: this.currentSettings.backups,
      backupFolder: (databaseId) => this.backupFolderFor(databaseId),
      // A restored backup from before database ids keeps this database's id (and so its backup folder).
      databaseId: this.databaseId ?? undefined,
    });
    try {
      this.options.prepare(opened.db);
    } catch (error) {
      opened.db.close();
      throw error;
    }
    this.db = opened.db;
    this.databaseId = opened.databaseId;
    this.inner = this.options.createDispatch(opened.db, this);
    this.lastBackup = null;
    return opened;
  }

  /** The dispatcher of the current connection; waits while a restore replaces it. */
  readonly dispatch: Dispatch = async (name, input) => {
    while (this.gate) await this.gate;
    this.inFlight++;
    try {
      if (this.dailyDue()) void this.enqueue(() => this.dailyBackup());
      await this.backups;
      return await this.inner(name, input);
    } finally {
      this.inFlight--;
      if (this.inFlight <= 1) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  };

  close(): void {
    this.db.close();
  }

  /**
   * Given to the dispatcher, which calls it after validating the input: a backup before the calls in
   * BACKUP_BEFORE_CALLS unless nothing changed since the last one. Other calls wait behind a backup in progress.
   */
  readonly beforeCall = (name: CallName): Promise<void> => {
    if (!this.options.automaticBackups || !BACKUP_BEFORE_CALLS.has(name)) return this.backups;
    return this.enqueue(async () => {
      if (this.lastBackup && this.lastBackup.changes === this.totalChanges() && existsSync(this.lastBackup.file)) return;
      await this.backupNow('import');
    });
  };

  /** Runs `task` after the backups queued before it; its failure fails only the call that queued it. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const mine = this.backups.then(task);
    this.backups = mine.catch(() => {});
    return mine;
  }

  private totalChanges(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /** True once per local day (at open or on the first call that day): one string comparison per call. */
  private dailyDue(): boolean {
    if (!this.options.automaticBackups) return false;
    const today = localDate(this.options.now());
    if (this.dailyCheckedOn === today) return false;
    this.dailyCheckedOn = today;
    return true;
  }

  /** A daily backup unless the folder already has one of today (made by an earlier start the same day). */
  private async dailyBackup(): Promise<void> {
    const today = localDate(this.options.now());
    try {
      const newest = listBackups(this.backupFolder()).find((b) => b.reason === 'daily');
      if (newest && localDate(new Date(newest.createdAt)) === today) return;
      await this.backupNow('daily');
    } catch (error) {
      // The call the user made goes on; the failure is logged and tried again tomorrow (or with "Back up now").
      this.options.log(`[backups] the daily backup to ${this.backupFolder()} failed: ${(error as Error).message}`);
    }
  }

  backupFolder(): string {
    return this.backupFolderFor(this.databaseId!);
  }

  /** The given folder (tests, the command line), else this database's own folder inside the chosen or default root. */
  private backupFolderFor(databaseId: string): string {
    const { backupFolder, dbFile } = this.options;
    return backupFolder ?? databaseBackupFolder(this.currentSettings.backupFolder ?? defaultBackupRoot(dbFile), dbFile, databaseId);
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.backupFolder()).map(info);
  }

  async backupNow(reason: BackupReason): Promise<BackupInfo> {
    const folder = this.backupFolder();
    const changes = this.totalChanges();
    const entry = await backupDatabase(this.db, folder, reason, { now: this.options.now(), nativeBinding: this.options.nativeBinding });
    this.lastBackup = { changes, file: entry.file };
    this.rotate(folder);
    return info(entry);
  }

  private rotate(folder: string): void {
    try {
      rotateBackups(folder, this.currentSettings.backups, this.options.now());
    } catch (error) {
      this.options.log(`[backups] removing old backups from ${folder} failed: ${(error as Error).message}`);
    }
  }

  private findBackup(name: string): BackupEntry {
    const backup = listBackups(this.backupFolder()).find((b) => b.name === name);
    if (!backup) throw new ApiFailure('not-found', { entity: 'backup', name });
    return backup;
  }

  checkBackup(name: string) {
    return checkBackup(this.findBackup(name).file, { nativeBinding: this.options.nativeBinding });
  }

  async restoreBackup(name: string, asThisDatabase = false) {
    if (this.restoring) throw new ApiFailure('conflict', { reason: 'restore-in-progress' });
    const backup = this.findBackup(name);
    const check = checkBackup(backup.file, { nativeBinding: this.options.nativeBinding });
    if (!check.ok) throw new ApiFailure('invalid-backup', { problem: check.problem, detail: check.detail });
    const ours = this.databaseId!;
    if (check.databaseId !== null && check.databaseId !== ours && !asThisDatabase) {
      throw new ApiFailure('invalid-backup', { problem: 'other-database', detail: `the backup is of database ${check.databaseId.slice(0, 8)}, this is ${ours.slice(0, 8)}` });
    }
    this.restoring = true;
    let release = () => {};
    this.gate = new Promise((resolve) => { release = resolve; });
    try {
      await this.whenIdle();
      const folder = this.backupFolder();
      const { dbFile, nativeBinding } = this.options;
      const beforeRestore = await backupBeforeRestore(this.db, dbFile, { folder, now: this.options.now(), nativeBinding });
      this.db.close();
      try {
        installDatabaseFile(dbFile, backup.file, { nativeBinding });
      } catch (error) {
        await this.openConnection(); // the database file was not replaced
        if (error instanceof RestoreError && error.check) throw new ApiFailure('invalid-backup', { problem: error.check.problem, detail: error.check.detail });
        throw error;
      }
      await this.reopenAfterRestore(beforeRestore);
      // Restored as this database: its id, and so its backup folder, stay this database's.
      if (this.databaseId !== ours) {
        setDatabaseId(this.db, ours);
        this.databaseId = ours;
      }
      this.rotate(folder);
      return { restored: info(backup), beforeRestore: info(beforeRestore), schemaVersion: check.schemaVersion };
    } finally {
      this.restoring = false;
      this.gate = null;
      release();
    }
  }

  /** Opens the restored file; should that fail, puts back the database as it was before the restore. */
  private async reopenAfterRestore(beforeRestore: BackupEntry): Promise<void> {
    try {
      await this.openConnection();
    } catch (error) {
      this.options.log(`[backups] the restored database did not open (${(error as Error).message}); putting back ${beforeRestore.file}`);
      installDatabaseFile(this.options.dbFile, beforeRestore.file, { nativeBinding: this.options.nativeBinding });
      await this.openConnection();
      throw new ApiFailure('invalid-backup', { problem: 'cannot-open', detail: (error as Error).message });
    }
  }

  /** Resolves when no call but the restore itself is running. */
  private whenIdle(): Promise<void> {
    if (this.inFlight <= 1) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  settings(): Settings {
    return this.currentSettings;
  }

  async chooseBackupFolder(): Promise<Settings> {
    if (!this.options.chooseFolder) throw new ApiFailure('desktop-only', { call: 'settings.chooseBackupFolder' });
    const folder = await this.options.chooseFolder();
    return folder === null ? this.currentSettings : this.updateSettings({ backupFolder: folder });
  }

  updateSettings(changes: StoredSettingsChanges): Settings {
    const next = applySettingsChanges(this.currentSettings, changes);
    if (changes.backupFolder) assertWritableFolder(changes.backupFolder);
    if (JSON.stringify(next) === JSON.stringify(this.currentSettings)) return this.currentSettings;
    if (this.options.settingsFile) saveSettings(this.options.settingsFile, next);
    this.currentSettings = next;
    return next;
  }
}

/** A chosen backup folder must exist and be writable before it is accepted; it is never created here. */
function assertWritableFolder(folder: string): void {
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ApiFailure('invalid-input', { issues: [{ path: 'backupFolder', code: 'not-writable', message: `the folder cannot be written (${code})` }] });
  }
}

const info = ({ name, reason, createdAt, size }: BackupEntry): BackupInfo => ({ name, reason, createdAt, size });
