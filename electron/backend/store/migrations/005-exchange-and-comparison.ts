import type { Migration } from './migration.ts';

/**
 * Issue 6: review bundles between organisations, comparison across sites, action plans.
 * - scale_versions: scale definitions added from bundles (validated before), so a review scores exactly as it
 *   did for its author; the bundled files stay the source of the versions shipped with the app.
 * - review_revisions: the earlier revisions of a review replaced by an import, as their review files.
 * - action_plan_rows: a site's improvement actions, one per item of a review (goal, owner, due date, status).
 * - employment_outcomes: per site and period, IPS clients served and how many were in competitive work.
 */
export const m005ExchangeAndComparison: Migration = {
  version: 5,
  name: 'exchange-and-comparison',
  up: (db) => {
    db.exec(`
      CREATE TABLE scale_versions (
        id INTEGER PRIMARY KEY,
        scale_id TEXT NOT NULL,
        version TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        data TEXT NOT NULL CHECK (json_valid(data)),
        added_at TEXT NOT NULL,
        UNIQUE (scale_id, version)
      ) STRICT;

      CREATE TABLE review_revisions (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        revision INTEGER NOT NULL CHECK (revision > 0),
        file TEXT NOT NULL CHECK (json_valid(file)),
        replaced_at TEXT NOT NULL,
        UNIQUE (review_id, revision)
      ) STRICT;

      CREATE TABLE action_plan_rows (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        item INTEGER NOT NULL CHECK (item > 0),
        goal TEXT NOT NULL DEFAULT '',
        owner TEXT,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (review_id, item)
      ) STRICT;

      CREATE TABLE employment_outcomes (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        clients_served INTEGER NOT NULL CHECK (clients_served > 0),
        in_competitive_work INTEGER NOT NULL CHECK (in_competitive_work >= 0 AND in_competitive_work <= clients_served),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (period_start <= period_end),
        UNIQUE (site_id, period_start, period_end)
      ) STRICT;
      CREATE INDEX employment_outcomes_site ON employment_outcomes(site_id);
      CREATE INDEX action_plan_rows_review ON action_plan_rows(review_id);
    `);
  },
};
