import type { Migration } from './migration.ts';

/**
 * Issue 13, two laptops: a reviewer's ratings imported from their own laptop (exchange/reviewer-ratings-format.ts).
 * One row per reviewer whose ratings came in a signed file: whose certificate signed them (a newer file is accepted
 * only from the same certificate) and when the file was made (an older one is refused). The ratings themselves go
 * where typed ones go (ratings, and the reviewer's own recommendations).
 */
export const m009ReviewerRatingSources: Migration = {
  version: 9,
  name: 'reviewer-rating-sources',
  up: (db) => {
    db.exec(`
      CREATE TABLE reviewer_rating_sources (
        reviewer_id INTEGER PRIMARY KEY REFERENCES reviewers(id) ON DELETE CASCADE,
        certificate_fingerprint TEXT NOT NULL CHECK (length(certificate_fingerprint) = 95),
        signer_name TEXT NOT NULL,
        signer_organisation TEXT,
        exported_at TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
