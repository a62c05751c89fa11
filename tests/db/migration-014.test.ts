import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { getOutcome, insertOutcome, listOutcomes, updateOutcome } from '../../electron/backend/store/outcomes-store.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const previous = 13;

describe('migration 014 (employment outcome figures)', () => {
  test('a database one version older keeps its outcome periods, now with the new figures not reported; the database checks their nesting', async () => {
    const file = tempDbFile();
    const older = new BetterSqlite3(file);
    older.pragma('foreign_keys = ON');
    migrate(older, 0, previous);
    older.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, created_at, updated_at)
        VALUES (1, '2024-01-01', '2024-12-31', 40, 12, 't', 't'), (1, '2025-01-01', '2025-06-30', 30, 0, 't', 't');`);
    const before = dumpDatabase(file);
    older.close();

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) {
      if (table === 'employment_outcomes') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    const notReported = { working_or_studying: null, tenure_6_months: null, tenure_12_months: null };
    expect(after.employment_outcomes).toEqual((before.employment_outcomes as object[]).map((row) => ({ ...row, ...notReported })));
    expect(listOutcomes(db, 1).map((o) => [o.clientsServed, o.inCompetitiveWork, o.workingOrStudying, o.tenure6Months, o.tenure12Months]))
      .toEqual([[40, 12, null, null, null], [30, 0, null, null, null]]);

    // An old period can be given the new figures; a new one with all of them reads back as written.
    updateOutcome(db, 1, { siteId: 1, periodStart: '2024-01-01', periodEnd: '2024-12-31', clientsServed: 40, inCompetitiveWork: 12, workingOrStudying: 20, tenure6Months: 9 }, 't2');
    expect(getOutcome(db, 1)).toMatchObject({ workingOrStudying: 20, tenure6Months: 9, tenure12Months: null, updatedAt: 't2' });
    const id = insertOutcome(db, { siteId: 1, periodStart: '2025-07-01', periodEnd: '2025-12-31', clientsServed: 10, inCompetitiveWork: 4, workingOrStudying: 10, tenure6Months: 4, tenure12Months: 4 }, 't3');
    expect(getOutcome(db, id)).toMatchObject({ workingOrStudying: 10, tenure6Months: 4, tenure12Months: 4 });

    // Each nesting rule, straight at the table.
    const insert = (working: number | null, six: number | null, twelve: number | null, year = 2030) => () =>
      db.prepare(`INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, working_or_studying,
          tenure_6_months, tenure_12_months, created_at, updated_at) VALUES (1, ?, ?, 10, 5, ?, ?, ?, 't', 't')`).run(`${year}-01-01`, `${year}-12-31`, working, six, twelve);
    expect(insert(11, null, null)).toThrow(/CHECK/); // more working or studying than served
    expect(insert(4, null, null)).toThrow(/CHECK/); // fewer working or studying than in open-market work
    expect(insert(null, 6, null)).toThrow(/CHECK/); // 6 months > in open-market work
    expect(insert(null, -1, null)).toThrow(/CHECK/);
    expect(insert(null, null, 6)).toThrow(/CHECK/); // 12 months > in open-market work, 6 months not reported
    expect(insert(null, 3, 4)).toThrow(/CHECK/); // 12 months > 6 months
    expect(insert(null, null, 'x' as unknown as number)).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(listOutcomes(db, 1)).toHaveLength(3);
    insert(5, 5, null)();
    insert(null, null, 5, 2031)();
    expect(() => db.prepare('UPDATE employment_outcomes SET in_competitive_work = 3 WHERE id = ?').run(id)).toThrow(/CHECK/);
    db.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });
});
