import type { Migration } from './migration.ts';

/** The first schema: sites and reviews, per-reviewer and consensus ratings, recommendations, the audit log. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE regions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        region_id INTEGER REFERENCES regions(id),
        organisation TEXT,
        collaboration_model INTEGER CHECK (collaboration_model IN (1, 2)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sites_region ON sites(region_id);

      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        kind TEXT NOT NULL CHECK (kind IN ('external', 'self')),
        scale_id TEXT NOT NULL,
        scale_version TEXT NOT NULL,
        scale_hash TEXT NOT NULL,
        visit_dates TEXT NOT NULL CHECK (json_valid(visit_dates) AND json_array_length(visit_dates) > 0),
        status TEXT NOT NULL CHECK (status IN ('draft', 'consensus', 'final')),
        language TEXT CHECK (language IN ('fi', 'sv', 'en')),
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reviews_site ON reviews(site_id);

      CREATE TABLE reviewers (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position > 0),
        name TEXT NOT NULL,
        role TEXT,
        UNIQUE (review_id, position)
      ) STRICT;

      -- One row per reviewer and item. A row may hold only an evidence note before a score is chosen,
      -- but never a score and a not-rated reason at once.
      CREATE TABLE ratings (
        reviewer_id INTEGER NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
        item INTEGER NOT NULL CHECK (item > 0),
        score INTEGER,
        reason TEXT CHECK (reason IN ('no-data', 'not-applicable', 'not-assessed')),
        reason_note TEXT,
        evidence TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (reviewer_id, item),
        CHECK (score IS NULL OR reason IS NULL)
      ) STRICT;

      -- The review's result: the agreed ratings (or the only reviewer's, copied when the review is finished).
      CREATE TABLE consensus_ratings (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        item INTEGER NOT NULL CHECK (item > 0),
        score INTEGER,
        reason TEXT CHECK (reason IN ('no-data', 'not-applicable', 'not-assessed')),
        reason_note TEXT,
        evidence TEXT,
        justification TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (review_id, item),
        CHECK (score IS NULL OR reason IS NULL)
      ) STRICT;

      -- item NULL: a recommendation for the whole review.
      CREATE TABLE recommendations (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        item INTEGER CHECK (item > 0),
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX recommendations_one_per_item ON recommendations(review_id, ifnull(item, 0));

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
        new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value))
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
  },
};
