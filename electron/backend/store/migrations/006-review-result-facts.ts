import type { Migration } from './migration.ts';

/**
 * The number of scored items, their sum, of the result ratings of review `id`: the consensus ratings once the review
 * has any, else the ratings of its only reviewer, else none (the rule of resultRatings in handlers/review-views.ts).
 * Rows holding only a note have no score and so do not count, as in scoreStored.
 */
const resultSums = (id: string) => `(
  SELECT count(x.score), ifnull(sum(x.score), 0) FROM (
    SELECT c.score FROM consensus_ratings c WHERE c.review_id = ${id}
    UNION ALL
    SELECT g.score FROM reviewers v JOIN ratings g ON g.reviewer_id = v.id
    WHERE v.review_id = ${id}
      AND NOT EXISTS (SELECT 1 FROM consensus_ratings c WHERE c.review_id = ${id})
      AND (SELECT count(*) FROM reviewers w WHERE w.review_id = ${id}) = 1
  ) x)`;

const refresh = (id: string) => `UPDATE review_result_facts SET (rated_items, raw_total) = ${resultSums(id)} WHERE review_id = ${id};`;

/** A reviewer's own ratings matter only while the reviewer is the review's only one and there is no consensus. */
const reviewOf = (reviewerId: string) => `(SELECT review_id FROM reviewers WHERE id = ${reviewerId})`;
const onlyRatingsCount = (reviewerId: string) => `(
  SELECT count(*) = 1 FROM reviewers w WHERE w.review_id = ${reviewOf(reviewerId)})
  AND NOT EXISTS (SELECT 1 FROM consensus_ratings c WHERE c.review_id = ${reviewOf(reviewerId)})`;

/**
 * Issue 6, comparison across 500 sites and 10,000 reviews within a frame budget: scanning every stored rating
 * (about 550,000 rows) for each comparison costs 150-250 ms, so each review keeps the facts the comparison
 * aggregates: the first visit date, and the count and sum of its result's scores. Totals and bands are still
 * derived at query time from these and the scale's rules (comparison-store.ts), so a scale's rules are never
 * copied into the database. Triggers keep the facts exact whoever writes (handlers, imports, restores); the test
 * tests/comparison/comparison-sql.test.ts checks them against the scoring engine for every review.
 */
export const m006ReviewResultFacts: Migration = {
  version: 6,
  name: 'review-result-facts',
  up: (db) => {
    db.exec(`
      CREATE TABLE review_result_facts (
        review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
        first_visit TEXT NOT NULL,
        rated_items INTEGER NOT NULL CHECK (rated_items >= 0),
        raw_total INTEGER NOT NULL CHECK (raw_total >= 0)
      ) STRICT;

      INSERT INTO review_result_facts (review_id, first_visit, rated_items, raw_total)
        SELECT r.id, (SELECT min(d.value) FROM json_each(r.visit_dates) d), 0, 0 FROM reviews r;
      UPDATE review_result_facts SET (rated_items, raw_total) = ${resultSums('review_result_facts.review_id')};

      CREATE TRIGGER review_result_facts_review_insert AFTER INSERT ON reviews BEGIN
        INSERT INTO review_result_facts (review_id, first_visit, rated_items, raw_total)
          VALUES (NEW.id, (SELECT min(d.value) FROM json_each(NEW.visit_dates) d), 0, 0);
      END;
      CREATE TRIGGER review_result_facts_review_visits AFTER UPDATE OF visit_dates ON reviews BEGIN
        UPDATE review_result_facts SET first_visit = (SELECT min(d.value) FROM json_each(NEW.visit_dates) d) WHERE review_id = NEW.id;
      END;

      CREATE TRIGGER review_result_facts_consensus_insert AFTER INSERT ON consensus_ratings BEGIN ${refresh('NEW.review_id')} END;
      CREATE TRIGGER review_result_facts_consensus_update AFTER UPDATE ON consensus_ratings BEGIN
        ${refresh('OLD.review_id')}
        ${refresh('NEW.review_id')}
      END;
      CREATE TRIGGER review_result_facts_consensus_delete AFTER DELETE ON consensus_ratings BEGIN ${refresh('OLD.review_id')} END;

      CREATE TRIGGER review_result_facts_reviewer_insert AFTER INSERT ON reviewers BEGIN ${refresh('NEW.review_id')} END;
      CREATE TRIGGER review_result_facts_reviewer_delete AFTER DELETE ON reviewers BEGIN ${refresh('OLD.review_id')} END;

      CREATE TRIGGER review_result_facts_rating_insert AFTER INSERT ON ratings WHEN ${onlyRatingsCount('NEW.reviewer_id')} BEGIN
        ${refresh(reviewOf('NEW.reviewer_id'))}
      END;
      CREATE TRIGGER review_result_facts_rating_update AFTER UPDATE ON ratings WHEN ${onlyRatingsCount('NEW.reviewer_id')} BEGIN
        ${refresh(reviewOf('NEW.reviewer_id'))}
      END;
      CREATE TRIGGER review_result_facts_rating_delete AFTER DELETE ON ratings WHEN ${onlyRatingsCount('OLD.reviewer_id')} BEGIN
        ${refresh(reviewOf('OLD.reviewer_id'))}
      END;
    `);
  },
};
