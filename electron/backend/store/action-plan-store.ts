import type { Database } from 'better-sqlite3';

/** Where an action stands; the same four values as the CHECK constraint of action_plan_rows (migrations 005, 012). */
export const ACTION_PLAN_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

/** A row names an item of the review's scale, or is a free row with a title of its own (migration 012). */
export interface ActionPlanRowRecord {
  id: number; review_id: number; item: number | null; title: string | null; goal: string; owner: string | null; due_date: string | null;
  status: ActionPlanStatus; notes: string | null; created_at: string; updated_at: string;
}

/** The editable part of a row; `goal` is '' rather than null (the column is NOT NULL DEFAULT ''). */
export interface ActionPlanFields {
  goal: string; owner: string | null; dueDate: string | null; status: ActionPlanStatus; notes: string | null;
}

/** What a row is about: an item, or (a free row) its own title. */
export type ActionPlanSubject = { item: number; title?: undefined } | { item?: undefined; title: string };

/** The plan's order everywhere (screen, CSV, PDF, bundles): item rows by item, each item's rows as added, then free rows as added. */
const PLAN_ORDER = 'item IS NULL, item, id';

export function listActionPlanRecords(db: Database, reviewId: number): ActionPlanRowRecord[] {
  return db.prepare(`SELECT * FROM action_plan_rows WHERE review_id = ? ORDER BY ${PLAN_ORDER}`).all(reviewId) as ActionPlanRowRecord[];
}

export function getActionPlanRecord(db: Database, id: number): ActionPlanRowRecord | undefined {
  return db.prepare('SELECT * FROM action_plan_rows WHERE id = ?').get(id) as ActionPlanRowRecord | undefined;
}

/** Adds a row about an item (any item, also one that has rows already) or a free row; returns its id. */
export function insertActionPlanRow(db: Database, reviewId: number, subject: ActionPlanSubject, fields: Partial<ActionPlanFields>, at: string): number {
  const result = db.prepare(`INSERT INTO action_plan_rows (review_id, item, title, goal, owner, due_date, status, notes, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(reviewId, subject.item ?? null, subject.title ?? null, fields.goal ?? '', fields.owner ?? null,
    fields.dueDate ?? null, fields.status ?? 'open', fields.notes ?? null, at, at);
  return Number(result.lastInsertRowid);
}

export function updateActionPlanRow(db: Database, id: number, fields: ActionPlanFields, at: string): void {
  db.prepare(`UPDATE action_plan_rows SET goal = @goal, owner = @owner, due_date = @dueDate, status = @status, notes = @notes,
      updated_at = @at WHERE id = @id`).run({ ...fields, at, id });
}

/** A free row's title (an item row has none: the CHECK constraint refuses one). */
export function setActionPlanRowTitle(db: Database, id: number, title: string, at: string): void {
  db.prepare('UPDATE action_plan_rows SET title = ?, updated_at = ? WHERE id = ? AND item IS NULL').run(title, at, id);
}

export function deleteActionPlanRow(db: Database, id: number): void {
  db.prepare('DELETE FROM action_plan_rows WHERE id = ?').run(id);
}

/** Every plan row of the site's reviews (one query for the site page). */
export function listActionPlanRecordsForSite(db: Database, siteId: number): ActionPlanRowRecord[] {
  return db.prepare(`SELECT p.* FROM action_plan_rows p JOIN reviews r ON r.id = p.review_id
      WHERE r.site_id = ? ORDER BY p.review_id, p.item IS NULL, p.item, p.id`).all(siteId) as ActionPlanRowRecord[];
}

/** A plan row as review bundles carry it: no ids or timestamps, optional fields left out when empty. */
export interface ActionPlanBundleRow {
  item?: number;
  /** A free row's title (format /2); an item row has none. */
  title?: string;
  goal: string;
  owner?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  status: ActionPlanStatus;
  notes?: string;
}

/** The review's plan in bundle form, in the plan's order (used by the review bundle export). */
export function listActionPlanRows(db: Database, reviewId: number): ActionPlanBundleRow[] {
  return listActionPlanRecords(db, reviewId).map((row) => ({
    ...(row.item !== null ? { item: row.item } : { title: row.title! }),
    goal: row.goal,
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.due_date ? { dueDate: row.due_date } : {}),
    status: row.status,
    ...(row.notes ? { notes: row.notes } : {}),
  }));
}

/** The plan a bundle brings replaces the one here, rows in the bundle's order. */
export function replaceActionPlan(db: Database, reviewId: number, rows: readonly ActionPlanBundleRow[], at: string): void {
  db.prepare('DELETE FROM action_plan_rows WHERE review_id = ?').run(reviewId);
  for (const row of rows) {
    const subject: ActionPlanSubject = row.item !== undefined ? { item: row.item } : { title: row.title! };
    insertActionPlanRow(db, reviewId, subject, { goal: row.goal, owner: row.owner ?? null, dueDate: row.dueDate ?? null, status: row.status, notes: row.notes ?? null }, at);
  }
}
