import type { Migration } from './migration.ts';

/**
 * Issue 11, who signed: the certificates the user trusts. A 'signer' is one person's certificate, confirmed by its
 * SHA-256 fingerprint (once, e.g. from a verified report); a 'root' is an organisation's or a national CA
 * certificate, trusted for every certificate it issues (reports/signing/signer-trust.ts). Names are the
 * certificate's own (CN and O), never typed in. The app's own signing identities count as trusted signers without
 * a row here (trust-store.ts reads them from signing_identities).
 */
export const m008TrustedCertificates: Migration = {
  version: 8,
  name: 'trusted-certificates',
  up: (db) => {
    db.exec(`
      CREATE TABLE trusted_certificates (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('signer', 'root')),
        fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 95),
        name TEXT NOT NULL,
        organisation TEXT,
        der BLOB NOT NULL CHECK (length(der) > 0),
        added_at TEXT NOT NULL,
        note TEXT
      ) STRICT;
    `);
  },
};
