import type { Migration } from './migration.ts';

/**
 * The reviewer's workflow: reviewers mark their ratings complete, reviews carry strengths and may amend a final
 * review, and each review has a visit plan built from its scale's data sources.
 */
export const m002ReviewWorkflow: Migration = {
  version: 2,
  name: 'review-workflow',
  up: (db) => {
    db.exec(`
      ALTER TABLE reviewers ADD COLUMN completed_at TEXT;
      ALTER TABLE reviews ADD COLUMN strengths TEXT;
      ALTER TABLE reviews ADD COLUMN amends_review_id INTEGER REFERENCES reviews(id);
      ALTER TABLE reviews ADD COLUMN amendment_reason TEXT;
      CREATE UNIQUE INDEX reviews_one_amendment ON reviews(amends_review_id) WHERE amends_review_id IS NOT NULL;

      CREATE TABLE visit_plan_entries (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        source_key TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('request', 'interview', 'observation')),
        who TEXT,
        planned_date TEXT,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        note TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (review_id, source_key)
      ) STRICT;
    `);
  },
};
