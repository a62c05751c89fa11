import type { Migration } from './migration.ts';

/**
 * How each signing identity's key is protected: with a passphrase the reviewer types (every identity made before
 * this migration), or by the operating system's key store, which keeps the random storage secret wrapped in
 * `wrapped_secret` (see electron/backend/keys/key-vault.ts).
 */
export const m004IdentityProtection: Migration = {
  version: 4,
  name: 'identity-protection',
  up: (db) => {
    db.exec(`
      ALTER TABLE signing_identities ADD COLUMN protection TEXT NOT NULL DEFAULT 'passphrase' CHECK (protection IN ('passphrase', 'system'));
      ALTER TABLE signing_identities ADD COLUMN wrapped_secret BLOB CHECK ((protection = 'system') = (wrapped_secret IS NOT NULL));
    `);
  },
};
