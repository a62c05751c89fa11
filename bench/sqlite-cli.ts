import { spawnSync } from 'node:child_process';

/** The sqlite3 command-line shell (Debian package sqlite3). */
export const SQLITE3 = process.env.SQLITE3_PATH ?? '/usr/bin/sqlite3';

export function sqlite3Version(): string {
  const run = spawnSync(SQLITE3, ['--version'], { encoding: 'utf8' });
  if (run.error) throw new Error(`the benchmark needs the sqlite3 shell at ${SQLITE3}: apt-get install -y sqlite3 (or set SQLITE3_PATH)`);
  return run.stdout.trim().split(' ').slice(0, 2).join(' ');
}

/** An SQL literal for a bound value, for the shell's parameter table. */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

function script(params: Record<string, string | number | null>, lines: readonly string[]): string {
  const bindings = Object.entries(params).map(([key, value]) => `('@${key}', ${sqlLiteral(value)})`).join(', ');
  return ['.bail on', '.parameter init', `INSERT INTO temp.sqlite_parameters (key, value) VALUES ${bindings};`, ...lines, ''].join('\n');
}

function runShell(file: string, input: string): string {
  const run = spawnSync(SQLITE3, ['-readonly', file], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`sqlite3 failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  return run.stdout;
}

const statement = (sql: string) => `${sql.trim().replace(/;$/, '')};`;

/** The rows of one statement as the shell returns them (`.mode json`), to check it answers as better-sqlite3 does. */
export function rowsInShell(file: string, params: Record<string, string | number | null>, sql: string): Record<string, unknown>[] {
  const out = runShell(file, script(params, ['.mode json', statement(sql)])).trim();
  return out === '' ? [] : (JSON.parse(out) as Record<string, unknown>[]);
}

export interface ShellTiming {
  /** Wall time of the statement as the shell's `.timer on` reports it ("real"), ms. */
  realMs: number;
  /** user + sys CPU time, ms. */
  cpuMs: number;
}

/**
 * Runs statements in one sqlite3 shell on `file` with the named parameters bound through the shell's parameter
 * table (`.parameter init`; the same values better-sqlite3 binds), rows written to /dev/null, and returns the
 * shell's own timing of each statement, in order. The shell's timer has millisecond resolution.
 */
export function timeInShell(file: string, params: Record<string, string | number | null>, statements: readonly string[]): ShellTiming[] {
  const out = runShell(file, script(params, ['.output /dev/null', '.timer on', ...statements.map(statement)]));
  const timings = [...out.matchAll(/Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)/g)].map((m) => ({
    realMs: Number(m[1]) * 1000,
    cpuMs: (Number(m[2]) + Number(m[3])) * 1000,
  }));
  if (timings.length !== statements.length) {
    throw new Error(`sqlite3 reported ${timings.length} timings for ${statements.length} statements: ${out.slice(0, 500)}`);
  }
  return timings;
}
