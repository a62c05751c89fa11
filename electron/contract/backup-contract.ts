import { z } from 'zod';
import { asyncCall } from './call.ts';


/** Why a backup was made; part of its file name. */
export const BackupReason = z.enum(['daily', 'migration', 'import', 'manual', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReason>;

/**
 * A backup's file name: ips-fidelity-<UTC time>Z-<reason>[-<n>].sqlite, e.g.
 * ips-fidelity-2026-11-23T14-05-00Z-daily.sqlite (-<n> only when two are made in the same second).
 * Only such bare names are accepted from the renderer, never a path, and the backend also requires the name to be
 * one it lists in the backup folder.
 */
export const BACKUP_NAME_PATTERN = /^ips-fidelity-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(daily|migration|import|manual|before-restore)(?:-([1-9]\d{0,3}))?\.sqlite$/;
export const BackupName = z.string().max(100).regex(BACKUP_NAME_PATTERN, 'not a backup file name');

export const BackupInfo = z.object({
  name: z.string(),
  reason: BackupReason,
  /** ISO time (UTC) the backup was made, from its name. */
  createdAt: z.string(),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** What a check of a backup found; a backup is restored only after an 'ok'. */
export const BackupCheck = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    schemaVersion: z.number().int(),
    /** Which database the backup was made of (migration 015); null for a backup from before database ids. */
    databaseId: z.string().nullable(),
    sites: z.number().int(),
    reviews: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    /**
     * not-found: no such file; not-a-database: not an SQLite file; corrupt: SQLite's integrity or foreign-key check
     * failed; not-ips-fidelity: an SQLite file without this app's tables; newer-than-app: written by a newer app;
     * schema-differs: tables, columns, indexes, triggers or views other than this app's migrations give (detail names them);
     * other-database: a backup of another database, restored only when asked for explicitly (asThisDatabase).
     */
    problem: z.enum(['not-found', 'not-a-database', 'corrupt', 'not-ips-fidelity', 'newer-than-app', 'schema-differs', 'other-database']),
    detail: z.string(),
  }),
]);
export type BackupCheck = z.infer<typeof BackupCheck>;

/** Issue 7: backups of the database, and restoring one. */
export const backupContract = {
  /** Newest first. */
  'backups.list': asyncCall(z.strictObject({}), z.object({ folder: z.string(), backups: z.array(BackupInfo) })),
  'backups.create': asyncCall(z.strictObject({}), BackupInfo),
  'backups.check': asyncCall(z.strictObject({ name: BackupName }), BackupCheck),
  /**
   * Checks the backup first (a failed check: invalid-backup, nothing changed), backs up the current database
   * (reason before-restore), replaces the database file with the backup and reopens it. Other calls wait meanwhile;
   * the renderer should reload every view afterwards. A backup of another database is refused (other-database)
   * unless `asThisDatabase`: then its data becomes this database's, which keeps its own id and backup folder.
   */
  'backups.restore': asyncCall(z.strictObject({ name: BackupName, asThisDatabase: z.boolean().default(false) }), z.object({
    restored: BackupInfo,
    /** The database as it was just before the restore. */
    beforeRestore: BackupInfo,
    schemaVersion: z.number().int(),
  })),
} as const;
