import type { Migration } from './migration.ts';

/**
 * Issue 13: employment outcomes as THL follows them (docs/employment-outcomes.md). Beside clients served and in
 * competitive (open-market) work, a period may report how many clients were working or studying at its end, and
 * how many of those in open-market work had held their work at least 6 and at least 12 months. NULL means the
 * period did not report the figure, so every record written before stays valid as it was.
 *
 * The nesting is checked here as well as in the contract: in open-market work <= working or studying <= served,
 * and 12 months <= 6 months (when reported) <= in open-market work. SQLite lets a column CHECK added by ALTER
 * TABLE name the row's other columns, and checks it on every later INSERT and UPDATE.
 */
export const m014EmploymentOutcomeFigures: Migration = {
  version: 14,
  name: 'employment-outcome-figures',
  up: (db) => {
    db.exec(`
      ALTER TABLE employment_outcomes ADD COLUMN working_or_studying INTEGER
        CHECK (working_or_studying IS NULL OR (working_or_studying >= in_competitive_work AND working_or_studying <= clients_served));
      ALTER TABLE employment_outcomes ADD COLUMN tenure_6_months INTEGER
        CHECK (tenure_6_months IS NULL OR (tenure_6_months >= 0 AND tenure_6_months <= in_competitive_work));
      ALTER TABLE employment_outcomes ADD COLUMN tenure_12_months INTEGER
        CHECK (tenure_12_months IS NULL OR (tenure_12_months >= 0 AND tenure_12_months <= coalesce(tenure_6_months, in_competitive_work)));
    `);
  },
};
