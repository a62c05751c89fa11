import type { Migration } from './migration.ts';

/**
 * Issue 13, Finland's structure: a review is an external review, a self-assessment or a peer review (done by another
 * IPS site's staff), and the reviewing organisation is recorded. Migration 001 limited `kind` with a CHECK
 * (external, self) that SQLite cannot alter, so the reviews table is rebuilt: every row is copied with its id (every
 * table that references reviews keeps pointing at the same rows), and the table's indexes and triggers are read from
 * the schema before the drop and created again after it. migrate() runs with foreign keys off and checks them before
 * committing, so dropping the old table does not cascade into ratings, reviewers and the rest.
 */
export const m016ReviewKinds: Migration = {
  version: 16,
  name: 'review-kinds',
  up: (db) => {
    const dependants = db.prepare(
      "SELECT sql FROM sqlite_schema WHERE tbl_name = 'reviews' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
    ).all() as { sql: string }[];
    db.exec(`
      CREATE TABLE reviews_016 (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        kind TEXT NOT NULL CHECK (kind IN ('external', 'self', 'peer')),
        scale_id TEXT NOT NULL,
        scale_version TEXT NOT NULL,
        scale_hash TEXT NOT NULL,
        visit_dates TEXT NOT NULL CHECK (json_valid(visit_dates) AND json_array_length(visit_dates) > 0),
        status TEXT NOT NULL CHECK (status IN ('draft', 'consensus', 'final')),
        language TEXT CHECK (language IN ('fi', 'sv', 'en')),
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        strengths TEXT,
        amends_review_id INTEGER REFERENCES reviews(id),
        amendment_reason TEXT,
        reviewing_organisation TEXT CHECK (reviewing_organisation IS NULL OR length(trim(reviewing_organisation)) BETWEEN 1 AND 300)
      ) STRICT;
      INSERT INTO reviews_016 (id, uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, language, revision,
          created_at, updated_at, strengths, amends_review_id, amendment_reason, reviewing_organisation)
        SELECT id, uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, language, revision,
          created_at, updated_at, strengths, amends_review_id, amendment_reason, NULL FROM reviews;
      DROP TABLE reviews;
      PRAGMA legacy_alter_table = ON;
      ALTER TABLE reviews_016 RENAME TO reviews;
      PRAGMA legacy_alter_table = OFF;
    `);
    for (const { sql } of dependants) db.exec(sql);
  },
};
