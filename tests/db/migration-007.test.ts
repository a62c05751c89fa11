import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const FP_A = Array.from({ length: 32 }, () => 'AB').join(':');
const FP_B = Array.from({ length: 32 }, () => 'CD').join(':');

describe('migration 007 (review origins)', () => {
  // Build a version-6 database with reviews written here and imported from bundles, migrate, and check nothing was lost.
  test('each review imported from a bundle gets its exporter from the audit log; reviews written here get none', async () => {
    const file = tempDbFile();
    const v6 = new BetterSqlite3(file);
    v6.pragma('foreign_keys = ON');
    migrate(v6, 0, 6);
    v6.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at) VALUES
        ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'final', 't', 't'),
        ('u-2', 1, 'self', 'ips-25', '1.0.0', 'h', '["2026-05-02"]', 'draft', 't', 't'),
        ('u-3', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-06-01"]', 'final', 't', 't');
      INSERT INTO audit_log (at, actor, entity, entity_id, action, old_value, new_value) VALUES
        ('2026-01-05', 'x', 'review', '1', 'import-bundle', NULL, '{"revision":1,"exporter":"${FP_A}"}'),
        ('2026-01-06', 'x', 'review', '2', 'create', NULL, '{}'),
        ('2026-01-07', 'x', 'review', '3', 'import-bundle', NULL, '{"revision":1,"exporter":"${FP_A}"}'),
        ('2026-02-07', 'x', 'review', '3', 'replace-from-bundle', '{"revision":1}', '{"revision":2,"exporter":"${FP_B}"}'),
        ('2026-02-08', 'x', 'review', '3', 'export-bundle', NULL, '{"revision":2,"identity":"${FP_A}"}');`);
    const before = dumpDatabase(file);
    v6.close();

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(expect.arrayContaining(before[table]!.map((row) => expect.objectContaining(row))));
    expect(db.prepare('SELECT * FROM review_origins ORDER BY review_id').all()).toEqual([
      { review_id: 1, exporter_fingerprint: FP_A, exporter_name: null, exporter_organisation: null, received_at: '2026-01-05' },
      { review_id: 3, exporter_fingerprint: FP_B, exporter_name: null, exporter_organisation: null, received_at: '2026-02-07' },
    ]);
    expect(() => db.prepare("INSERT INTO review_origins (review_id, exporter_fingerprint, received_at) VALUES (2, 'AB', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO review_origins (review_id, exporter_fingerprint, received_at) VALUES (9, '${FP_A}', 't')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
