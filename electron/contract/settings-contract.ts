import { z } from 'zod';
import { Id } from './entities.ts';
import { asyncCall } from './call.ts';


/**
 * An absolute folder path on any platform the app runs on: POSIX (/home/…), Windows drive (C:\…) or UNC
 * (\\server\share). Checked as text here because the renderer shares this schema and never imports Node's path.
 */
export const AbsoluteFolder = z.string().min(1).max(1000)
  .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/.test(path), 'give an absolute folder path')
  .refine((path) => !path.includes('\u0000'), 'the path contains a NUL character');

/**
 * How many automatic backups are kept (electron/backend/store/backup-rotation.ts): the newest daily backup of each
 * of the last keepDaily days, of each of the last keepWeekly ISO weeks and of each of the last keepMonthly months
 * (grandfather-father-son, as restic's `forget --keep-daily/--keep-weekly/--keep-monthly`), and the newest
 * keepPerEvent backups of each event kind (before an import, a migration or a restore, and manual ones).
 */
export const BackupRotation = z.object({
  keepDaily: z.number().int().min(1).max(366).default(7),
  keepWeekly: z.number().int().min(0).max(520).default(4),
  keepMonthly: z.number().int().min(0).max(240).default(12),
  keepPerEvent: z.number().int().min(1).max(1000).default(10),
});
export type BackupRotation = z.infer<typeof BackupRotation>;
export const DEFAULT_BACKUP_ROTATION: BackupRotation = BackupRotation.parse({});

/**
 * The app's settings (<userData>/settings.json), validated on every load: a file that does not match is set aside
 * and the defaults are used (electron/backend/settings/settings.ts). Unknown keys are dropped rather than refused,
 * so a file written by a newer app still loads.
 */
export const Settings = z.object({
  language: z.enum(['fi', 'sv', 'en']).default('fi'),
  /** The signing identity the reviewer usually signs with (identities.list). */
  reviewerIdentityId: Id.optional(),
  /** Where backups go; next to the database (<userData>/backups) when not set. */
  backupFolder: AbsoluteFolder.optional(),
  backups: BackupRotation.default(DEFAULT_BACKUP_ROTATION),
  /**
   * Scale versions the user adopted as the default for new reviews, by scale id, after seeing how each differs from
   * the shipped one (scales.adopt; not changed through settings.update). Absent: the newest shipped version.
   */
  adoptedScales: z.record(z.string().min(1).max(100), z.string().min(1).max(50)).default({}),
});
export type Settings = z.infer<typeof Settings>;

/** Changes to the settings; null clears an optional setting (back to its default). */
export const SettingsChanges = z.strictObject({
  language: z.enum(['fi', 'sv', 'en']).optional(),
  reviewerIdentityId: Id.nullable().optional(),
  /**
   * Only null (back to the default folder): a folder is chosen by the user in the desktop app's folder dialog
   * (settings.chooseBackupFolder), never named by a caller.
   */
  backupFolder: z.null().optional(),
  backups: z.strictObject({
    keepDaily: BackupRotation.shape.keepDaily.optional(),
    keepWeekly: BackupRotation.shape.keepWeekly.optional(),
    keepMonthly: BackupRotation.shape.keepMonthly.optional(),
    keepPerEvent: BackupRotation.shape.keepPerEvent.optional(),
  }).optional(),
});
export type SettingsChanges = z.infer<typeof SettingsChanges>;

/** Issue 7: settings, validated on load and on every change. */
export const settingsContract = {
  'settings.get': asyncCall(z.strictObject({}), Settings),
  'settings.update': asyncCall(SettingsChanges, Settings),
  /**
   * Issue 14: opens the desktop app's folder dialog; the folder the user picks (an existing, writable one) becomes
   * the backup folder. Cancelled: the settings as they were. The browser preview has no such dialog: desktop-only.
   */
  'settings.chooseBackupFolder': asyncCall(z.strictObject({}), Settings),
} as const;
