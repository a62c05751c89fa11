import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { loadSettings } from '../../electron/backend/settings/settings.ts';
import { inputValueProblem, isWellFormedText, parseJsonWithLimits } from '../../scales/input-limits.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { tempFolders } from '../fixtures/temp-folders.ts';

/**
 * Issue 14: every input reader has limits. Each attack below once gave "internal" (a stack overflow) or stored
 * something that is not text; each must now be a clear refusal that changes nothing.
 */
const temp = tempFolders('ips-limits-');
const tempFolder = () => temp.folder();

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const LONE_HIGH = 'Aino \ud800';
const LONE_LOW = '\udc00 Laaksonen';

describe('the limits themselves', () => {
  test('depth: 64 levels pass, 65 do not, and 300,000 are found without a stack', () => {
    expect(parseJsonWithLimits(nested(64))).toMatchObject({ ok: true });
    expect(parseJsonWithLimits(nested(65))).toEqual({ ok: false, reason: 'too-deep', max: 64 });
    expect(parseJsonWithLimits(nested(300_000))).toEqual({ ok: false, reason: 'too-deep', max: 64 });
    const deepValue = JSON.parse(nested(300_000)) as unknown;
    expect(inputValueProblem(deepValue)).toEqual({ reason: 'too-deep', max: 64 });
  });

  test('Unicode: lone surrogates anywhere (values, keys, escaped in JSON) are refused; pairs (emoji) are text', () => {
    expect(isWellFormedText('Kuopio 🌲 Åland')).toBe(true);
    expect(isWellFormedText(LONE_HIGH)).toBe(false);
    expect(isWellFormedText(LONE_LOW)).toBe(false);
    expect(isWellFormedText('\ud83c')).toBe(false);
    expect(inputValueProblem({ reviewers: [{ name: LONE_HIGH }] })).toEqual({ reason: 'not-well-formed-unicode', path: 'reviewers.0.name' });
    expect(inputValueProblem({ [LONE_LOW]: 1 })).toEqual({ reason: 'not-well-formed-unicode', path: LONE_LOW });
    expect(parseJsonWithLimits('{"name":"\\ud800"}')).toEqual({ ok: false, reason: 'not-well-formed-unicode', path: 'name' });
    expect(parseJsonWithLimits('\ufeff{"name":"\\ud83c\\udf32"}')).toEqual({ ok: true, value: { name: '🌲' } });
  });
});

describe('every API call: deep values and lone surrogates are invalid input, nothing stored', () => {
  test('reviews.importFile with a file nested 300,000 deep', async () => {
    const { backend, dbFile } = await testBackend();
    temp.fileIn(dbFile);
    const before = dumpDatabase(dbFile);
    const answer = await backend.dispatch('reviews.importFile', { file: JSON.parse(nested(300_000)) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'too-deep', max: 64 } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
    backend.close();
  });

  test('identities.create and sites.create with a lone surrogate; an emoji name is fine', async () => {
    const { backend, dbFile, call } = await testBackend();
    temp.fileIn(dbFile);
    const before = dumpDatabase(dbFile);
    expect(await backend.dispatch('identities.create', { name: LONE_HIGH, storagePassphrase: 'salasana123' }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'not-well-formed-unicode', path: 'name' } } });
    expect(await backend.dispatch('sites.create', { name: LONE_LOW }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'not-well-formed-unicode', path: 'name' } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
    expect((await call('sites.create', { name: 'Metsäpolku 🌲' })).name).toBe('Metsäpolku 🌲');
    backend.close();
  });
});

describe('file readers', () => {
  const runQuiet = async (args: string[]) => {
    const err: string[] = [];
    const code = await runCli(args, { stdout: () => {}, stderr: (t) => err.push(t) });
    return { code, err: err.join('') };
  };

  test('the command line: a review file nested 300,000 deep or with a lone surrogate is a clear input error', async () => {
    const folder = tempFolder();
    const deep = join(folder, 'deep.json');
    writeFileSync(deep, `{"site":${nested(300_000)}}`);
    const lone = join(folder, 'lone.json');
    writeFileSync(lone, '{"site":{"name":"\\udc00"}}');
    for (const command of ['validate', 'score']) {
      const tooDeep = await runQuiet([command, deep, '--lang', 'en']);
      expect(tooDeep.code).not.toBe(0);
      expect(tooDeep.err).toContain('nested deeper than 64 levels');
      const notText = await runQuiet([command, lone, '--lang', 'en']);
      expect(notText.code).not.toBe(0);
      expect(notText.err).toContain('the string at site.name is not well-formed Unicode');
    }
  });

  test('a settings file nested too deep is set aside and the defaults used', () => {
    const folder = tempFolder();
    const file = join(folder, 'settings.json');
    writeFileSync(file, `{"language":"fi","extra":${nested(1000)}}`);
    const logged: string[] = [];
    const loaded = loadSettings(file, (m) => logged.push(m), () => new Date('2026-12-07T10:00:00Z'));
    expect(loaded.setAside).not.toBeNull();
    expect(logged.join(' ')).toContain('nested deeper than 64 levels');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(folder).length).toBe(1);
  });
});
