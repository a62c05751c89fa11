import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BackupCheck } from '../../contract/backup-contract.ts';
import { SCHEMA_VERSION } from './migrations/index.ts';
import { readDatabaseId } from './database-identity.ts';
import { schemaDifferences, summariseDifferences } from './schema-check.ts';

/** Tables every IPS Fidelity database has had since schema 1; a file without them is some other SQLite file. */
const REQUIRED_TABLES = ['sites', 'regions', 'reviews', 'reviewers', 'ratings', 'consensus_ratings', 'audit_log'];
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface CheckOptions {
  nativeBinding?: string | undefined;
}

/**
 * Checks a backup before it may be restored, on a private copy so the file itself is never touched (opening an
 * SQLite file, even read-only, can leave -wal/-shm files next to it): an SQLite file, PRAGMA integrity_check and
 * foreign_key_check clean, IPS Fidelity's tables present, a schema version this app knows (older is fine: it is
 * migrated when opened) and exactly the schema this app's migrations give for that version (schema-check.ts).
 */
export function checkBackup(file: string, options: CheckOptions = {}): BackupCheck {
  const early = checkHeader(file);
  if (early) return early;
  const folder = mkdtempSync(join(tmpdir(), 'ips-backup-check-'));
  try {
    const copy = join(folder, 'backup.sqlite');
    copyFileSync(file, copy);
    return checkDatabaseFile(copy, options);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The same checks on a file the caller owns (a copy about to be installed); opens it read-only. */
export function checkDatabaseFile(file: string, options: CheckOptions = {}): BackupCheck {
  const early = checkHeader(file);
  if (early) return early;
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    return refused('not-a-database', error);
  }
  try {
    const integrity = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    if (problems.length) return { ok: false, problem: 'corrupt', detail: problems.join('; ').slice(0, 1000) };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      return { ok: false, problem: 'newer-than-app', detail: `schema ${version}; this app knows up to ${SCHEMA_VERSION}` };
    }
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (version < 1 || missing.length) {
      return { ok: false, problem: 'not-ips-fidelity', detail: missing.length ? `missing tables: ${missing.join(', ')}` : 'no schema version' };
    }
    // Names are not enough: an added trigger or a column of another type would rule the restored data.
    const differences = schemaDifferences(db, options.nativeBinding);
    if (differences.length) return { ok: false, problem: 'schema-differs', detail: summariseDifferences(differences) };
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length) return { ok: false, problem: 'corrupt', detail: `${orphans.length} row(s) break a foreign key` };
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { ok: true, schemaVersion: version, databaseId: readDatabaseId(db), sites: count('sites'), reviews: count('reviews') };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    return refused(code === 'SQLITE_NOTADB' ? 'not-a-database' : 'corrupt', error);
  } finally {
    db.close();
  }
}

/** Missing, not a file, or not starting with SQLite's header: refused before SQLite opens it. */
function checkHeader(file: string): BackupCheck | null {
  try {
    if (!statSync(file).isFile()) return { ok: false, problem: 'not-found', detail: `${file} is not a file` };
  } catch {
    return { ok: false, problem: 'not-found', detail: `${file} does not exist` };
  }
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER) ? null : { ok: false, problem: 'not-a-database', detail: 'the file does not start with an SQLite header' };
}

function refused(problem: 'not-a-database' | 'corrupt', error: unknown): BackupCheck {
  return { ok: false, problem, detail: error instanceof Error ? error.message : String(error) };
}
