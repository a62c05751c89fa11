import type { Database } from 'better-sqlite3';
import { FI_REGIONS, matchRegionName, normaliseRegionText, REGION_CODES, type RegionCode } from '../../../../scales/regions/fi-regions.ts';
import type { Migration } from './migration.ts';

interface RegionRow { id: number; name: string }

/**
 * Issue 13, Finland's structure. Regions come from a fixed list (scales/regions/fi-regions.json, Statistics
 * Finland's codes; that file is never edited, a new division would be a new file): `regions.code` holds the code and
 * the 23 listed regions are rows with their official Finnish name. Every free-text region written so far is matched
 * (letter case, spaces and dashes ignored) against the Finnish, Swedish and English names and the common short forms
 * of the list (matchRegionName: "Pirkanmaa", "Pirkanmaan hyvinvointialue", "Birkaland", "Pirha"); its sites move to
 * the listed region and the old row goes, with the original text kept in the audit log. A name that is not in the
 * list, or that covers several regions ("Uusimaa", "HUS"), is kept as it is with no code: the app flags it and asks
 * the user to pick the region.
 *
 * Collaboration model: 1, 2, or "other" with a note saying what it is. `collaboration_other_note` holds the note;
 * a note means "other", so it is only allowed without a numbered model.
 */
export const m013OfficialRegions: Migration = {
  version: 13,
  name: 'official-regions',
  up: (db) => {
    const codes = REGION_CODES.map((code) => `'${code}'`).join(', ');
    db.exec(`
      ALTER TABLE regions ADD COLUMN code TEXT CHECK (code IS NULL OR code IN (${codes}));
      CREATE UNIQUE INDEX regions_code ON regions(code) WHERE code IS NOT NULL;
      ALTER TABLE sites ADD COLUMN collaboration_other_note TEXT
        CHECK (collaboration_other_note IS NULL OR (length(trim(collaboration_other_note)) > 0 AND collaboration_model IS NULL));
    `);
    mapFreeTextRegions(db);
  },
};

const MIGRATION_ACTOR = 'migration 013';

function mapFreeTextRegions(db: Database): void {
  const at = (db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at").get() as { at: string }).at;
  const audit = db.prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, action, old_value, new_value)
      VALUES (?, '${MIGRATION_ACTOR}', 'region', ?, ?, ?, ?)`);
  const byCode = new Map<RegionCode, RegionRow[]>();
  for (const row of db.prepare('SELECT id, name FROM regions ORDER BY id').all() as RegionRow[]) {
    const code = matchRegionName(row.name);
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }

  for (const official of FI_REGIONS.regions) {
    const rows = byCode.get(official.code) ?? [];
    const officialName = normaliseRegionText(official.name.fi);
    // The row already spelt as the official Finnish name keeps its id; otherwise the oldest.
    const kept = rows.find((row) => normaliseRegionText(row.name) === officialName) ?? rows[0];
    for (const row of rows) {
      if (row === kept) continue;
      db.prepare('UPDATE sites SET region_id = ? WHERE region_id = ?').run(kept!.id, row.id);
      db.prepare('DELETE FROM regions WHERE id = ?').run(row.id);
      audit.run(at, String(row.id), 'merge', JSON.stringify(row), JSON.stringify({ id: kept!.id, code: official.code }));
    }
    if (kept) {
      db.prepare('UPDATE regions SET code = ?, name = ? WHERE id = ?').run(official.code, official.name.fi, kept.id);
      audit.run(at, String(kept.id), 'map', JSON.stringify(kept), JSON.stringify({ id: kept.id, code: official.code, name: official.name.fi }));
    } else {
      db.prepare('INSERT INTO regions (name, code, created_at) VALUES (?, ?, ?)').run(official.name.fi, official.code, at);
    }
  }
}
