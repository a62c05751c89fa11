import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement kept per connection, for statements run many times in one call: preparing an upsert costs
 * SQLite more than running it (a review bundle's import writes 25 consensus ratings per review). Keyed by the
 * connection, so a restored or reopened database prepares afresh.
 */
export function cachedStatement(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
