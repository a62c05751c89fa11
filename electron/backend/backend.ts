import { randomUUID } from 'node:crypto';
import type { ApiResponse } from '../contract/api-error.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import type { KeyVault } from './keys/key-vault.ts';
import { createDispatcher } from './dispatcher.ts';
import { ASYNC_CALLS, handlers } from './handlers/index.ts';
import { openDatabase } from './store/open-database.ts';

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
}

export interface Backend {
  dispatch(name: unknown, input: unknown): Promise<ApiResponse>;
  close(): void;
  /** Written before migrating an existing database file, if that happened at this start. */
  backupFile: string | null;
}

/** Opens the store, loads the scales and returns the dispatcher; shared by Electron and the browser preview. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? console.error;
  const { registry, refused } = loadScaleRegistry(options.scaleDirs ?? []);
  for (const error of refused) log(error.message);
  const { db, backupFile } = await openDatabase(options.dbFile, { nativeBinding: options.nativeBinding, now: options.now });
  const now = options.now ?? (() => new Date());
  const dispatch = createDispatcher(db, handlers, {
    registry,
    actor: options.actor,
    now: () => now().toISOString(),
    newUid: options.newUid ?? randomUUID,
    keyVault: options.keyVault,
  }, log, ASYNC_CALLS);
  return {
    dispatch,
    close: () => db.close(),
    backupFile,
  };
}
