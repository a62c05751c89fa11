import type { Database } from 'better-sqlite3';
import type { EmploymentOutcome } from '../../contract/comparison-contract.ts';

interface OutcomeRow {
  id: number; site_id: number; period_start: string; period_end: string; clients_served: number; in_competitive_work: number;
  working_or_studying: number | null; tenure_6_months: number | null; tenure_12_months: number | null; created_at: string; updated_at: string;
}

const toOutcome = (row: OutcomeRow): EmploymentOutcome => ({
  id: row.id,
  siteId: row.site_id,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  clientsServed: row.clients_served,
  inCompetitiveWork: row.in_competitive_work,
  workingOrStudying: row.working_or_studying,
  tenure6Months: row.tenure_6_months,
  tenure12Months: row.tenure_12_months,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface OutcomeFields {
  siteId: number; periodStart: string; periodEnd: string; clientsServed: number; inCompetitiveWork: number;
  /** Absent or null: not reported (migration 014). */
  workingOrStudying?: number | null; tenure6Months?: number | null; tenure12Months?: number | null;
}

/** The bound values of a write: a figure not reported is NULL. */
const bound = (fields: OutcomeFields) => ({
  ...fields,
  workingOrStudying: fields.workingOrStudying ?? null,
  tenure6Months: fields.tenure6Months ?? null,
  tenure12Months: fields.tenure12Months ?? null,
});

export function listOutcomes(db: Database, siteId: number): EmploymentOutcome[] {
  return (db.prepare('SELECT * FROM employment_outcomes WHERE site_id = ? ORDER BY period_start, period_end, id').all(siteId) as OutcomeRow[]).map(toOutcome);
}

export function getOutcome(db: Database, id: number): EmploymentOutcome | undefined {
  const row = db.prepare('SELECT * FROM employment_outcomes WHERE id = ?').get(id) as OutcomeRow | undefined;
  return row && toOutcome(row);
}

/** The first of the site's other periods that shares a day with start..end (inclusive dates). */
export function overlappingOutcome(db: Database, fields: OutcomeFields, exceptId: number | null): EmploymentOutcome | undefined {
  const row = db.prepare(`SELECT * FROM employment_outcomes
      WHERE site_id = @siteId AND period_start <= @periodEnd AND period_end >= @periodStart AND id IS NOT @exceptId
      ORDER BY period_start LIMIT 1`).get({ ...fields, exceptId }) as OutcomeRow | undefined;
  return row && toOutcome(row);
}

export function insertOutcome(db: Database, fields: OutcomeFields, at: string): number {
  return Number(db.prepare(`INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work,
        working_or_studying, tenure_6_months, tenure_12_months, created_at, updated_at)
      VALUES (@siteId, @periodStart, @periodEnd, @clientsServed, @inCompetitiveWork, @workingOrStudying, @tenure6Months, @tenure12Months, @at, @at)`)
    .run({ ...bound(fields), at }).lastInsertRowid);
}

export function updateOutcome(db: Database, id: number, fields: OutcomeFields, at: string): void {
  db.prepare(`UPDATE employment_outcomes SET period_start = @periodStart, period_end = @periodEnd, clients_served = @clientsServed,
      in_competitive_work = @inCompetitiveWork, working_or_studying = @workingOrStudying, tenure_6_months = @tenure6Months,
      tenure_12_months = @tenure12Months, updated_at = @at WHERE id = @id`).run({ ...bound(fields), id, at });
}

export function deleteOutcome(db: Database, id: number): void {
  db.prepare('DELETE FROM employment_outcomes WHERE id = ?').run(id);
}
