import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';

/**
 * Issue 14: a database is trusted only when its schema is exactly the one this app's migrations produce for its
 * user_version. Table names alone let a hostile backup in (a trigger forcing every rating to 5, another deleting
 * the audit log, a column of another type); here every table, column, index, trigger and view is compared.
 *
 * The expected schema is built by running the migrations themselves on an empty in-memory database, so a new
 * migration can never be forgotten here.
 */

export interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  table: string;
  /** CREATE statement with runs of white space collapsed; null for SQLite's automatic indexes. */
  sql: string | null;
}

export interface ColumnFacts { name: string; type: string; notNull: boolean; defaultValue: string | null; primaryKey: number; hidden: number }

export interface SchemaSnapshot {
  objects: Map<string, SchemaObject>;
  columns: Map<string, ColumnFacts[]>;
}

/** What differs, in words a message can show: "extra trigger force_five on ratings", "column ratings.score: type …". */
export type SchemaDifference = string;

const normalise = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim());
const key = (o: Pick<SchemaObject, 'type' | 'name'>) => `${o.type} ${o.name}`;

/** SQLite's own bookkeeping (AUTOINCREMENT counters, ANALYZE statistics) is not part of the app's schema. */
const isInternal = (name: string) => name === 'sqlite_sequence' || name.startsWith('sqlite_stat');

export function readSchema(db: Database): SchemaSnapshot {
  const rows = db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY type, name")
    .all() as { type: SchemaObject['type']; name: string; tbl: string; sql: string | null }[];
  const objects = new Map<string, SchemaObject>();
  const columns = new Map<string, ColumnFacts[]>();
  for (const row of rows) {
    if (isInternal(row.name)) continue;
    const object: SchemaObject = { type: row.type, name: row.name, table: row.tbl, sql: normalise(row.sql) };
    objects.set(key(object), object);
    if (row.type === 'table' || row.type === 'view') {
      const info = db.prepare('SELECT name, type, "notnull" AS nn, dflt_value AS dflt, pk, hidden FROM pragma_table_xinfo(?)').all(row.name) as
        { name: string; type: string; nn: number; dflt: string | null; pk: number; hidden: number }[];
      columns.set(row.name, info.map((c) => ({ name: c.name, type: c.type, notNull: c.nn === 1, defaultValue: c.dflt, primaryKey: c.pk, hidden: c.hidden })));
    }
  }
  return { objects, columns };
}

const expectedByVersion = new Map<number, SchemaSnapshot>();

/** The schema the app's migrations give at `version` (cached: it never changes while the app runs). */
export function expectedSchema(version: number, nativeBinding?: string): SchemaSnapshot {
  const cached = expectedByVersion.get(version);
  if (cached) return cached;
  const db = new BetterSqlite3(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma('foreign_keys = ON');
    db.transaction(() => {
      for (const migration of MIGRATIONS.filter((m) => m.version <= version)) migration.up(db);
    })();
    const snapshot = readSchema(db);
    expectedByVersion.set(version, snapshot);
    return snapshot;
  } finally {
    db.close();
  }
}

function describeColumn(c: ColumnFacts): string {
  return [c.type || 'no type', c.notNull ? 'NOT NULL' : '', c.defaultValue !== null ? `DEFAULT ${c.defaultValue}` : '', c.primaryKey ? 'PRIMARY KEY' : '', c.hidden ? 'generated' : '']
    .filter(Boolean).join(' ');
}

function columnDifferences(table: string, expected: ColumnFacts[], actual: ColumnFacts[]): SchemaDifference[] {
  const found: SchemaDifference[] = [];
  const actualByName = new Map(actual.map((c) => [c.name, c]));
  const expectedNames = new Set(expected.map((c) => c.name));
  for (const column of expected) {
    const other = actualByName.get(column.name);
    if (!other) found.push(`missing column ${table}.${column.name}`);
    else if (describeColumn(other) !== describeColumn(column)) {
      found.push(`column ${table}.${column.name} is ${describeColumn(other)}, expected ${describeColumn(column)}`);
    }
  }
  for (const column of actual) if (!expectedNames.has(column.name)) found.push(`extra column ${table}.${column.name}`);
  return found;
}

/** Every difference between a database's schema and the expected one; empty when they are the same. */
export function compareSchemas(expected: SchemaSnapshot, actual: SchemaSnapshot): SchemaDifference[] {
  const found: SchemaDifference[] = [];
  const on = (o: SchemaObject) => (o.type === 'index' || o.type === 'trigger' ? ` on ${o.table}` : '');
  for (const [id, object] of expected.objects) {
    const other = actual.objects.get(id);
    if (!other) {
      found.push(`missing ${object.type} ${object.name}${on(object)}`);
      continue;
    }
    const columnChanges = object.type === 'table' ? columnDifferences(object.name, expected.columns.get(object.name) ?? [], actual.columns.get(object.name) ?? []) : [];
    found.push(...columnChanges);
    if (columnChanges.length === 0 && (other.sql !== object.sql || other.table !== object.table)) {
      found.push(`${object.type} ${object.name}${on(object)} is defined differently`);
    }
  }
  for (const [id, object] of actual.objects) if (!expected.objects.has(id)) found.push(`extra ${object.type} ${object.name}${on(object)}`);
  return found;
}

/** The differences of an open database from the app's schema for its own user_version. */
export function schemaDifferences(db: Database, nativeBinding?: string): SchemaDifference[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  return compareSchemas(expectedSchema(version, nativeBinding), readSchema(db));
}

/** At most `limit` differences in one line, with how many more there are. */
export function summariseDifferences(differences: readonly SchemaDifference[], limit = 5): string {
  const shown = differences.slice(0, limit).join('; ');
  return differences.length > limit ? `${shown}; and ${differences.length - limit} more` : shown;
}
