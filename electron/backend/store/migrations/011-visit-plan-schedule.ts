import type { Migration } from './migration.ts';

/**
 * Issue 13, "the visit plan runs the visit": each plan row gets a start and end time beside its date, the people met
 * (name and role, in their own table), a note linked to the items it informs (item numbers as a JSON array), and a
 * kind: a source of the scale (every existing row), the IPS team meeting, or a row the reviewers added themselves
 * (e.g. the Kela contact, a family member), which carries its own label. Existing rows keep all their values.
 */
export const m011VisitPlanSchedule: Migration = {
  version: 11,
  name: 'visit-plan-schedule',
  up: (db) => {
    db.exec(`
      ALTER TABLE visit_plan_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'scale' CHECK (kind IN ('scale', 'team-meeting', 'custom'));
      ALTER TABLE visit_plan_entries ADD COLUMN label TEXT CHECK (label IS NULL OR length(trim(label)) > 0);
      ALTER TABLE visit_plan_entries ADD COLUMN start_time TEXT CHECK (start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE visit_plan_entries ADD COLUMN end_time TEXT CHECK (end_time IS NULL OR end_time GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE visit_plan_entries ADD COLUMN note_items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(note_items) AND json_type(note_items) = 'array');

      CREATE TABLE visit_plan_people (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES visit_plan_entries(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position > 0),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT,
        UNIQUE (entry_id, position)
      ) STRICT;
    `);
  },
};
