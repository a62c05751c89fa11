import type { Migration } from './migration.ts';

/**
 * Issue 14: a database knows which one it is, so its backups (in a folder named after it) and their restore belong
 * to it alone. Two databases in one folder (a reviewer's and THL's) no longer see, rotate or restore each other's
 * backups. The id is random; openDatabase replaces it with the id it named the pre-migration backup after.
 */
export const m015DatabaseIdentity: Migration = {
  version: 15,
  name: 'database-identity',
  up: (db) => {
    db.exec(`
      CREATE TABLE database_identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO database_identity (singleton, id, created_at) VALUES (1, lower(hex(randomblob(16))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `);
  },
};
