import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { dumpDatabase, tempDbFile, testBackend } from '../fixtures/backend.ts';
import { PASSPHRASE, tempDir } from '../fixtures/identities/identities.ts';
import { readExample, ROOT } from '../fixtures/ratings.ts';
import { exporterIdentity } from '../exchange/bundle-fixtures.ts';

const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');
let dir: string;
let p12File: string;
let exporterFingerprint: string;
/** The line that follows a bundle's: who sent it, judged (nobody is trusted in these databases). */
const exporterLine = (lang: 'fi' | 'en') => (lang === 'fi'
  ? `  Viejä Aino Laaksonen (sormenjälki ${exporterFingerprint}): tuntematon allekirjoittaja`
  : `  Exporter Aino Laaksonen (fingerprint ${exporterFingerprint}): unknown signer`);

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, IPS_PASS: PASSPHRASE, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A database with the example review (and, with `second`, another site's review), closed for the command line. */
async function databaseWithReviews(options: { second?: boolean; status?: 'consensus' | 'final' } = {}) {
  const a = await testBackend(tempDbFile());
  await a.call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: options.status ?? 'final' } });
  if (options.second) await a.call('reviews.importFile', { file: readExample('partial-review-17-items.json') });
  a.backend.close();
  return a.dbFile;
}

async function totals(dbFile: string) {
  const backend = await testBackend(dbFile);
  const sites = await backend.call('sites.list', { includeArchived: true });
  const result = Object.fromEntries(sites.map((s) => [s.name, s.latestReview?.score.total ?? null]));
  backend.backend.close();
  return result;
}

beforeAll(async () => {
  dir = tempDir('ips-cli-bundles-');
  p12File = join(dir, 'aino.p12');
  const exporter = await exporterIdentity();
  writeFileSync(p12File, exporter.p12);
  exporterFingerprint = exporter.identity.certificateFingerprint;
}, 60_000);

describe('ips-fidelity export and import (as subprocesses)', () => {
  test('export from one database, import into another: the same totals; again: unchanged', async () => {
    const a = await databaseWithReviews({ second: true });
    const bundle = join(dir, 'kaikki.ipsreview');
    const exported = run(['export', '--db', a, '--all', '--out', bundle, '--sign', p12File, '--passphrase-env', 'IPS_PASS']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`${bundle}: 2 arviointia viety.`);
    expect(exported.stdout).toContain('allekirjoittanut Aino Laaksonen');

    const b = join(tempDir('ips-cli-b-'), 'b.sqlite');
    const imported = run(['import', '--db', b, bundle]);
    expect(imported.code).toBe(0);
    expect(imported.stdout.trim()).toBe(`1/1 kaikki.ipsreview: 2 uutta\n${exporterLine('fi')}`);
    expect(await totals(b)).toEqual(await totals(a));

    const before = dumpDatabase(b);
    const again = run(['import', '--db', b, bundle, '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(`1/1 kaikki.ipsreview: 2 unchanged\n${exporterLine('en')}`);
    expect(dumpDatabase(b)).toEqual(before);
  });

  test('many files: a progress line each; a refused bundle is told and exit 1, the others still imported', async () => {
    const a = await databaseWithReviews({ second: true });
    const site = join(dir, 'site.ipsreview');
    expect(run(['export', '--db', a, '--site', 'järvenrannan ips-työhönvalmennus', '--out', site, '--sign', p12File, '--passphrase-env', 'IPS_PASS']).code).toBe(0);
    const all = join(dir, 'all.ipsreview');
    expect(run(['export', '--db', a, '--all', '--out', all, '--sign', p12File, '--passphrase-env', 'IPS_PASS']).code).toBe(0);
    const tampered = join(dir, 'tampered.ipsreview');
    writeFileSync(tampered, readFileSync(site, 'utf8').replace('"score":4', '"score":5'));
    const truncated = join(dir, 'truncated.ipsreview');
    writeFileSync(truncated, readFileSync(site).subarray(0, 5000));

    const b = tempDbFile();
    const result = run(['import', '--db', b, site, tampered, truncated, join(dir, 'missing.ipsreview'), all, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      '1/5 site.ipsreview: 1 new',
      exporterLine('en'),
      '5/5 all.ipsreview: 1 new, 1 unchanged',
      exporterLine('en'),
      '2 bundles imported, 3 refused.',
    ]);
    expect(result.stderr).toContain('2/5 tampered.ipsreview: refused:\n  signature.value: the signature does not match the content');
    expect(result.stderr).toContain('3/5 truncated.ipsreview: refused:\n  not valid JSON');
    expect(result.stderr).toContain(`4/5 missing.ipsreview: refused:\n  ${join(dir, 'missing.ipsreview')}: no such file.`);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(await totals(b)).toEqual(await totals(a));
  });

  test('a newer revision replaces the one here only with --replace-newer', async () => {
    const a = await databaseWithReviews({ status: 'consensus' });
    const first = join(dir, 'r1.ipsreview');
    const second = join(dir, 'r2.ipsreview');
    expect(run(['export', '--db', a, '--all', '--out', first, '--sign', p12File, '--passphrase-env', 'IPS_PASS']).code).toBe(0);
    const backend = await testBackend(a);
    await backend.call('consensus.set', { reviewId: 1, item: 3, score: 1, justification: null });
    backend.backend.close();
    const raised = run(['export', '--db', a, '--all', '--out', second, '--sign', p12File, '--passphrase-env', 'IPS_PASS', '--lang', 'en']);
    expect(raised.stdout).toContain('1 review had changed since it was last shared and goes out as its next revision.');

    const b = tempDbFile();
    expect(run(['import', '--db', b, first]).code).toBe(0);
    const skipped = run(['import', '--db', b, second, '--lang', 'en']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain(`1/1 r2.ipsreview: 1 newer revision not imported\n  A newer revision replaces the review here only with --replace-newer`);
    const replaced = run(['import', '--db', b, second, '--replace-newer', '--lang', 'en']);
    expect(replaced.stdout.trim()).toBe(`1/1 r2.ipsreview: 1 replaced by a newer revision\n${exporterLine('en')}`);
    expect(dumpDatabase(b).review_revisions).toHaveLength(1);
    expect(await totals(b)).toEqual(await totals(a));
  });

  test('without --db, the app\'s own database; wrong usage and missing files are told clearly', async () => {
    const a = await databaseWithReviews();
    const bundle = join(dir, 'default.ipsreview');
    expect(run(['export', '--db', a, '--all', '--out', bundle, '--sign', p12File, '--passphrase-env', 'IPS_PASS']).code).toBe(0);
    const config = tempDir('ips-cli-config-');
    mkdirSync(join(config, 'ips-fidelity'));
    const imported = run(['import', bundle], { XDG_CONFIG_HOME: config });
    expect(imported.code).toBe(0);
    expect(existsSync(join(config, 'ips-fidelity', 'ips-fidelity.sqlite'))).toBe(true);
    expect(run(['export', '--all', '--out', join(dir, 'x.ipsreview'), '--sign', p12File, '--passphrase-env', 'IPS_PASS'], { XDG_CONFIG_HOME: config }).code).toBe(0);

    expect(run(['export', '--db', a, '--all', '--out', bundle])).toMatchObject({ code: 2, stderr: expect.stringContaining('export tarvitsee yhden allekirjoitustunnisteen') });
    expect(run(['export', '--db', a, '--all', '--site', 'X', '--out', bundle, '--sign', p12File, '--passphrase-env', 'IPS_PASS'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Käytä joko --site YKSIKKÖ tai --all') });
    expect(run(['import', '--db', a, bundle, '--sign', p12File])).toMatchObject({ code: 2, stderr: expect.stringContaining('--sign') });
    expect(run(['export', '--db', join(dir, 'nope.sqlite'), '--all', '--out', bundle, '--sign', p12File, '--passphrase-env', 'IPS_PASS'])).toMatchObject({ code: 1, stderr: expect.stringContaining('tietokantaa ei löydy') });
    expect(run(['export', '--db', a, '--site', 'Ei ole', '--out', bundle, '--sign', p12File, '--passphrase-env', 'IPS_PASS'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Yksikköä "Ei ole" ei löydy') });
    expect(run(['export', '--db', a, '--all', '--out', bundle, '--sign', p12File, '--passphrase-env', 'IPS_PASS'], { IPS_PASS: 'väärä' })).toMatchObject({ code: 1, stderr: expect.stringContaining('salasana ei avaa') });
  });
});
