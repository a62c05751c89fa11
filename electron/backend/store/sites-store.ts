import type { Database } from 'better-sqlite3';
import type { Region, Site } from '../../contract/entities.ts';

interface SiteRow {
  id: number; name: string; region_id: number | null; region_name: string | null; organisation: string | null;
  collaboration_model: number | null; active: number; created_at: string; updated_at: string;
}

const SITE_SELECT = `SELECT s.*, r.name AS region_name FROM sites s LEFT JOIN regions r ON r.id = s.region_id`;

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    region: row.region_id === null ? null : { id: row.region_id, name: row.region_name ?? '' },
    organisation: row.organisation,
    collaborationModel: row.collaboration_model === 1 || row.collaboration_model === 2 ? row.collaboration_model : null,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listRegions(db: Database): Region[] {
  return db.prepare('SELECT id, name FROM regions ORDER BY name COLLATE NOCASE').all() as Region[];
}

/** Regions are named freely by users; the same name (any letter case) is the same region. */
export function findOrCreateRegion(db: Database, name: string, at: string): { region: Region; created: boolean } {
  const existing = db.prepare('SELECT id, name FROM regions WHERE name = ? COLLATE NOCASE').get(name) as Region | undefined;
  if (existing) return { region: existing, created: false };
  const id = Number(db.prepare('INSERT INTO regions (name, created_at) VALUES (?, ?)').run(name, at).lastInsertRowid);
  return { region: { id, name }, created: true };
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
  collaborationModel: 1 | 2 | null;
}

export function insertSite(db: Database, fields: SiteFields, at: string): number {
  return Number(db.prepare(`INSERT INTO sites (name, region_id, organisation, collaboration_model, active, created_at, updated_at)
      VALUES (@name, @regionId, @organisation, @collaborationModel, 1, @at, @at)`).run({ ...fields, at }).lastInsertRowid);
}

export function updateSiteRow(db: Database, id: number, fields: SiteFields, at: string): void {
  db.prepare(`UPDATE sites SET name = @name, region_id = @regionId, organisation = @organisation,
      collaboration_model = @collaborationModel, updated_at = @at WHERE id = @id`).run({ ...fields, id, at });
}

export function setSiteActiveRow(db: Database, id: number, active: boolean, at: string): void {
  db.prepare('UPDATE sites SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, at, id);
}

export function findSiteByNameAndRegion(db: Database, name: string, regionId: number | null): Site | undefined {
  const row = db.prepare(`${SITE_SELECT} WHERE s.name = ? COLLATE NOCASE AND s.region_id IS ? ORDER BY s.id LIMIT 1`).get(name, regionId) as SiteRow | undefined;
  return row && toSite(row);
}
