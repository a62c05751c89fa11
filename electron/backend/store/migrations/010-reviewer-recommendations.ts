import type { Migration } from './migration.ts';

/**
 * Issue 13, blind rating: each reviewer's own recommendations, private to them until every reviewer has completed
 * (reviewerWorkVisible in scales/review-rules/workflow.ts). Until now reviewers shared the review's recommendations
 * table, so the second reviewer saw (and overwrote) the first's text. `recommendations` stays the review's own
 * (consensus) recommendations, which consensus.start pre-fills from these. item NULL: for the whole review.
 */
export const m010ReviewerRecommendations: Migration = {
  version: 10,
  name: 'reviewer-recommendations',
  up: (db) => {
    db.exec(`
      CREATE TABLE reviewer_recommendations (
        id INTEGER PRIMARY KEY,
        reviewer_id INTEGER NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
        item INTEGER CHECK (item > 0),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX reviewer_recommendations_one_per_item ON reviewer_recommendations(reviewer_id, ifnull(item, 0));
    `);
  },
};
