import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/backend/store/migrations/index.ts';
import { migrate, openDatabase, StoreError } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const pick = (row: unknown, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]]));
/** A table's rows after migrating, apart from what migration 013 adds: the 23 listed regions and the sites' "other" model note. */
function kept(after: Record<string, unknown[]>, table: string): unknown[] | undefined {
  const without = (key: string) => (row: unknown) => Object.fromEntries(Object.entries(row as object).filter(([k]) => k !== key));
  if (table === 'regions') return after.regions!.filter((row) => (row as { code: unknown }).code === null).map(without('code'));
  if (table === 'sites') return after.sites!.map(without('collaboration_other_note'));
  // Migration 016's reviewing organisation: NULL (not recorded) on every older review.
  if (table === 'reviews') return after.reviews!.map(without('reviewing_organisation'));
  // Migration 014's optional outcome figures: NULL (not reported) on every older row.
  if (table === 'employment_outcomes') return after.employment_outcomes!.map(without('working_or_studying')).map(without('tenure_6_months')).map(without('tenure_12_months'));
  // Migration 011's schedule columns: a scale row with no label, times or linked items on every older row.
  if (table === 'visit_plan_entries') {
    return after.visit_plan_entries!.map(without('kind')).map(without('label')).map(without('start_time')).map(without('end_time')).map(without('note_items'));
  }
  return after[table];
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrations', () => {
  test('they are numbered 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  // 001: the previous version is an empty file.
  test('001 creates STRICT tables with foreign keys, and data written under it survives reopening', async () => {
    const file = tempDbFile();
    const { db, backupFile, migratedFrom } = await openDatabase(file);
    expect(migratedFrom).toBe(0);
    expect(backupFile).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(['action_plan_rows', 'audit_log', 'consensus_ratings', 'database_identity', 'employment_outcomes', 'ratings', 'recommendations', 'regions', 'review_origins', 'review_result_facts', 'review_revisions', 'reviewer_rating_sources', 'reviewer_recommendations', 'reviewers', 'reviews', 'scale_versions', 'signed_reports', 'signing_identities', 'sites', 'trusted_certificates', 'visit_plan_entries', 'visit_plan_people']);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);

    db.prepare("INSERT INTO regions (name, created_at) VALUES ('Lappi', 'x')").run();
    db.prepare("INSERT INTO sites (name, region_id, created_at, updated_at) VALUES ('Rovaniemi', 1, 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO sites (name, region_id, created_at, updated_at) VALUES ('X', 99, 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO sites (name, region_id, created_at, updated_at) VALUES ('X', 'one', 'x', 'x')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare("INSERT INTO sites (name, collaboration_model, created_at, updated_at) VALUES ('X', 3, 'x', 'x')").run()).toThrow(/CHECK/);
    db.close();

    const reopened = await openDatabase(file);
    expect(reopened.backupFile).toBeNull();
    expect(dumpDatabase(file).sites).toHaveLength(1);
    reopened.db.close();
  });

  // 002: build a version-1 database with a review in it, migrate, and find everything still there.
  test('002 adds the workflow columns and the visit plan without losing version-1 data', async () => {
    const file = tempDbFile();
    const v1 = new BetterSqlite3(file);
    v1.pragma('foreign_keys = ON');
    migrate(v1, 0, 1);
    v1.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Kuopio', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
        VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'sha256:x', '["2026-01-02"]', 'final', 't', 't');
      INSERT INTO reviewers (review_id, position, name) VALUES (1, 1, 'Aino');
      INSERT INTO consensus_ratings (review_id, item, score, updated_at) VALUES (1, 1, 4, 't');`);
    const before = dumpDatabase(file);
    v1.close();
    const { db, backupFile } = await openDatabase(file);
    expect(backupFile).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) {
      expect(kept(after, table)!.map((row) => pick(row, Object.keys((before[table]![0] ?? {}) as object))), table).toEqual(before[table]);
    }
    expect(after.reviewers).toEqual([{ id: 1, review_id: 1, position: 1, name: 'Aino', role: null, completed_at: null }]);
    expect(after.reviews![0]).toMatchObject({ strengths: null, amends_review_id: null, amendment_reason: null });
    db.close();
  });

  // 003: a version-2 database with a workflow review keeps everything; the new tables start empty.
  test('003 adds signing identities and signed reports without losing version-2 data', async () => {
    const file = tempDbFile();
    const v2 = new BetterSqlite3(file);
    v2.pragma('foreign_keys = ON');
    migrate(v2, 0, 2);
    v2.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Vaasa', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, strengths, created_at, updated_at)
        VALUES ('u-2', 1, 'self', 'ips-25', '1.0.0', 'sha256:x', '["2026-03-04"]', 'draft', 'Hyvä tiimi', 't', 't');
      INSERT INTO reviewers (review_id, position, name, completed_at) VALUES (1, 1, 'Sanna', '2026-03-05');
      INSERT INTO visit_plan_entries (review_id, source_key, category, done, updated_at) VALUES (1, 'mis-data', 'request', 1, 't');`);
    const before = dumpDatabase(file);
    v2.close();
    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(kept(after, table), table).toEqual(before[table]);
    expect(after.signed_reports).toEqual([]);
    expect(after.signing_identities).toEqual([]);
    db.prepare("INSERT INTO signed_reports (review_id, language, pdf, sha256, signers, created_at) VALUES (1, 'fi', x'255044462d', 'h', '[]', 't')").run();
    expect(() => db.prepare("INSERT INTO signed_reports (review_id, language, pdf, sha256, signers, created_at) VALUES (9, 'fi', x'00', 'h', '[]', 't')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  test('004 marks every existing identity as passphrase-protected and allows a wrapped secret only for system ones', async () => {
    const file = tempDbFile();
    const v3 = new BetterSqlite3(file);
    migrate(v3, 0, 3);
    v3.exec(`INSERT INTO signing_identities (name, certificate_fingerprint, not_after, sealed, created_at) VALUES ('Aino', 'AA:BB', '2030-01-01', '{}', 't');`);
    v3.close();
    const { db } = await openDatabase(file);
    expect(db.prepare('SELECT name, protection, wrapped_secret FROM signing_identities').all()).toEqual([{ name: 'Aino', protection: 'passphrase', wrapped_secret: null }]);
    const insert = db.prepare("INSERT INTO signing_identities (name, certificate_fingerprint, not_after, sealed, created_at, protection, wrapped_secret) VALUES ('B', ?, 'x', '{}', 't', ?, ?)");
    expect(() => insert.run('F1', 'system', null)).toThrow(/CHECK/);
    expect(() => insert.run('F2', 'passphrase', Buffer.from('x'))).toThrow(/CHECK/);
    expect(() => insert.run('F3', 'keychain', null)).toThrow(/CHECK/);
    insert.run('F4', 'system', Buffer.from('wrapped'));
    db.close();
  });

  // 006: review facts for the comparison, filled from version-5 data and kept by triggers afterwards.
  test('006 fills each review’s result facts from version-5 data, loses nothing, and keeps the facts on later writes', async () => {
    const file = tempDbFile();
    const v5 = new BetterSqlite3(file);
    v5.pragma('foreign_keys = ON');
    migrate(v5, 0, 5);
    const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    v5.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at) VALUES
        ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02","2026-01-03"]', 'final', 't', 't'),
        ('u-2', 1, 'self', 'ips-25', '1.0.0', 'h', '["2026-05-02","2026-05-01"]', 'draft', 't', 't'),
        ('u-3', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-06-01"]', 'draft', 't', 't');
      INSERT INTO reviewers (review_id, position, name) VALUES (1, 1, 'A'), (1, 2, 'B'), (2, 1, 'C'), (3, 1, 'D'), (3, 2, 'E');
      INSERT INTO employment_outcomes (site_id, period_start, period_end, clients_served, in_competitive_work, created_at, updated_at)
        VALUES (1, '2025-01-01', '2025-12-31', 30, 12, 't', 't');`);
    const consensus = v5.prepare("INSERT INTO consensus_ratings (review_id, item, score, reason, evidence, updated_at) VALUES (?, ?, ?, ?, ?, 't')");
    const rating = v5.prepare("INSERT INTO ratings (reviewer_id, item, score, reason, updated_at) VALUES (?, ?, ?, ?, 't')");
    // Review 1: consensus of 24 items at 4 and a note-only row (not rated yet): 24 rated, 96.
    for (const item of items(1, 24)) consensus.run(1, item, 4, null, null);
    consensus.run(1, 25, null, null, 'keskustelu kesken');
    for (const item of items(1, 25)) rating.run(1, item, 5, null);
    // Review 2: one reviewer, no consensus: 13 items at 3 and two not rated: 13 rated, 39.
    for (const item of items(1, 13)) rating.run(3, item, 3, null);
    for (const item of items(14, 15)) rating.run(3, item, null, 'no-data');
    // Review 3: two reviewers, no consensus yet: no result.
    for (const item of items(1, 25)) rating.run(4, item, 2, null);
    const before = dumpDatabase(file);
    v5.close();

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(kept(after, table), table).toEqual(before[table]);
    const facts = () => db.prepare('SELECT review_id, first_visit, rated_items, raw_total FROM review_result_facts ORDER BY review_id').all();
    expect(facts()).toEqual([
      { review_id: 1, first_visit: '2026-01-02', rated_items: 24, raw_total: 96 },
      { review_id: 2, first_visit: '2026-05-01', rated_items: 13, raw_total: 39 },
      { review_id: 3, first_visit: '2026-06-01', rated_items: 0, raw_total: 0 },
    ]);

    db.prepare('UPDATE consensus_ratings SET score = 5, evidence = NULL WHERE review_id = 1 AND item = 25').run();
    db.prepare("INSERT INTO ratings (reviewer_id, item, score, updated_at) VALUES (3, 16, 5, 't')").run();
    db.prepare('UPDATE ratings SET score = 1, reason = NULL WHERE reviewer_id = 3 AND item = 14').run();
    db.prepare("INSERT INTO consensus_ratings (review_id, item, score, updated_at) VALUES (3, 1, 2, 't')").run();
    db.prepare(`UPDATE reviews SET visit_dates = '["2025-12-30"]' WHERE id = 1`).run();
    expect(facts()).toEqual([
      { review_id: 1, first_visit: '2025-12-30', rated_items: 25, raw_total: 101 },
      { review_id: 2, first_visit: '2026-05-01', rated_items: 15, raw_total: 45 },
      { review_id: 3, first_visit: '2026-06-01', rated_items: 1, raw_total: 2 },
    ]);
    // Without consensus and with one reviewer left, that reviewer's ratings are the result again.
    db.prepare('DELETE FROM consensus_ratings WHERE review_id = 3').run();
    db.prepare('DELETE FROM reviewers WHERE id = 5').run();
    db.prepare(`INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
      VALUES ('u-4', 1, 'self', 'ips-25', '1.0.0', 'h', '["2027-01-01"]', 'draft', 't', 't')`).run();
    expect(facts()).toEqual([
      { review_id: 1, first_visit: '2025-12-30', rated_items: 25, raw_total: 101 },
      { review_id: 2, first_visit: '2026-05-01', rated_items: 15, raw_total: 45 },
      { review_id: 3, first_visit: '2026-06-01', rated_items: 25, raw_total: 50 },
      { review_id: 4, first_visit: '2027-01-01', rated_items: 0, raw_total: 0 },
    ]);
    db.close();
  });

  test('an existing file is backed up with SQLite online backup before migrating, into the backup folder', async () => {
    const file = tempDbFile();
    const legacy = new BetterSqlite3(file);
    legacy.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')");
    legacy.close();
    const before = dumpDatabase(file);
    const { db, backupFile, databaseId } = await openDatabase(file, { now: () => new Date('2026-11-23T10:00:00Z') });
    db.close();
    // With the other backups (issue 7), so it is listed, checked, restorable and rotated like them: in the
    // database's own folder, named by the id the database got in the same migration (issue 14).
    expect(backupFile).toBe(join(dirname(file), 'backups', `ips-${databaseId.slice(0, 8)}`, 'ips-fidelity-2026-11-23T10-00-00Z-migration.sqlite'));
    const backup = new BetterSqlite3(backupFile!, { readonly: true });
    expect(backup.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
    expect(backup.pragma('user_version', { simple: true })).toBe(0);
    backup.close();
    expect(dumpDatabase(backupFile!)).toEqual(before);
    expect(dumpDatabase(file).notes).toEqual([{ text: 'kept' }]);
  });

  test('a failing migration changes nothing: all pending steps are one transaction', async () => {
    const file = tempDbFile();
    const clash = new BetterSqlite3(file);
    clash.exec("CREATE TABLE reviews (x TEXT); INSERT INTO reviews VALUES ('mine')");
    clash.close();
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'db-migration-failed' });
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()).toEqual([{ name: 'reviews' }]);
    after.close();
  });

  test('a database from a newer app is refused and not touched', async () => {
    const file = tempDbFile();
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE t (x INTEGER)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    const before = sha(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'db-newer-than-app', message: expect.stringContaining('newer version of IPS Fidelity') });
    expect(sha(file)).toBe(before);
    expect(readdirSync(dirname(file))).toEqual(['ips.sqlite']);
  });

  test('a file that is not a database gets a clear error', async () => {
    const file = tempDbFile();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is not sqlite, just text '.repeat(10));
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'db-not-ips-fidelity' });
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
