import type { Migration } from './migration.ts';

/**
 * Issue 11: who sent each review that arrived in a bundle, so that a later revision of it, or a report added to it,
 * is taken only from the same exporter certificate (electron/backend/handlers/bundle-sender-check.ts). A review
 * without a row here was written in this database (created, or imported from a review file) and is never replaced
 * by an import.
 *
 * Reviews imported before this migration get their row from the audit log, which recorded the exporter's
 * fingerprint (`exporter`) of every `import-bundle` and `replace-from-bundle`; the name was not recorded then and
 * stays NULL until the next bundle from that exporter.
 */
export const m007ReviewOrigins: Migration = {
  version: 7,
  name: 'review-origins',
  up: (db) => {
    db.exec(`
      CREATE TABLE review_origins (
        review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        exporter_fingerprint TEXT NOT NULL CHECK (length(exporter_fingerprint) = 95),
        exporter_name TEXT,
        exporter_organisation TEXT,
        received_at TEXT NOT NULL
      ) STRICT;

      INSERT INTO review_origins (review_id, exporter_fingerprint, exporter_name, exporter_organisation, received_at)
        SELECT r.id, json_extract(a.new_value, '$.exporter'), NULL, NULL, a.at
        FROM reviews r JOIN audit_log a ON a.id = (
          SELECT max(b.id) FROM audit_log b
          WHERE b.entity = 'review' AND b.entity_id = CAST(r.id AS TEXT) AND b.action IN ('import-bundle', 'replace-from-bundle')
            AND length(json_extract(b.new_value, '$.exporter')) = 95);
    `);
  },
};
