import type { BackupCheck, BackupInfo, BackupReason } from '../contract/backup-contract.ts';
import type { Settings } from '../contract/settings-contract.ts';
import type { StoredSettingsChanges } from './settings/settings.ts';

/**
 * What the backups.* and settings.* handlers need from the running backend (database-session.ts): the backup
 * folder, the settings file, and the one thing a handler cannot do alone, replacing the open database.
 */
export interface StorageService {
  backupFolder(): string;
  listBackups(): BackupInfo[];
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /** Checks a backup named in listBackups(). */
  checkBackup(name: string): BackupCheck;
  restoreBackup(name: string, asThisDatabase?: boolean): Promise<{ restored: BackupInfo; beforeRestore: BackupInfo; schemaVersion: number }>;
  settings(): Settings;
  updateSettings(changes: StoredSettingsChanges): Settings;
  /** The desktop app's folder dialog; the folder picked becomes the backup folder. */
  chooseBackupFolder(): Promise<Settings>;
}
