import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { insertActionPlanRow, listActionPlanRecords, listActionPlanRows } from '../../electron/backend/store/action-plan-store.ts';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const INSERT = `INSERT INTO action_plan_rows (review_id, item, title, goal, created_at, updated_at) VALUES (1, ?, ?, '', 't', 't')`;

describe('migration 012 (action plan rows: several per item, free rows)', () => {
  test('a version-11 database keeps every plan row with its id; rows may then repeat an item or name none', async () => {
    const file = tempDbFile();
    const v11 = new BetterSqlite3(file);
    v11.pragma('foreign_keys = ON');
    migrate(v11, 0, 11);
    v11.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
        VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'final', 't', 't');
      INSERT INTO action_plan_rows (id, review_id, item, goal, owner, due_date, status, notes, created_at, updated_at) VALUES
        (7, 1, 13, 'Viikoittaiset työnantajakäynnit', 'Hanna', '2027-02-28', 'in-progress', 'Tiimipalaverissa', 't1', 't2'),
        (3, 1, 4, '', NULL, NULL, 'open', NULL, 't1', 't1');
      INSERT INTO audit_log (at, actor, entity, entity_id, action, new_value) VALUES ('t', 'x', 'action-plan-row', '7', 'update', '{}');`);
    // Version 11 allowed one row per item.
    expect(() => v11.prepare("INSERT INTO action_plan_rows (review_id, item, created_at, updated_at) VALUES (1, 13, 't', 't')").run()).toThrow(/UNIQUE/);
    const before = dumpDatabase(file);
    migrate(v11, 11, 12);
    v11.close();

    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) {
      if (table === 'action_plan_rows') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    expect(after.action_plan_rows).toEqual((before.action_plan_rows as object[]).map((row) => ({ ...row, title: null })));

    const { db } = await openDatabase(file);
    try {
      insertActionPlanRow(db, 1, { item: 13 }, { goal: 'Toinen toimenpide kohtaan 13' }, 't3');
      insertActionPlanRow(db, 1, { title: 'Yhteistyö Kelan kanssa' }, { goal: 'Yhteinen tapaaminen', status: 'done' }, 't3');
      expect(listActionPlanRecords(db, 1).map((r) => [r.id, r.item, r.title])).toEqual([[3, 4, null], [7, 13, null], [8, 13, null], [9, null, 'Yhteistyö Kelan kanssa']]);
      expect(listActionPlanRows(db, 1).slice(2)).toEqual([
        { item: 13, goal: 'Toinen toimenpide kohtaan 13', status: 'open' },
        { title: 'Yhteistyö Kelan kanssa', goal: 'Yhteinen tapaaminen', status: 'done' },
      ]);
      // A row names an item or has a title: never both, never neither, never a blank title.
      expect(() => db.prepare(INSERT).run(5, 'Molemmat')).toThrow(/CHECK/);
      expect(() => db.prepare(INSERT).run(null, null)).toThrow(/CHECK/);
      expect(() => db.prepare(INSERT).run(null, '  ')).toThrow(/CHECK/);
      expect(() => db.prepare(INSERT).run(0, null)).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO action_plan_rows (review_id, item, created_at, updated_at) VALUES (99, 1, 't', 't')").run()).toThrow(/FOREIGN KEY/);
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'action_plan_rows'").pluck().get()).toMatch(/\)\s*STRICT$/);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'action_plan_rows' AND type = 'index'").pluck().all()).toEqual(['action_plan_rows_review']);
    } finally {
      db.close();
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});
