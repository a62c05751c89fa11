import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';
import { tempFolders } from '../fixtures/temp-folders.ts';

const temp = tempFolders();

const insertReview = "INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at) VALUES (?, 1, ?, 'ips-25', '1.0.0', 'h', '[\"2026-03-04\"]', 'draft', 't', 't')";

describe('migration 016 (review kinds and the reviewing organisation)', () => {
  test('a version-15 database with reviews keeps every row, index and trigger; peer is allowed, a bad kind refused', async () => {
    const file = temp.fileIn(tempDbFile());
    const old = new BetterSqlite3(file);
    old.pragma('foreign_keys = ON');
    migrate(old, 0, 15);
    old.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
        VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'final', 't', 't'),
               ('u-2', 1, 'self', 'ips-25', '1.0.0', 'h', '["2025-01-02","2025-01-03"]', 'draft', 't', 't');
      UPDATE reviews SET strengths = 'Vahvuudet' WHERE id = 1;
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at, amends_review_id, amendment_reason)
        VALUES ('u-3', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'draft', 't', 't', 1, 'Korjaus');
      INSERT INTO reviewers (review_id, position, name) VALUES (1, 1, 'Aino'), (1, 2, 'Bertta');
      INSERT INTO ratings (reviewer_id, item, score, updated_at) VALUES (1, 1, 4, 't'), (2, 1, 5, 't');
      INSERT INTO consensus_ratings (review_id, item, score, updated_at) VALUES (1, 1, 5, 't');`);
    const indexesBefore = old.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'reviews' AND type IN ('index', 'trigger') ORDER BY name").all();
    old.close();
    const before = dumpDatabase(file);

    const { db } = await openDatabase(file);
    try {
      const after = dumpDatabase(file);
      for (const table of Object.keys(before)) {
        const expected = table === 'reviews' ? before[table]!.map((row) => ({ ...(row as object), reviewing_organisation: null })) : before[table];
        expect(after[table], table).toEqual(expected);
      }
      expect(db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'reviews' AND type IN ('index', 'trigger') ORDER BY name").all()).toEqual(indexesBefore);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);

      // The triggers still keep the comparison's facts: a new peer review gets its row.
      const peer = db.prepare(insertReview).run('u-4', 'peer').lastInsertRowid;
      db.prepare("UPDATE reviews SET reviewing_organisation = 'Tampereen IPS-tiimi' WHERE id = ?").run(peer);
      expect(db.prepare('SELECT first_visit FROM review_result_facts WHERE review_id = ?').pluck().get(peer)).toBe('2026-03-04');
      expect(() => db.prepare(insertReview).run('u-5', 'vertais')).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE reviews SET reviewing_organisation = '  ' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE reviews SET site_id = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
      // Cascades still work after the rebuild.
      db.prepare('DELETE FROM reviews WHERE id = 2').run();
      expect(db.prepare('SELECT count(*) FROM review_result_facts WHERE review_id = 2').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
