import type { Database } from 'better-sqlite3';

/** One schema step. A released migration is never edited; a change is a new migration. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
