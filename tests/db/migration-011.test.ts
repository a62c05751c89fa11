import BetterSqlite3 from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../electron/backend/store/open-database.ts';
import { insertPlanRow, listPlanPeople, listPlanRows, replacePlanPeople } from '../../electron/backend/store/visit-plan-store.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

describe('migration 011 (visit plan schedule)', () => {
  test('a version-10 database keeps its plan rows; they become scale rows with no times, people or linked items', () => {
    const file = tempDbFile();
    try {
      const v10 = new BetterSqlite3(file);
      v10.pragma('foreign_keys = ON');
      migrate(v10, 0, 10);
      v10.exec(`
        INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
        INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
          VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'draft', 't', 't');
        INSERT INTO visit_plan_entries (review_id, source_key, category, who, planned_date, done, note, updated_at)
          VALUES (1, 'client-interview', 'interview', 'Hanna', '2026-01-02', 1, 'Kolme asiakasta', 't'),
                 (1, 'documents', 'request', NULL, NULL, 0, NULL, 't');`);
      const before = dumpDatabase(file);
      // Only this step: later migrations (numbered side by side) are theirs to test.
      migrate(v10, 10, 11);
      const db = v10;
      const after = dumpDatabase(file);
      for (const table of Object.keys(before)) {
        if (table === 'visit_plan_entries') continue;
        expect(after[table], table).toEqual(before[table]);
      }
      // Every old value is there; the new columns are empty.
      expect(after.visit_plan_entries).toEqual((before.visit_plan_entries as object[]).map((row) => ({
        ...row, kind: 'scale', label: null, start_time: null, end_time: null, note_items: '[]',
      })));
      expect(after.visit_plan_people).toEqual([]);

      db.prepare("UPDATE visit_plan_entries SET start_time = '09:00', end_time = '10:30', note_items = '[5,13]' WHERE id = 1").run();
      const custom = insertPlanRow(db, 1, 'custom-1', 'interview', 't2', { kind: 'custom', label: 'Kelan yhteyshenkilö' })!;
      replacePlanPeople(db, 1, [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }, { name: 'Matti', role: null }]);
      expect(listPlanPeople(db, 1)).toEqual([
        { entry_id: 1, position: 1, name: 'Hanna Korhonen', role: 'työhönvalmentaja' },
        { entry_id: 1, position: 2, name: 'Matti', role: null },
      ]);
      expect(listPlanRows(db, 1).map((r) => [r.kind, r.label, r.start_time, r.note_items])).toEqual([
        ['scale', null, '09:00', '[5,13]'], ['scale', null, null, '[]'], ['custom', 'Kelan yhteyshenkilö', null, '[]'],
      ]);
      expect(() => db.prepare("UPDATE visit_plan_entries SET start_time = '9.00' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE visit_plan_entries SET note_items = 'x' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE visit_plan_entries SET kind = 'other' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO visit_plan_people (entry_id, position, name) VALUES (1, 1, 'x')").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("INSERT INTO visit_plan_people (entry_id, position, name) VALUES (99, 1, 'x')").run()).toThrow(/FOREIGN KEY/);
      // Removing a row removes its people.
      replacePlanPeople(db, custom, [{ name: 'Kelan asiantuntija', role: null }]);
      db.prepare('DELETE FROM visit_plan_entries WHERE id = ?').run(custom);
      expect(listPlanPeople(db, 1).map((p) => p.entry_id)).toEqual([1, 1]);
      db.close();
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});
