import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile, testBackend } from '../fixtures/backend.ts';

const folders: string[] = [];
const newFile = () => {
  const file = tempDbFile();
  folders.push(dirname(file));
  return file;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

interface RegionRow { id: number; name: string; code: string | null }
interface SiteRow { id: number; name: string; region_id: number | null; collaboration_model: number | null; collaboration_other_note: string | null }

/** A version-12 database with the free-text regions users wrote before the list. */
function version12(file: string): void {
  const v12 = new BetterSqlite3(file);
  v12.pragma('foreign_keys = ON');
  migrate(v12, 0, 12);
  v12.exec(`
    INSERT INTO regions (id, name, created_at) VALUES
      (1, 'Pirkanmaa', 't'), (2, 'pirkanmaan  hyvinvointialue', 't'), (3, 'Birkalands välfärdsområde', 't'),
      (4, 'HUS', 't'), (5, 'Lapin hyvinvointialue', 't'), (6, 'Keski-Suomi', 't'), (7, 'Itä–Uusimaa', 't'), (8, 'Kaakkois-Suomi', 't');
    INSERT INTO sites (id, name, region_id, collaboration_model, created_at, updated_at) VALUES
      (1, 'Tampereen IPS', 1, 1, 't', 't'), (2, 'Nokian IPS', 2, 2, 't', 't'), (3, 'Birkala IPS', 3, NULL, 't', 't'),
      (4, 'Helsingin IPS', 4, 2, 't', 't'), (5, 'Rovaniemen IPS', 5, NULL, 't', 't'), (6, 'Porvoon IPS', 7, NULL, 't', 't'),
      (7, 'Kotkan IPS', 8, NULL, 't', 't'), (8, 'Ei aluetta', NULL, NULL, 't', 't');
    INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
      VALUES ('u-1', 4, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'final', 't', 't');`);
  v12.close();
}

describe('migration 013 (official regions, collaboration model "other")', () => {
  test('free-text regions are mapped to the list; unknown ones are kept without a code; nothing else changes', async () => {
    const file = newFile();
    version12(file);
    const before = dumpDatabase(file);

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before).filter((t) => !['regions', 'sites', 'audit_log'].includes(t))) {
      // Migration 016 adds the reviewing organisation, NULL on every older review.
      const rows = table === 'reviews' ? after.reviews!.map((row) => { const { reviewing_organisation: _, ...rest } = row as Record<string, unknown>; return rest; }) : after[table];
      expect(rows, table).toEqual(before[table]);
    }
    const regions = after.regions as RegionRow[];
    const sites = after.sites as SiteRow[];
    const regionOf = (siteId: number) => regions.find((r) => r.id === sites.find((s) => s.id === siteId)!.region_id) ?? null;

    // All 23 listed regions exist once, with the official Finnish name.
    expect(regions.filter((r) => r.code !== null)).toHaveLength(23);
    expect(new Set(regions.map((r) => r.code).filter(Boolean)).size).toBe(23);
    // "Pirkanmaa", a spaced lower-case official name and the Swedish name are the same region: one row, code 08.
    for (const siteId of [1, 2, 3]) expect(regionOf(siteId)).toMatchObject({ code: '08', name: 'Pirkanmaan hyvinvointialue' });
    expect(regions.filter((r) => [1, 2, 3].includes(r.id))).toHaveLength(1);
    // The row already spelt officially keeps its id; a short form gets the official name; an en dash is a dash.
    expect(regionOf(5)).toEqual({ id: 5, name: 'Lapin hyvinvointialue', code: '21', created_at: 't' });
    expect(regions.find((r) => r.id === 6)).toMatchObject({ code: '15', name: 'Keski-Suomen hyvinvointialue' });
    expect(regionOf(6)).toMatchObject({ code: '01', name: 'Itä-Uudenmaan hyvinvointialue' });
    // "HUS" covers several regions and "Kaakkois-Suomi" is not a region of the list: kept as written, flagged by code null.
    expect(regionOf(4)).toEqual({ id: 4, name: 'HUS', code: null, created_at: 't' });
    expect(regionOf(7)).toEqual({ id: 8, name: 'Kaakkois-Suomi', code: null, created_at: 't' });
    expect(regionOf(8)).toBeNull();
    // Sites keep everything else; no site has the "other" model yet.
    expect(sites.map(({ id, name, collaboration_model, collaboration_other_note }) => ({ id, name, collaboration_model, collaboration_other_note })))
      .toEqual((before.sites as SiteRow[]).map(({ id, name, collaboration_model }) => ({ id, name, collaboration_model, collaboration_other_note: null })));
    // What each region was written as stays in the audit log.
    const audit = (after.audit_log as { actor: string; entity_id: string; action: string; old_value: string }[]).filter((a) => a.actor === 'migration 013');
    // (The row written as the official name, only in other case and spacing, is the one kept.)
    expect(audit.filter((a) => a.action === 'merge').map((a) => JSON.parse(a.old_value).name).sort()).toEqual(['Birkalands välfärdsområde', 'Pirkanmaa']);
    expect(audit.find((a) => a.action === 'map' && a.entity_id === '2')?.old_value).toBe(JSON.stringify({ id: 2, name: 'pirkanmaan  hyvinvointialue' }));

    // The database holds the rules: a code off the list, a second row of a code, a note with a numbered model.
    expect(() => db.prepare("INSERT INTO regions (name, code, created_at) VALUES ('X', '22', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO regions (name, code, created_at) VALUES ('X', '08', 't')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE sites SET collaboration_other_note = 'Yhteinen tiimi' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sites SET collaboration_other_note = '  ' WHERE id = 3").run()).toThrow(/CHECK/);
    db.prepare("UPDATE sites SET collaboration_other_note = 'Yhteinen tiimi' WHERE id = 3").run();
    db.close();
  });

  test('through the API the unknown region is flagged, and mapping it by code moves the site to the listed region', async () => {
    const file = newFile();
    version12(file);
    const { call, backend } = await testBackend(file);
    const helsinki = await call('sites.get', { id: 4 });
    expect(helsinki.region).toEqual({ id: 4, code: null, name: 'HUS' });
    expect((await call('regions.list', {})).filter((r) => r.code === null).map((r) => r.name)).toEqual(['HUS', 'Kaakkois-Suomi']);

    const mapped = await call('sites.update', { id: 4, changes: { regionCode: '90' } });
    expect(mapped.region).toMatchObject({ code: '90', name: 'Helsingin kaupunki' });
    expect(mapped.collaborationModel).toBe(2);
    // No site uses "HUS" any more, so the region list no longer offers it.
    expect((await call('regions.list', {})).filter((r) => r.code === null).map((r) => r.name)).toEqual(['Kaakkois-Suomi']);
    expect((await call('regions.list', {}))).toHaveLength(24);
    backend.close();
  });
});
