import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A version-4 database with a site, a final review with ratings, consensus, a recommendation and an audit row. */
function version4Database(): string {
  const file = tempDbFile();
  folders.push(dirname(file));
  const v4 = new BetterSqlite3(file);
  v4.pragma('foreign_keys = ON');
  migrate(v4, 0, 4);
  expect(v4.pragma('user_version', { simple: true })).toBe(4);
  v4.exec(`
    INSERT INTO regions (name, created_at) VALUES ('Pirkanmaa', 't');
    INSERT INTO sites (name, region_id, organisation, collaboration_model, created_at, updated_at) VALUES ('Tampereen IPS', 1, 'Pirha', 1, 't', 't');
    INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, language, created_at, updated_at, strengths) VALUES
      ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02","2026-01-03"]', 'final', 'fi', 't', 't', 'Hyvä tiimi – ÅÄÖ');
    INSERT INTO reviewers (review_id, position, name, role, completed_at) VALUES (1, 1, 'Aino', 'pääarvioija', 't'), (1, 2, 'Mikael', NULL, 't');
    INSERT INTO ratings (reviewer_id, item, score, reason, reason_note, evidence, updated_at) VALUES
      (1, 1, 4, NULL, NULL, 'Haastattelu', 't'), (2, 1, NULL, 'no-data', 'ei tietoa', NULL, 't');
    INSERT INTO consensus_ratings (review_id, item, score, justification, updated_at) VALUES (1, 1, 4, 'yhteinen', 't');
    INSERT INTO recommendations (review_id, item, text, updated_at) VALUES (1, NULL, 'Koko arvioinnin suositus', 't');
    INSERT INTO audit_log (at, actor, entity, entity_id, action, old_value, new_value) VALUES ('t', 'x', 'review', '1', 'create', NULL, '{}');`);
  v4.close();
  return file;
}

describe('migration 005 (exchange and comparison)', () => {
  test('a version-4 database migrates to 5 with every row kept and the four new tables empty and constrained', () => {
    const file = version4Database();
    const before = dumpDatabase(file);
    const db = new BetterSqlite3(file);
    db.pragma('foreign_keys = ON');
    migrate(db, 4, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.close();

    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(Object.keys(after).filter((t) => !(t in before)).sort()).toEqual(['action_plan_rows', 'employment_outcomes', 'review_revisions', 'scale_versions']);
    for (const table of ['action_plan_rows', 'employment_outcomes', 'review_revisions', 'scale_versions']) expect(after[table], table).toEqual([]);

    const migrated = new BetterSqlite3(file);
    migrated.pragma('foreign_keys = ON');
    try {
      const columns = (table: string) => (migrated.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('scale_versions')).toEqual(['id', 'scale_id', 'version', 'content_hash', 'data', 'added_at']);
      expect(columns('review_revisions')).toEqual(['id', 'review_id', 'revision', 'file', 'replaced_at']);
      expect(columns('action_plan_rows')).toEqual(['id', 'review_id', 'item', 'goal', 'owner', 'due_date', 'status', 'notes', 'created_at', 'updated_at']);
      expect(columns('employment_outcomes')).toEqual(['id', 'site_id', 'period_start', 'period_end', 'clients_served', 'in_competitive_work', 'created_at', 'updated_at']);
      const indexes = (migrated.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['action_plan_rows_review', 'employment_outcomes_site']));

      // The new tables take rows that point at the migrated data, and their checks hold.
      migrated.prepare("INSERT INTO scale_versions (scale_id, version, content_hash, data, added_at) VALUES ('ips-25', '9.0.0', 'sha256:x', '{}', 't')").run();
      migrated.prepare("INSERT INTO review_revisions (review_id, revision, file, replaced_at) VALUES (1, 1, '{}', 't')").run();
      migrated.prepare("INSERT INTO action_plan_rows (review_id, item, goal, created_at, updated_at) VALUES (1, 3, 'Tiimikokoukset', 't', 't')").run();
      migrated.prepare("INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, created_at, updated_at) VALUES (1, '2026-01-01', '2026-06-30', 20, 8, 't', 't')").run();
      expect(migrated.prepare('SELECT status FROM action_plan_rows').get()).toEqual({ status: 'open' });
      expect(() => migrated.prepare("INSERT INTO scale_versions (scale_id, version, content_hash, data, added_at) VALUES ('ips-25', '9.0.1', 'sha256:x', '{}', 't')").run()).toThrow(/UNIQUE/);
      expect(() => migrated.prepare("INSERT INTO scale_versions (scale_id, version, content_hash, data, added_at) VALUES ('ips-25', '9.0.2', 'sha256:y', 'not json', 't')").run()).toThrow(/CHECK/);
      expect(() => migrated.prepare("INSERT INTO review_revisions (review_id, revision, file, replaced_at) VALUES (9, 1, '{}', 't')").run()).toThrow(/FOREIGN KEY/);
      expect(() => migrated.prepare("INSERT INTO action_plan_rows (review_id, item, status, created_at, updated_at) VALUES (1, 4, 'maybe', 't', 't')").run()).toThrow(/CHECK/);
      expect(() => migrated.prepare("INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, created_at, updated_at) VALUES (1, '2026-07-01', '2026-12-31', 5, 6, 't', 't')").run()).toThrow(/CHECK/);
      expect(() => migrated.prepare("INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, created_at, updated_at) VALUES (1, '2026-12-31', '2026-07-01', 5, 1, 't', 't')").run()).toThrow(/CHECK/);
    } finally {
      migrated.close();
    }
  });

  test('the version-4 data also survives opening with the app, through every later migration', async () => {
    const file = version4Database();
    const before = dumpDatabase(file);
    const { db } = await openDatabase(file);
    try {
      expect(db.prepare('SELECT name, organisation FROM sites').all()).toEqual([{ name: 'Tampereen IPS', organisation: 'Pirha' }]);
      expect(db.prepare('SELECT uid, status, strengths, visit_dates FROM reviews').all()).toEqual([{ uid: 'u-1', status: 'final', strengths: 'Hyvä tiimi – ÅÄÖ', visit_dates: '["2026-01-02","2026-01-03"]' }]);
      expect(db.prepare('SELECT reviewer_id, item, score, reason, reason_note, evidence FROM ratings ORDER BY reviewer_id').all())
        .toEqual((before.ratings as Record<string, unknown>[]).map(({ reviewer_id, item, score, reason, reason_note, evidence }) => ({ reviewer_id, item, score, reason, reason_note, evidence })));
      expect(db.prepare('SELECT item, score, justification FROM consensus_ratings').all()).toEqual([{ item: 1, score: 4, justification: 'yhteinen' }]);
      expect(db.prepare('SELECT text FROM recommendations').all()).toEqual([{ text: 'Koko arvioinnin suositus' }]);
      expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'create'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
