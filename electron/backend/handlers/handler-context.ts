import type { Database } from 'better-sqlite3';
import type { ScaleRegistry } from '../../../scales/scale-registry.ts';
import type { KeyVault } from '../keys/key-vault.ts';
import type { OfferedFileSlot } from '../offered-file.ts';
import type { StorageService } from '../storage-service.ts';
import type { CallName, CallOutput, ParsedInput } from '../../contract/contract.ts';

export interface HandlerContext {
  db: Database;
  registry: ScaleRegistry;
  /** Who makes the change, for the audit log. */
  actor: string;
  /** ISO timestamp; injectable so tests can freeze time. */
  now: () => string;
  newUid: () => string;
  /** The OS key store, where the desktop app has one (see keys/key-vault.ts). */
  keyVault?: KeyVault | undefined;
  /** The file the desktop shell opened for the page (files.takeOffered). */
  offeredFiles: OfferedFileSlot;
  /** Backups and settings (database-session.ts); absent on a bare dispatcher. */
  storage?: StorageService | undefined;
}

/**
 * A handler per contract call. A synchronous handler runs inside the dispatcher's transaction. A handler that
 * must wait (PDF rendering, signing, key derivation) returns a promise; it then runs outside any transaction and
 * makes its own: read, await, re-check and write (see report-handlers.ts).
 */
export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: HandlerContext) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerGroup<K extends CallName> = { [N in K]: Handler<N> };
