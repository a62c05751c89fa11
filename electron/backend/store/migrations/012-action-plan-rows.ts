import type { Migration } from './migration.ts';

/**
 * Issue 13, an action plan the site can use: a row may be about any item, an item may have several rows, and a
 * free row is about no item at all but has a title of its own ("Yhteistyö Kelan kanssa"). Migration 005 allowed one
 * row per item (UNIQUE (review_id, item), item NOT NULL), so the table is rebuilt (SQLite cannot drop a table
 * constraint) and every row is copied over with its id, so audit log entries still name the right rows.
 * A row names an item or has a title, never both and never neither.
 */
export const m012ActionPlanRows: Migration = {
  version: 12,
  name: 'action-plan-rows',
  up: (db) => {
    db.exec(`
      CREATE TABLE action_plan_rows_012 (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id),
        item INTEGER CHECK (item > 0),
        title TEXT CHECK (length(trim(title)) > 0),
        goal TEXT NOT NULL DEFAULT '',
        owner TEXT,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((item IS NULL) <> (title IS NULL))
      ) STRICT;
      INSERT INTO action_plan_rows_012 (id, review_id, item, title, goal, owner, due_date, status, notes, created_at, updated_at)
        SELECT id, review_id, item, NULL, goal, owner, due_date, status, notes, created_at, updated_at FROM action_plan_rows;
      DROP TABLE action_plan_rows;
      ALTER TABLE action_plan_rows_012 RENAME TO action_plan_rows;
      CREATE INDEX action_plan_rows_review ON action_plan_rows(review_id, item);
    `);
  },
};
