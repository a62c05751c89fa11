import { randomUUID } from 'node:crypto';
import type { HandlerContext } from '../electron/backend/handlers/handler-context.ts';
import { createOfferedFileSlot } from '../electron/backend/offered-file.ts';
import { openDatabase } from '../electron/backend/store/open-database.ts';
import { addStoredScales } from '../electron/backend/stored-scales.ts';
import { loadScaleRegistry } from '../scales/scale-registry.ts';

/**
 * The store as the handlers see it (database, scales with those bundles added, audit actor), for a command that
 * must hand the backend something no API call can carry: `export` signs with a PKCS#12 identity read from a file.
 */
export async function openStoreContext(dbFile: string, scaleDirs: readonly string[], actor: string, log: (message: string) => void) {
  const { registry, refused } = loadScaleRegistry(scaleDirs);
  for (const error of refused) log(error.message);
  const { db, backupFile } = await openDatabase(dbFile);
  addStoredScales(db, registry, log);
  const ctx: HandlerContext = { db, registry, actor, now: () => new Date().toISOString(), newUid: randomUUID, offeredFiles: createOfferedFileSlot() };
  return { ctx, backupFile, close: () => db.close() };
}
