import type { Migration } from './migration.ts';

/**
 * Signing identities (private keys only as sealed envelopes, never plain) and the signed PDF reports kept with
 * their review, each with the sha-256 of its bytes.
 */
export const m003SignedReports: Migration = {
  version: 3,
  name: 'signed-reports',
  up: (db) => {
    db.exec(`
      CREATE TABLE signing_identities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT,
        organisation TEXT,
        certificate_fingerprint TEXT NOT NULL UNIQUE,
        not_after TEXT NOT NULL,
        sealed TEXT NOT NULL CHECK (json_valid(sealed)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE signed_reports (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        signers TEXT NOT NULL CHECK (json_valid(signers)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX signed_reports_review ON signed_reports(review_id);
    `);
  },
};
