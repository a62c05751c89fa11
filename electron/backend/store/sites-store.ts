import type { Database } from 'better-sqlite3';
import { RegionCode } from '../../../scales/regions/fi-regions.ts';
import type { CollaborationModel, Region, Site } from '../../contract/entities.ts';

interface SiteRow {
  id: number; name: string; region_id: number | null; region_name: string | null; region_code: string | null; organisation: string | null;
  collaboration_model: number | null; collaboration_other_note: string | null; active: number; created_at: string; updated_at: string;
}

const SITE_SELECT = `SELECT s.*, r.name AS region_name, r.code AS region_code FROM sites s LEFT JOIN regions r ON r.id = s.region_id`;

const toRegionCode = (code: string | null) => (code === null ? null : RegionCode.parse(code));

function collaborationOf(row: SiteRow): CollaborationModel | null {
  if (row.collaboration_other_note !== null) return 'other';
  return row.collaboration_model === 1 || row.collaboration_model === 2 ? row.collaboration_model : null;
}

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    region: row.region_id === null ? null : { id: row.region_id, code: toRegionCode(row.region_code), name: row.region_name ?? '' },
    organisation: row.organisation,
    collaborationModel: collaborationOf(row),
    collaborationNote: row.collaboration_other_note,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface RegionRow { id: number; code: string | null; name: string }
const toRegion = (row: RegionRow): Region => ({ id: row.id, code: toRegionCode(row.code), name: row.name });

/** The listed regions, and the free-text ones still kept (migration 013) while a site uses them. */
export function listRegions(db: Database): Region[] {
  return (db.prepare(`SELECT g.id, g.code, g.name FROM regions g
      WHERE g.code IS NOT NULL OR EXISTS (SELECT 1 FROM sites s WHERE s.region_id = g.id)
      ORDER BY g.code IS NULL, g.code, g.name COLLATE NOCASE`).all() as RegionRow[]).map(toRegion);
}

/** The row of a listed region (migration 013 writes all of them). */
export function regionByCode(db: Database, code: RegionCode): Region {
  const row = db.prepare('SELECT id, code, name FROM regions WHERE code = ?').get(code) as RegionRow | undefined;
  if (!row) throw new Error(`region ${code} is missing from the database`);
  return toRegion(row);
}

/** A free-text region not on the list (a bundle from an older app), found by name in any letter case or kept as given. */
export function findOrCreateUnlistedRegion(db: Database, name: string, at: string): { region: Region; created: boolean } {
  const existing = db.prepare('SELECT id, code, name FROM regions WHERE name = ? COLLATE NOCASE').get(name) as RegionRow | undefined;
  if (existing) return { region: toRegion(existing), created: false };
  const id = Number(db.prepare('INSERT INTO regions (name, created_at) VALUES (?, ?)').run(name, at).lastInsertRowid);
  return { region: { id, code: null, name }, created: true };
}

export function getSite(db: Database, id: number): Site | undefined {
  const row = db.prepare(`${SITE_SELECT} WHERE s.id = ?`).get(id) as SiteRow | undefined;
  return row && toSite(row);
}

export function listSites(db: Database, filter: { includeArchived: boolean; regionId?: number | undefined; search?: string | undefined }): Site[] {
  const rows = db.prepare(`${SITE_SELECT}
      WHERE (@includeArchived = 1 OR s.active = 1)
        AND (@regionId IS NULL OR s.region_id = @regionId)
        AND (@search IS NULL OR instr(lower(s.name), lower(@search)) > 0)
      ORDER BY s.name COLLATE NOCASE, s.id`).all({
    includeArchived: filter.includeArchived ? 1 : 0,
    regionId: filter.regionId ?? null,
    search: filter.search?.trim() || null,
  }) as SiteRow[];
  return rows.map(toSite);
}

export interface SiteFields {
  name: string;
  regionId: number | null;
  organisation: string | null;
  collaborationModel: CollaborationModel | null;
  collaborationNote: string | null;
}

/** The columns a site's collaboration model is stored in (migration 013: a note means "other"). */
const collaborationColumns = (fields: SiteFields) => ({
  collaborationModel: fields.collaborationModel === 'other' ? null : fields.collaborationModel,
  collaborationNote: fields.collaborationModel === 'other' ? fields.collaborationNote : null,
});

export function insertSite(db: Database, fields: SiteFields, at: string): number {
  return Number(db.prepare(`INSERT INTO sites (name, region_id, organisation, collaboration_model, collaboration_other_note, active, created_at, updated_at)
      VALUES (@name, @regionId, @organisation, @collaborationModel, @collaborationNote, 1, @at, @at)`).run({ ...fields, ...collaborationColumns(fields), at }).lastInsertRowid);
}

export function updateSiteRow(db: Database, id: number, fields: SiteFields, at: string): void {
  db.prepare(`UPDATE sites SET name = @name, region_id = @regionId, organisation = @organisation,
      collaboration_model = @collaborationModel, collaboration_other_note = @collaborationNote, updated_at = @at WHERE id = @id`)
    .run({ ...fields, ...collaborationColumns(fields), id, at });
}

export function setSiteActiveRow(db: Database, id: number, active: boolean, at: string): void {
  db.prepare('UPDATE sites SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, at, id);
}

export function findSiteByNameAndRegion(db: Database, name: string, regionId: number | null): Site | undefined {
  const row = db.prepare(`${SITE_SELECT} WHERE s.name = ? COLLATE NOCASE AND s.region_id IS ? ORDER BY s.id LIMIT 1`).get(name, regionId) as SiteRow | undefined;
  return row && toSite(row);
}
