import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A new database id: 32 lower-case hex digits (migration 015). */
export const newDatabaseId = (): string => randomBytes(16).toString('hex');

/** The database's id, or null for a file from before migration 015 (or not an IPS Fidelity database). */
export function readDatabaseId(db: Database): string | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'database_identity'").get();
  if (!table) return null;
  const row = db.prepare('SELECT id FROM database_identity WHERE singleton = 1').get() as { id: string } | undefined;
  return row?.id ?? null;
}

export function setDatabaseId(db: Database, id: string): void {
  db.prepare('UPDATE database_identity SET id = ? WHERE singleton = 1').run(id);
}
