import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const FP = (pair: string) => Array.from({ length: 32 }, () => pair).join(':');

describe('migration 009 (reviewer rating sources)', () => {
  test('a version-8 database keeps everything; a source row belongs to one reviewer and goes with it', async () => {
    const file = tempDbFile();
    const v8 = new BetterSqlite3(file);
    v8.pragma('foreign_keys = ON');
    migrate(v8, 0, 8);
    v8.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
        VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'draft', 't', 't');
      INSERT INTO reviewers (review_id, position, name) VALUES (1, 1, 'Aino'), (1, 2, 'Mikael');
      INSERT INTO ratings (reviewer_id, item, score, updated_at) VALUES (2, 1, 4, 't');`);
    const before = dumpDatabase(file);
    v8.close();

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(expect.arrayContaining(before[table]!.map((row) => expect.objectContaining(row))));
    expect(after.reviewer_rating_sources).toEqual([]);
    const insert = db.prepare("INSERT INTO reviewer_rating_sources (reviewer_id, certificate_fingerprint, signer_name, exported_at, imported_at) VALUES (?, ?, 'Mikael', 'a', 'b')");
    insert.run(2, FP('AB'));
    expect(() => insert.run(2, FP('CD'))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(9, FP('CD'))).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(1, 'AB:CD')).toThrow(/CHECK/);
    db.prepare('DELETE FROM reviewers WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) AS n FROM reviewer_rating_sources').get()).toEqual({ n: 0 });
    db.close();
  });
});
