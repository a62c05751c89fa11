import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openBackend } from '../../electron/backend/backend.ts';
import { openDatabase, StoreError } from '../../electron/backend/store/open-database.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';
import { readExample, ROOT } from '../fixtures/ratings.ts';

const PROBE = join(ROOT, 'tests', 'fixtures', 'processes', 'storage-probe.ts');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** As root, chmod does not stop writes: those checks then run on a real read-only mount in a namespace instead. */
const IS_ROOT = process.getuid?.() === 0;

/**
 * Whether this machine lets an unprivileged user namespace mount a tmpfs (Linux with user namespaces enabled):
 * the only way to get a really full or really read-only disk without root on the host. Where it is not allowed,
 * those tests are skipped; the size-capped and read-only-connection tests below still run everywhere.
 */
const NAMESPACES = (() => {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(join(tmpdir(), 'ips-ns-'));
  return spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', dir], { encoding: 'utf8' }).status === 0;
})();

/** Runs storage-probe.ts after `mounts` (shell commands) inside a fresh user and mount namespace. */
function probeInNamespace(mounts: string, scenario: string, ...args: string[]): Record<string, unknown> {
  const script = `${mounts} && exec "$0" --import tsx "$@"`;
  const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, process.execPath, PROBE, scenario, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`probe ${scenario} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

function largeReview(): unknown {
  const file = readExample('full-review.json') as { ratings: { evidence?: string }[] };
  return { ...file, ratings: file.ratings.map((r) => ({ ...r, evidence: 'tietoa '.repeat(2800) })) };
}

describe('disk full', () => {
  test('a write that does not fit fails with storage-full, writes nothing, and the app keeps working (size-capped database)', async () => {
    const dbFile = tempDbFile();
    // PRAGMA max_page_count caps this connection's database a few pages above its size: SQLite then answers
    // SQLITE_FULL exactly as on a full disk.
    const backend = await openBackend({
      dbFile, actor: 'tester', log: () => {}, automaticBackups: false,
      configureDatabase: (db) => { db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 8}`); },
    });
    expect(await backend.dispatch('sites.create', { name: 'Ennen' })).toMatchObject({ ok: true });
    const before = dumpDatabase(dbFile);
    const response = await backend.dispatch('reviews.importFile', { file: largeReview() });
    expect(response).toEqual({ ok: false, error: { code: 'storage-full', messageKey: 'errors.storage-full', details: { cause: 'SQLITE_FULL' } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
    // Small writes still fit; reads work.
    expect(await backend.dispatch('sites.create', { name: 'Jälkeen' })).toMatchObject({ ok: true });
    expect(await backend.dispatch('sites.list', {})).toMatchObject({ ok: true, output: [{ name: 'Ennen' }, { name: 'Jälkeen' }] });
    backend.close();
  });

  test.skipIf(!NAMESPACES)('a really full disk (a 1 MB tmpfs): storage-full, nothing written, and writing works again once there is space', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ips-full-'));
    const result = probeInNamespace('mount -t tmpfs -o size=1m tmpfs "$3"', 'disk-full-writes', folder);
    expect(result).toMatchObject({ site: true, failed: { ok: false, error: { code: 'storage-full', messageKey: 'errors.storage-full' } }, unchanged: true, readAfter: true, writeAfterFreeing: true });
  });

  test.skipIf(!NAMESPACES)('a backup into a full folder fails cleanly: no partial file, older backups kept, and an import that needs a backup is refused', () => {
    const dbFile = tempDbFile();
    const folder = mkdtempSync(join(tmpdir(), 'ips-backups-full-'));
    const result = probeInNamespace('mount -t tmpfs -o size=512k tmpfs "$4"', 'backup-folder-full', dbFile, folder);
    expect(String(result.direct)).toMatch(/^(SQLITE_FULL|ENOSPC)$/);
    expect(result.viaApi).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(result.importRefused).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(result.unchanged).toBe(true);
    expect(result.firstStillListed).toBe(true);
    // The first backup and the daily one made when the app opened, before the folder filled up; no temporary leftovers.
    expect(result.files).toEqual(['ips-fidelity-2026-11-23T12-00-00Z-daily.sqlite', 'ips-fidelity-2026-11-23T12-00-00Z-manual.sqlite']);
  });
});

describe('read-only database', () => {
  test('calls on a read-only connection fail with storage-read-only and change nothing; writable again, all is there', async () => {
    const dbFile = tempDbFile();
    const setup = await openBackend({ dbFile, actor: 'tester', log: () => {}, automaticBackups: false });
    await setup.dispatch('sites.create', { name: 'Lukittu' });
    setup.close();
    const before = dumpDatabase(dbFile);
    // PRAGMA query_only: SQLite refuses every write with SQLITE_READONLY, as for a write-protected file.
    const backend = await openBackend({ dbFile, actor: 'tester', log: () => {}, automaticBackups: false, configureDatabase: (db) => { db.pragma('query_only = ON'); } });
    expect(await backend.dispatch('sites.create', { name: 'Uusi' })).toEqual({ ok: false, error: { code: 'storage-read-only', messageKey: 'errors.storage-read-only', details: { cause: 'SQLITE_READONLY' } } });
    expect(await backend.dispatch('reviews.importFile', { file: readExample('full-review.json') })).toMatchObject({ ok: false, error: { code: 'storage-read-only' } });
    // Every call opens a write (IMMEDIATE) transaction, which a read-only connection refuses: reads say so too.
    expect(await backend.dispatch('sites.list', {})).toMatchObject({ ok: false, error: { code: 'storage-read-only' } });
    backend.close();
    expect(dumpDatabase(dbFile)).toEqual(before);
    const writable = await openBackend({ dbFile, actor: 'tester', log: () => {}, automaticBackups: false });
    expect(await writable.dispatch('sites.list', {})).toMatchObject({ ok: true, output: [{ name: 'Lukittu' }] });
    writable.close();
  });

  test.skipIf(IS_ROOT)('a write-protected file (chmod 0444) or folder (0555) is refused at open with a clear message, unchanged', async () => {
    const dbFile = tempDbFile();
    const { db } = await openDatabase(dbFile);
    db.close();
    const before = sha(dbFile);
    chmodSync(dbFile, 0o444);
    const error = await openDatabase(dbFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'db-read-only', message: expect.stringContaining('read-only') });
    chmodSync(dbFile, 0o644);
    chmodSync(join(dbFile, '..'), 0o555);
    try {
      await expect(openDatabase(dbFile)).rejects.toMatchObject({ code: 'db-read-only' });
    } finally {
      chmodSync(join(dbFile, '..'), 0o755);
    }
    expect(sha(dbFile)).toBe(before);
  });

  test.skipIf(!NAMESPACES)('a database on a read-only mount is refused at open with a clear message, also for root, unchanged', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ips-ro-'));
    mkdirSync(folder, { recursive: true });
    const dbFile = join(folder, 'ips.sqlite');
    const { db } = await openDatabase(dbFile);
    db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Vain luku', 't', 't')").run();
    db.close();
    const before = sha(dbFile);
    const result = probeInNamespace('mount --bind "$4" "$4" && mount -o remount,bind,ro "$4"', 'read-only-open', dbFile, folder);
    expect(result.error).toMatchObject({ code: 'db-read-only', message: expect.stringMatching(/cannot be written \(EROFS\).*read-only.*The file was not changed/) });
    expect(sha(dbFile)).toBe(before);
    expect(readdirSync(folder)).toEqual(['ips.sqlite']);
  });
});
