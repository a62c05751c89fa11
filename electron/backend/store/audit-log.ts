import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../contract/entities.ts';

export interface AuditWrite {
  actor: string;
  at: string;
  entity: string;
  entityId: string | number;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
}

/** Records one change: who, when, what, the old and the new value. Called inside the change's transaction. */
export function appendAudit(db: Database, entry: AuditWrite): void {
  db.prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, action, old_value, new_value)
              VALUES (@at, @actor, @entity, @entityId, @action, @oldValue, @newValue)`).run({
    at: entry.at,
    actor: entry.actor,
    entity: entry.entity,
    entityId: String(entry.entityId),
    action: entry.action,
    oldValue: entry.oldValue === undefined ? null : JSON.stringify(entry.oldValue),
    newValue: entry.newValue === undefined ? null : JSON.stringify(entry.newValue),
  });
}

interface AuditRow { id: number; at: string; actor: string; entity: string; entity_id: string; action: string; old_value: string | null; new_value: string | null }

export function listAudit(db: Database, filter: { entity?: string | undefined; entityId?: string | undefined; limit: number }): AuditEntry[] {
  const rows = db.prepare(`SELECT * FROM audit_log
      WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
      ORDER BY id DESC LIMIT @limit`).all({ entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit }) as AuditRow[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    oldValue: row.old_value === null ? null : JSON.parse(row.old_value),
    newValue: row.new_value === null ? null : JSON.parse(row.new_value),
  }));
}
