import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openBackend } from '../../electron/backend/backend.ts';
import { backupFolderOfFile } from '../../electron/backend/store/backups.ts';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/contract.ts';
import { dumpDatabase, tempDbFile, testBackend } from '../fixtures/backend.ts';
import { readExample } from '../fixtures/ratings.ts';

/** A backend with a clock the test moves, for the once-a-day rule. */
async function clockedBackend(dbFile = tempDbFile(), start = '2026-11-23T09:00:00Z') {
  let now = new Date(start);
  const logs: string[] = [];
  const backend = await openBackend({ dbFile, actor: 'tester', now: () => now, log: (m) => logs.push(m) });
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const response = await backend.dispatch(name, input);
    if (!response.ok) throw new Error(`${name} failed: ${JSON.stringify(response.error)}`);
    return response.output as CallOutput<N>;
  }
  // The database's own backup folder (backups/<name>-<id>/), read from the file as the command line does.
  return { backend, call, dbFile, logs, get folder() { return backupFolderOfFile(dbFile, undefined); }, setNow: (iso: string) => { now = new Date(iso); } };
}

const siteNames = async (call: Awaited<ReturnType<typeof testBackend>>['call']) => (await call('sites.list', { includeArchived: true })).map((s) => s.name);

describe('backups through the API', () => {
  test('create, list (newest first, with reason and size) and check', async () => {
    const { call, dbFile } = await testBackend();
    await call('sites.create', { name: 'Kuopio' });
    const made = await call('backups.create', {});
    expect(made).toMatchObject({ reason: 'manual', name: expect.stringMatching(/^ips-fidelity-2026-11-23T12-00-\d\dZ-manual\.sqlite$/) });
    const listed = await call('backups.list', {});
    expect(listed.folder).toMatch(new RegExp(`^${join(dirname(dbFile), 'backups')}/ips-[0-9a-f]{8}$`));
    expect(listed.backups).toEqual([made]);
    expect(made.size).toBeGreaterThan(4096);
    expect(await call('backups.check', { name: made.name })).toMatchObject({ ok: true, sites: 1, reviews: 0 });
  });

  test('only a bare backup name from the list is accepted: paths and unknown names are refused', async () => {
    const { backend, call } = await testBackend();
    await call('backups.create', {});
    for (const name of ['../ips.sqlite', '/etc/passwd', 'ips-fidelity-2026-11-23T12-00-00Z-manual.sqlite/../../ips.sqlite', 'ips.sqlite', '..\\ips-fidelity-2026-11-23T12-00-00Z-manual.sqlite']) {
      expect(await backend.dispatch('backups.check', { name }), name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await backend.dispatch('backups.restore', { name }), name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await backend.dispatch('backups.restore', { name: 'ips-fidelity-2020-01-01T00-00-00Z-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('restore: the backup is checked, the current database is backed up first, later data is gone, and the app goes on', async () => {
    const { call, backend, dbFile } = await testBackend();
    await call('sites.create', { name: 'Before' });
    const backup = await call('backups.create', {});
    await call('sites.create', { name: 'After' });

    // Calls made while the restore runs never meet a closed connection: each sees the database before or after.
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)).then(() => call('sites.list', {}));
    const [restored, ...during] = await Promise.all([call('backups.restore', { name: backup.name }), call('sites.list', {}), later(0), later(2), later(5), later(20)]);
    expect(restored).toMatchObject({ restored: backup, beforeRestore: { reason: 'before-restore' }, schemaVersion: expect.any(Number) });
    for (const sites of during) expect([['After', 'Before'], ['Before']]).toContainEqual(sites.map((s) => s.name).sort());
    expect(await siteNames(call)).toEqual(['Before']);
    expect(dumpDatabase(join((await call('backups.list', {})).folder, restored.beforeRestore.name)).sites!.map((s) => (s as { name: string }).name)).toEqual(['Before', 'After']);
    // The reopened connection writes as before.
    await call('sites.create', { name: 'Next' });
    expect(await siteNames(call)).toEqual(['Before', 'Next']);
    // And the restore can itself be undone from its before-restore backup.
    await call('backups.restore', { name: restored.beforeRestore.name });
    expect(await siteNames(call)).toEqual(['After', 'Before']);
    backend.close();
    expect(readdirSync(dirname(dbFile)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a damaged backup is refused (invalid-backup) and the database is not touched', async () => {
    const { call, backend, dbFile } = await testBackend();
    await call('sites.create', { name: 'Kept' });
    const backup = await call('backups.create', {});
    const file = join((await call('backups.list', {})).folder, backup.name);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 0, 100); // the header: no longer an SQLite file
    writeFileSync(file, bytes);
    const before = dumpDatabase(dbFile);
    expect(await call('backups.check', { name: backup.name })).toMatchObject({ ok: false, problem: 'not-a-database' });
    expect(await backend.dispatch('backups.restore', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'invalid-backup', messageKey: 'errors.invalid-backup', details: { problem: 'not-a-database' } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
    expect((await call('backups.list', {})).backups.map((b) => b.reason)).toEqual(['manual']);
  });

  test('an import is preceded by a backup; a second attempt with nothing changed in between needs none', async () => {
    const { call, backend } = await testBackend();
    await call('sites.create', { name: 'Existing' });
    expect(await backend.dispatch('reviews.importFile', { file: { not: 'a review' } })).toMatchObject({ ok: false });
    expect(await backend.dispatch('reviews.importFile', { file: { still: 'not a review' } })).toMatchObject({ ok: false });
    let backups = (await call('backups.list', {})).backups;
    expect(backups.map((b) => b.reason)).toEqual(['import']);
    expect(await call('backups.check', { name: backups[0]!.name })).toMatchObject({ ok: true, sites: 1, reviews: 0 });

    await call('reviews.importFile', { file: readExample('full-review.json') });
    backups = (await call('backups.list', {})).backups;
    expect(backups.map((b) => b.reason)).toEqual(['import']); // nothing changed since the first one
    await call('reviews.importFile', { file: readExample('partial-review-17-items.json') });
    backups = (await call('backups.list', {})).backups;
    expect(backups.map((b) => b.reason)).toEqual(['import', 'import']);
    expect(await call('backups.check', { name: backups[0]!.name })).toMatchObject({ ok: true, reviews: 1 });
  });

  test('daily: at open of an existing database, then on the first call of each new day, never twice a day', async () => {
    const first = await clockedBackend();
    // A new database has nothing to back up yet.
    await first.call('sites.create', { name: 'Day one' });
    expect(existsSync(first.folder)).toBe(false);
    first.backend.close();

    const app = await clockedBackend(first.dbFile, '2026-11-23T10:00:00Z');
    const daily = () => readdirSync(app.folder).filter((n) => n.endsWith('-daily.sqlite')).sort();
    expect(daily()).toEqual(['ips-fidelity-2026-11-23T10-00-00Z-daily.sqlite']);
    app.setNow('2026-11-23T17:00:00Z');
    await app.call('sites.list', {});
    expect(daily()).toHaveLength(1);
    // A long session: the first call on the next day makes that day's backup.
    app.setNow('2026-11-24T12:00:00Z');
    await app.call('sites.list', {});
    await app.call('sites.list', {});
    expect(daily()).toEqual(['ips-fidelity-2026-11-23T10-00-00Z-daily.sqlite', 'ips-fidelity-2026-11-24T12-00-00Z-daily.sqlite']);
    app.backend.close();
    // Reopened the same day: the folder already has today's.
    const again = await clockedBackend(first.dbFile, '2026-11-24T18:00:00Z');
    expect(daily()).toHaveLength(2);
    again.backend.close();
  });

  test('calls keep their order while a backup runs: quick saves of the same field land last-one-wins', async () => {
    const first = await clockedBackend();
    const site = await first.call('sites.create', { name: 'Nimi 0' });
    first.backend.close();
    const app = await clockedBackend(first.dbFile, '2026-11-23T10:00:00Z');
    app.setNow('2026-11-24T08:00:00Z'); // the next call starts the day's backup
    const renames = [1, 2, 3, 4, 5].map((n) => app.backend.dispatch('sites.update', { id: site.id, changes: { name: `Nimi ${n}` } }));
    const imported = app.backend.dispatch('reviews.importFile', { file: readExample('full-review.json') }); // waits for its own backup
    const after = [6, 7].map((n) => app.backend.dispatch('sites.update', { id: site.id, changes: { name: `Nimi ${n}` } }));
    for (const response of await Promise.all([...renames, imported, ...after])) expect(response.ok).toBe(true);
    expect((await app.call('sites.get', { id: site.id })).name).toBe('Nimi 7');
    const audit = await app.call('audit.list', { entity: 'site', entityId: String(site.id) });
    expect(audit.filter((a) => a.action === 'update').map((a) => (a.newValue as { name: string }).name).reverse()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Nimi ${n}`));
    expect(readdirSync(app.folder).map((n) => n.replace(/^ips-fidelity-[\dT-]+Z-/, '')).sort()).toEqual(['daily.sqlite', 'daily.sqlite', 'import.sqlite']);
    app.backend.close();
  });

  test('a daily backup that fails is logged and the call goes on', async () => {
    const first = await clockedBackend();
    await first.call('sites.create', { name: 'X' });
    first.backend.close();
    mkdirSync(dirname(first.folder), { recursive: true });
    writeFileSync(first.folder, 'a file where the backup folder should be');
    const app = await clockedBackend(first.dbFile, '2026-11-24T10:00:00Z');
    expect(app.logs.join('\n')).toMatch(/daily backup .* failed/);
    expect(await app.call('sites.list', {})).toHaveLength(1);
    app.backend.close();
  });
});

describe('settings through the API', () => {
  test('defaults; a change is validated, saved atomically and loaded at the next start', async () => {
    const { call, backend, dbFile } = await testBackend();
    expect(await call('settings.get', {})).toEqual({ language: 'fi', backups: { keepDaily: 7, keepWeekly: 4, keepMonthly: 12, keepPerEvent: 10 }, adoptedScales: {} });
    const updated = await call('settings.update', { language: 'sv', reviewerIdentityId: 3, backups: { keepDaily: 14 } });
    expect(updated).toEqual({ language: 'sv', reviewerIdentityId: 3, backups: { keepDaily: 14, keepWeekly: 4, keepMonthly: 12, keepPerEvent: 10 }, adoptedScales: {} });
    // The database's own settings file, beside it.
    expect(JSON.parse(readFileSync(join(dirname(dbFile), 'ips.settings.json'), 'utf8'))).toEqual(updated);
    backend.close();

    const reopened = await testBackend(dbFile);
    expect(await reopened.call('settings.get', {})).toEqual(updated);
    expect(await reopened.call('settings.update', { reviewerIdentityId: null, backupFolder: null })).toEqual({ language: 'sv', backups: updated.backups, adoptedScales: {} });
  });

  test('invalid changes are refused and change nothing', async () => {
    const { backend, call, dbFile } = await testBackend();
    for (const input of [{ language: 'de' }, { backupFolder: 'relative/folder' }, { backups: { keepDaily: 0 } }, { theme: 'dark' }, { reviewerIdentityId: -1 }]) {
      expect(await backend.dispatch('settings.update', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    // No caller names a backup folder: only the desktop app's folder dialog sets one (settings.chooseBackupFolder).
    const elsewhere = join(dirname(dbFile), 'planted');
    expect(await backend.dispatch('settings.update', { backupFolder: elsewhere })).toMatchObject({
      ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'backupFolder' }] } },
    });
    expect(existsSync(elsewhere)).toBe(false);
    expect(existsSync(join(dirname(dbFile), 'ips.settings.json'))).toBe(false);
    expect((await call('settings.get', {})).language).toBe('fi');
  });
});
