import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ApiResponse } from '../contract/api-error.ts';
import type { BackupInfo, BackupReason } from '../contract/backup-contract.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import type { KeyVault } from './keys/key-vault.ts';
import { createDispatcher } from './dispatcher.ts';
import { ASYNC_CALLS, handlers } from './handlers/index.ts';
import { createOfferedFileSlot, type OfferResult } from './offered-file.ts';
import { DatabaseSession, defaultSettingsFile } from './database-session.ts';
import { addStoredScales } from './stored-scales.ts';

export interface BackendOptions {
  dbFile: string;
  actor: string;
  scaleDirs?: string[];
  /** Electron-ABI build of better-sqlite3, for the desktop app. */
  nativeBinding?: string | undefined;
  now?: () => Date;
  newUid?: () => string;
  log?: (message: string) => void;
  /** The OS key store for signing identities; none in the browser preview and the CLI. */
  keyVault?: KeyVault | undefined;
  /** The settings file (issue 7); settings.json next to the database by default, as in Electron's userData. */
  settingsFile?: string | undefined;
  /** Overrides the settings' backup folder (default: backups/ next to the database). */
  backupFolder?: string | undefined;
  /** The desktop app's folder dialog for settings.chooseBackupFolder (null: cancelled); absent elsewhere. */
  chooseFolder?: (() => Promise<string | null>) | undefined;
  /** A daily backup on the first use of each day and one before every import; on by default. */
  automaticBackups?: boolean | undefined;
  /** Applied to every connection the backend opens, also after a restore; tests cap the size with it. */
  configureDatabase?: ((db: Database) => void) | undefined;
}

export interface Backend {
  dispatch(name: unknown, input: unknown): Promise<ApiResponse>;
  close(): void;
  /** Written before migrating an existing database file, if that happened at this start. */
  backupFile: string | null;
  /**
   * Holds a file the user opened in the shell (menu Import…, a double-clicked .ipsreview, the preview's --open)
   * until the page takes it with files.takeOffered. Not a contract call: the page can take a file, never name one.
   * A .ipsreview of at most 100 MB or a .json of at most 10 MB; anything else is refused here, with a reason.
   */
  offerFile(file: { fileName: string; bytes: Uint8Array }): OfferResult;
  /** A backup of the database now, into the backup folder, rotated with the others (issue 7). */
  backupNow(reason: BackupReason): Promise<BackupInfo>;
}

/** Opens the store, loads the scales and returns the dispatcher; shared by Electron and the browser preview. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? console.error;
  const { registry, refused } = loadScaleRegistry(options.scaleDirs ?? []);
  for (const error of refused) log(error.message);
  const now = options.now ?? (() => new Date());
  const offeredFiles = createOfferedFileSlot();
  // The session owns the connection: a restore (backups.restore) closes it and opens the restored file.
  const session = await DatabaseSession.open({
    dbFile: options.dbFile,
    nativeBinding: options.nativeBinding,
    now,
    log,
    settingsFile: options.settingsFile ?? defaultSettingsFile(options.dbFile),
    backupFolder: options.backupFolder,
    chooseFolder: options.chooseFolder,
    automaticBackups: options.automaticBackups ?? true,
    prepare: (db) => {
      options.configureDatabase?.(db);
      addStoredScales(db, registry, log);
    },
    createDispatch: (db, storage) => createDispatcher(db, handlers, {
      registry,
      actor: options.actor,
      now: () => now().toISOString(),
      newUid: options.newUid ?? randomUUID,
      keyVault: options.keyVault,
      offeredFiles,
      storage,
    }, log, ASYNC_CALLS, { beforeCall: storage.beforeCall }),
  });
  return {
    dispatch: session.dispatch,
    close: () => session.close(),
    backupFile: session.migrationBackup,
    offerFile: (file) => offeredFiles.offer(file),
    backupNow: (reason) => session.backupNow(reason),
  };
}
