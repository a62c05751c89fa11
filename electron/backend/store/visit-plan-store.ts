import type { Database } from 'better-sqlite3';

export interface VisitPlanRow {
  id: number; review_id: number; source_key: string; category: 'request' | 'interview' | 'observation';
  who: string | null; planned_date: string | null; done: number; note: string | null; updated_at: string;
}

export function listPlanRows(db: Database, reviewId: number): VisitPlanRow[] {
  return db.prepare('SELECT * FROM visit_plan_entries WHERE review_id = ? ORDER BY id').all(reviewId) as VisitPlanRow[];
}

export function getPlanRow(db: Database, reviewId: number, entryId: number): VisitPlanRow | undefined {
  return db.prepare('SELECT * FROM visit_plan_entries WHERE review_id = ? AND id = ?').get(reviewId, entryId) as VisitPlanRow | undefined;
}

export function insertPlanRow(db: Database, reviewId: number, sourceKey: string, category: VisitPlanRow['category'], at: string): void {
  db.prepare(`INSERT INTO visit_plan_entries (review_id, source_key, category, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (review_id, source_key) DO NOTHING`).run(reviewId, sourceKey, category, at);
}

export function updatePlanRow(db: Database, entryId: number, fields: { who: string | null; planned_date: string | null; done: number; note: string | null }, at: string): void {
  db.prepare('UPDATE visit_plan_entries SET who = @who, planned_date = @planned_date, done = @done, note = @note, updated_at = @at WHERE id = @id')
    .run({ ...fields, at, id: entryId });
}
