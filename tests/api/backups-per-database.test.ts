import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { openBackend } from '../../electron/backend/backend.ts';
import type { CallInput, CallName, CallOutput } from '../../electron/contract/contract.ts';
import { dumpDatabase } from '../fixtures/backend.ts';
import { tempFolders } from '../fixtures/temp-folders.ts';

/**
 * Issue 14: backups and settings belong to their database. A reviewer's and THL's databases in one folder each
 * list, rotate and restore only their own backups; a backup of the other is refused unless imported as such; the
 * backup folder changes only by the user's own choice in the desktop app's folder dialog.
 */
const temp = tempFolders('ips-perdb-');
const tempFolder = () => temp.folder();

async function app(dbFile: string, chooseFolder?: () => Promise<string | null>) {
  const backend = await openBackend({ dbFile, actor: 'tester', log: () => {}, chooseFolder });
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const response = await backend.dispatch(name, input);
    if (!response.ok) throw new Error(`${name} failed: ${JSON.stringify(response.error)}`);
    return response.output as CallOutput<N>;
  }
  return { backend, call };
}

const contentHash = (dbFile: string) => createHash('sha256').update(JSON.stringify(dumpDatabase(dbFile))).digest('hex');

describe('two databases in one folder', () => {
  test('each has its own backup folder, list and settings; neither sees, rotates or restores the other', async () => {
    const folder = tempFolder();
    // The folder's settings.json from before issue 14: each database starts from it, then keeps its own.
    writeFileSync(join(folder, 'settings.json'), JSON.stringify({ language: 'sv', backups: { keepPerEvent: 3 } }));
    const reviewer = await app(join(folder, 'arvioija.sqlite'));
    const thl = await app(join(folder, 'thl.sqlite'));
    await reviewer.call('sites.create', { name: 'Arvioijan kohde' });
    expect((await reviewer.call('settings.get', {})).language).toBe('sv');
    expect((await thl.call('settings.get', {})).backups.keepPerEvent).toBe(3);

    const mine = await reviewer.call('backups.create', {});
    const theirs = await thl.call('backups.create', {});
    const reviewerList = await reviewer.call('backups.list', {});
    const thlList = await thl.call('backups.list', {});
    expect(reviewerList.folder).not.toBe(thlList.folder);
    expect(basename(reviewerList.folder)).toMatch(/^arvioija-[0-9a-f]{8}$/);
    expect(basename(thlList.folder)).toMatch(/^thl-[0-9a-f]{8}$/);
    expect(reviewerList.backups.map((b) => b.name)).toEqual([mine.name]);
    expect(thlList.backups.map((b) => b.name)).toEqual([theirs.name]);

    // Settings are written to each database's own file; the other keeps its own.
    await thl.call('settings.update', { language: 'en' });
    expect((await reviewer.call('settings.get', {})).language).toBe('sv');
    expect(readdirSync(folder).filter((n) => n.endsWith('.json')).sort()).toEqual(['settings.json', 'thl.settings.json']);

    // Rotation of one (keep 3 per kind) never prunes the other's.
    for (let i = 0; i < 4; i++) await thl.call('backups.create', {});
    expect((await reviewer.call('backups.list', {})).backups.map((b) => b.name)).toEqual([mine.name]);
    expect(existsSync(join(reviewerList.folder, mine.name))).toBe(true);

    // THL's (empty) backup planted in the reviewer's folder: refused, the reviewer's data untouched.
    const planted = `ips-fidelity-2026-01-01T00-00-00Z-manual.sqlite`;
    const thlNewest = (await thl.call('backups.list', {})).backups[0]!;
    expect((await thl.call('backups.list', {})).backups.map((b) => b.name)).not.toContain(theirs.name); // rotated away
    copyFileSync(join(thlList.folder, thlNewest.name), join(reviewerList.folder, planted));
    const before = contentHash(join(folder, 'arvioija.sqlite'));
    expect(await reviewer.backend.dispatch('backups.restore', { name: planted })).toMatchObject({
      ok: false, error: { code: 'invalid-backup', details: { problem: 'other-database' } },
    });
    expect(contentHash(join(folder, 'arvioija.sqlite'))).toBe(before);
    expect((await reviewer.call('sites.list', {})).map((s) => s.name)).toEqual(['Arvioijan kohde']);

    // Asked for explicitly, it is restored as the reviewer's database, which keeps its id and backup folder.
    const restored = await reviewer.call('backups.restore', { name: planted, asThisDatabase: true });
    expect(restored.restored.name).toBe(planted);
    expect(await reviewer.call('sites.list', {})).toEqual([]);
    expect((await reviewer.call('backups.list', {})).folder).toBe(reviewerList.folder);
    reviewer.backend.close();
    thl.backend.close();
  });

  test('the command line refuses the other database\'s backup unless --as-this-database', async () => {
    const folder = tempFolder();
    const a = await app(join(folder, 'a.sqlite'));
    const b = await app(join(folder, 'b.sqlite'));
    await a.call('sites.create', { name: 'A:n kohde' });
    const fromB = await b.call('backups.create', {});
    const bFolder = (await b.call('backups.list', {})).folder;
    a.backend.close();
    b.backend.close();
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => err.push(t) };
    const before = contentHash(join(folder, 'a.sqlite'));
    expect(await runCli(['restore', join(bFolder, fromB.name), '--db', join(folder, 'a.sqlite'), '--lang', 'en'], io)).toBe(1);
    expect(err.join('')).toContain('the backup is of another database');
    expect(err.join('')).toContain('--as-this-database');
    expect(contentHash(join(folder, 'a.sqlite'))).toBe(before);
    expect(await runCli(['restore', join(bFolder, fromB.name), '--db', join(folder, 'a.sqlite'), '--as-this-database'], io)).toBe(0);
    expect(dumpDatabase(join(folder, 'a.sqlite')).sites).toEqual([]);
  });
});

describe('the backup folder changes only in the desktop app\'s folder dialog', () => {
  test('no dialog (the browser preview): desktop-only; settings.update cannot name a folder', async () => {
    const folder = tempFolder();
    const preview = await app(join(folder, 'ips.sqlite'));
    expect(await preview.backend.dispatch('settings.chooseBackupFolder', {})).toMatchObject({ ok: false, error: { code: 'desktop-only' } });
    expect(await preview.backend.dispatch('settings.update', { backupFolder: join(folder, 'planted') })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(existsSync(join(folder, 'planted'))).toBe(false);
    preview.backend.close();
  });

  test('the folder picked is used (a folder of this database inside it); cancel changes nothing; a vanished folder is refused, not created', async () => {
    const folder = tempFolder();
    const usb = join(folder, 'usb-asema');
    mkdirSync(usb);
    const answers: (string | null)[] = [null, usb, join(folder, 'irrotettu')];
    const desktop = await app(join(folder, 'ips.sqlite'), async () => answers.shift() ?? null);
    const defaults = await desktop.call('settings.get', {});
    expect(await desktop.call('settings.chooseBackupFolder', {})).toEqual(defaults);
    expect((await desktop.call('settings.chooseBackupFolder', {})).backupFolder).toBe(usb);
    const made = await desktop.call('backups.create', {});
    const listed = await desktop.call('backups.list', {});
    expect(dirname(listed.folder)).toBe(usb);
    expect(existsSync(join(listed.folder, made.name))).toBe(true);
    expect(await desktop.backend.dispatch('settings.chooseBackupFolder', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(existsSync(join(folder, 'irrotettu'))).toBe(false);
    expect((await desktop.call('settings.get', {})).backupFolder).toBe(usb);
    // Back to the default folder by name-less reset.
    expect((await desktop.call('settings.update', { backupFolder: null })).backupFolder).toBeUndefined();
    desktop.backend.close();
  });
});
