import type { Database } from 'better-sqlite3';

export type VisitPlanKind = 'scale' | 'team-meeting' | 'custom';
export type VisitPlanCategoryValue = 'request' | 'interview' | 'observation';

export interface VisitPlanRow {
  id: number; review_id: number; source_key: string; category: VisitPlanCategoryValue;
  who: string | null; planned_date: string | null; done: number; note: string | null; updated_at: string;
  kind: VisitPlanKind; label: string | null; start_time: string | null; end_time: string | null;
  /** JSON array of item numbers the note informs. */
  note_items: string;
}

export interface VisitPlanPersonRow { entry_id: number; position: number; name: string; role: string | null }

export function listPlanRows(db: Database, reviewId: number): VisitPlanRow[] {
  return db.prepare('SELECT * FROM visit_plan_entries WHERE review_id = ? ORDER BY id').all(reviewId) as VisitPlanRow[];
}

export function getPlanRow(db: Database, reviewId: number, entryId: number): VisitPlanRow | undefined {
  return db.prepare('SELECT * FROM visit_plan_entries WHERE review_id = ? AND id = ?').get(reviewId, entryId) as VisitPlanRow | undefined;
}

export function insertPlanRow(
  db: Database, reviewId: number, sourceKey: string, category: VisitPlanCategoryValue, at: string,
  own: { kind: VisitPlanKind; label: string | null } = { kind: 'scale', label: null },
): number | null {
  const result = db.prepare(`INSERT INTO visit_plan_entries (review_id, source_key, category, kind, label, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (review_id, source_key) DO NOTHING`).run(reviewId, sourceKey, category, own.kind, own.label, at);
  return result.changes === 1 ? Number(result.lastInsertRowid) : null;
}

export interface PlanRowFields {
  who: string | null; planned_date: string | null; start_time: string | null; end_time: string | null;
  done: number; note: string | null; note_items: string; label: string | null;
}

export function updatePlanRow(db: Database, entryId: number, fields: PlanRowFields, at: string): void {
  db.prepare(`UPDATE visit_plan_entries SET who = @who, planned_date = @planned_date, start_time = @start_time, end_time = @end_time,
      done = @done, note = @note, note_items = @note_items, label = @label, updated_at = @at WHERE id = @id`)
    .run({ ...fields, at, id: entryId });
}

export function deletePlanRow(db: Database, entryId: number): void {
  db.prepare('DELETE FROM visit_plan_entries WHERE id = ?').run(entryId);
}

/** The people met in each of a review's plan rows, in the order they were entered. */
export function listPlanPeople(db: Database, reviewId: number): VisitPlanPersonRow[] {
  return db.prepare(`SELECT p.entry_id, p.position, p.name, p.role FROM visit_plan_people p
      JOIN visit_plan_entries e ON e.id = p.entry_id WHERE e.review_id = ? ORDER BY p.entry_id, p.position`).all(reviewId) as VisitPlanPersonRow[];
}

export function replacePlanPeople(db: Database, entryId: number, people: readonly { name: string; role: string | null }[]): void {
  db.prepare('DELETE FROM visit_plan_people WHERE entry_id = ?').run(entryId);
  const insert = db.prepare('INSERT INTO visit_plan_people (entry_id, position, name, role) VALUES (?, ?, ?, ?)');
  people.forEach((person, index) => insert.run(entryId, index + 1, person.name, person.role));
}

/** An amendment carries its original's plan (the same visit): every row with its people, as they are. */
export function copyPlanRows(db: Database, fromReviewId: number, toReviewId: number, at: string): void {
  const insertPerson = db.prepare('INSERT INTO visit_plan_people (entry_id, position, name, role) SELECT ?, position, name, role FROM visit_plan_people WHERE entry_id = ?');
  const insertRow = db.prepare(`INSERT INTO visit_plan_entries (review_id, source_key, category, who, planned_date, done, note, updated_at, kind, label, start_time, end_time, note_items)
      SELECT ?, source_key, category, who, planned_date, done, note, ?, kind, label, start_time, end_time, note_items FROM visit_plan_entries WHERE id = ?`);
  for (const row of listPlanRows(db, fromReviewId)) {
    const copied = Number(insertRow.run(toReviewId, at, row.id).lastInsertRowid);
    insertPerson.run(copied, row.id);
  }
}
