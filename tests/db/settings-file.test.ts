import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openBackend } from '../../electron/backend/backend.ts';
import { defaultSettings, loadSettings, saveSettings } from '../../electron/backend/settings/settings.ts';
import { tempDbFile } from '../fixtures/backend.ts';

const settingsFile = () => join(dirname(tempDbFile()), 'settings.json');
const NOW = () => new Date('2026-11-23T12:00:00.000Z');

describe('settings file', () => {
  test('no file: the defaults, and nothing is written', () => {
    const file = settingsFile();
    expect(loadSettings(file, () => {}, NOW)).toEqual({ settings: defaultSettings(), setAside: null });
    expect(defaultSettings()).toEqual({ language: 'fi', backups: { keepDaily: 7, keepWeekly: 4, keepMonthly: 12, keepPerEvent: 10 }, adoptedScales: {} });
    expect(existsSync(file)).toBe(false);
  });

  test('a valid file loads; missing parts take their defaults and unknown keys (a newer app) are dropped', () => {
    const file = settingsFile();
    writeFileSync(file, JSON.stringify({ language: 'en', backupFolder: '/var/backups/ips', backups: { keepDaily: 3 }, futureOption: true }));
    expect(loadSettings(file, () => {}, NOW).settings).toEqual({ language: 'en', backupFolder: '/var/backups/ips', backups: { keepDaily: 3, keepWeekly: 4, keepMonthly: 12, keepPerEvent: 10 }, adoptedScales: {} });
  });

  test.each([
    ['not JSON', '{"language": "fi",'],
    ['an unknown language', JSON.stringify({ language: 'de' })],
    ['a relative backup folder', JSON.stringify({ backupFolder: 'backups' })],
    ['a wrong type', JSON.stringify({ backups: { keepDaily: 'seven' } })],
    ['not an object', '[1, 2, 3]'],
    ['binary garbage', '\u0000\u0001\u0002\u00ff'],
  ])('%s: moved aside to settings.corrupt-<time>.json, the defaults used, a clear log line, no throw', (_, content) => {
    const file = settingsFile();
    writeFileSync(file, content);
    const logs: string[] = [];
    const loaded = loadSettings(file, (m) => logs.push(m), NOW);
    const aside = join(dirname(file), 'settings.corrupt-2026-11-23T12-00-00-000Z.json');
    expect(loaded).toEqual({ settings: defaultSettings(), setAside: aside });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(aside, 'utf8')).toBe(content);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/settings\.json was not used because .*moved to .*settings\.corrupt-.*default settings are used/);
  });

  test('saving is atomic and validated: no temporary file is left, and invalid settings are never written', () => {
    const file = settingsFile();
    saveSettings(file, { ...defaultSettings(), language: 'sv' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ language: 'sv' });
    expect(() => saveSettings(file, { ...defaultSettings(), language: 'de' as 'fi' })).toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ language: 'sv' });
    expect(readdirSync(dirname(file))).toEqual(['settings.json']);
  });

  test('the app starts with a corrupt settings file: defaults, the bad file kept aside', async () => {
    const dbFile = tempDbFile();
    writeFileSync(join(dirname(dbFile), 'settings.json'), '{ this is not json');
    const logs: string[] = [];
    const backend = await openBackend({ dbFile, actor: 't', now: NOW, log: (m) => logs.push(m) });
    expect(await backend.dispatch('settings.get', {})).toEqual({ ok: true, output: defaultSettings() });
    expect(readdirSync(dirname(dbFile)).filter((n) => n.startsWith('settings.'))).toEqual(['settings.corrupt-2026-11-23T12-00-00-000Z.json']);
    expect(logs.some((m) => m.includes('settings.corrupt-'))).toBe(true);
    // A change writes a fresh, valid file: the database's own (issue 14).
    expect(await backend.dispatch('settings.update', { language: 'en' })).toMatchObject({ ok: true, output: { language: 'en' } });
    expect(JSON.parse(readFileSync(join(dirname(dbFile), 'ips.settings.json'), 'utf8'))).toMatchObject({ language: 'en' });
    backend.close();
  });
});
