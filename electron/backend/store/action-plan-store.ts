import type { Database } from 'better-sqlite3';

/** Where an action stands; the same four values as the CHECK constraint of action_plan_rows (migration 005). */
export const ACTION_PLAN_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

export interface ActionPlanRowRecord {
  id: number; review_id: number; item: number; goal: string; owner: string | null; due_date: string | null;
  status: ActionPlanStatus; notes: string | null; created_at: string; updated_at: string;
}

/** The editable part of a row; `goal` is '' rather than null (the column is NOT NULL DEFAULT ''). */
export interface ActionPlanFields {
  goal: string; owner: string | null; dueDate: string | null; status: ActionPlanStatus; notes: string | null;
}

export function listActionPlanRecords(db: Database, reviewId: number): ActionPlanRowRecord[] {
  return db.prepare('SELECT * FROM action_plan_rows WHERE review_id = ? ORDER BY item').all(reviewId) as ActionPlanRowRecord[];
}

export function getActionPlanRecord(db: Database, id: number): ActionPlanRowRecord | undefined {
  return db.prepare('SELECT * FROM action_plan_rows WHERE id = ?').get(id) as ActionPlanRowRecord | undefined;
}

/** Adds an empty row for an item; an item that already has one keeps it untouched. Returns whether a row was added. */
export function insertActionPlanRow(db: Database, reviewId: number, item: number, at: string): boolean {
  return db.prepare(`INSERT INTO action_plan_rows (review_id, item, created_at, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (review_id, item) DO NOTHING`).run(reviewId, item, at, at).changes > 0;
}

export function updateActionPlanRow(db: Database, id: number, fields: ActionPlanFields, at: string): void {
  db.prepare(`UPDATE action_plan_rows SET goal = @goal, owner = @owner, due_date = @dueDate, status = @status, notes = @notes,
      updated_at = @at WHERE id = @id`).run({ ...fields, at, id });
}

export function deleteActionPlanRow(db: Database, id: number): void {
  db.prepare('DELETE FROM action_plan_rows WHERE id = ?').run(id);
}

/** Reviews of a site that have a plan, each with its rows (one query for the site page). */
export function listActionPlanRecordsForSite(db: Database, siteId: number): ActionPlanRowRecord[] {
  return db.prepare(`SELECT p.* FROM action_plan_rows p JOIN reviews r ON r.id = p.review_id
      WHERE r.site_id = ? ORDER BY p.review_id, p.item`).all(siteId) as ActionPlanRowRecord[];
}

/** A plan row as review bundles carry it: no ids or timestamps, optional fields left out when empty. */
export interface ActionPlanBundleRow {
  item: number;
  goal: string;
  owner?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  status: ActionPlanStatus;
  notes?: string;
}

/** The review's plan in bundle form, ordered by item (used by the review bundle export). */
export function listActionPlanRows(db: Database, reviewId: number): ActionPlanBundleRow[] {
  return listActionPlanRecords(db, reviewId).map((row) => ({
    item: row.item,
    goal: row.goal,
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.due_date ? { dueDate: row.due_date } : {}),
    status: row.status,
    ...(row.notes ? { notes: row.notes } : {}),
  }));
}
