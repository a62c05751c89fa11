import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { dumpDatabase, tempDbFile, testBackend } from '../fixtures/backend.ts';
import { smallPdf, tempDir, testIdentity } from '../fixtures/identities/identities.ts';
import { ROOT } from '../fixtures/ratings.ts';
import { bundleOf, EXAMPLE_UID, exampleFile, exporterIdentity } from '../exchange/bundle-fixtures.ts';

/**
 * `ips-fidelity import` judges who signed (issue 11), as subprocesses: each signed report's signers and the exporter
 * with verify's verdict words; a certificate in a known reviewer's name with another key refuses the bundle unless
 * --accept-impostor names it; --trust and --trust-store as verify takes them.
 */

const BIN = join(ROOT, 'bin', 'ips-fidelity.mjs');
let dir: string;
let aino: SigningIdentity;
let mikael: SigningIdentity;
let fakeMikael: SigningIdentity;
let withImpostor: string; // a bundle from Aino whose report Aino and the fake Mikael signed
let mikaelCertificate: string; // Mikael's real certificate, DER in a .cer file

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const derOf = (identity: SigningIdentity) => signerMaterialOf(identity).certificate;

/** A database that trusts Mikael's real certificate (confirmed once in the app), closed for the command line. */
async function databaseTrustingMikael() {
  const b = await testBackend(tempDbFile());
  await b.call('trust.addSigner', { certificateBase64: derOf(mikael).toString('base64') });
  b.backend.close();
  return b.dbFile;
}

beforeAll(async () => {
  dir = tempDir('ips-cli-bundle-trust-');
  [aino, mikael, fakeMikael] = (await Promise.all([
    exporterIdentity(), exporterIdentity('Mikael Sundström'), testIdentity('Mikael Sundström'),
  ])).map((i) => i.identity) as [SigningIdentity, SigningIdentity, SigningIdentity];
  const once = await signPdf(await smallPdf(), aino, { reason: 'Hyväksytty', name: aino.commonName });
  const twice = await signPdf(once, fakeMikael, { reason: 'Hyväksytty', name: 'Mikael Sundström' });
  const signer = (identity: SigningIdentity) => ({ name: identity.commonName, role: null, date: '2026-11-23', certificateFingerprint: identity.certificateFingerprint });
  withImpostor = join(dir, 'vaarennos.ipsreview');
  writeFileSync(withImpostor, bundleOf(aino, [{
    file: exampleFile(),
    signedReport: { language: 'fi', pdf: twice, sha256: createHash('sha256').update(twice).digest('hex'), signers: [signer(aino), signer(fakeMikael)], createdAt: '2026-11-23T12:00:00.000Z' },
  }]));
  mikaelCertificate = join(dir, 'mikael.cer');
  writeFileSync(mikaelCertificate, derOf(mikael));
}, 60_000);

describe('ips-fidelity import: who signed', () => {
  test('an impostor signer refuses the bundle (a line starting with the warning word, how to accept it), changing nothing; --accept-impostor naming it imports', async () => {
    const db = await databaseTrustingMikael();
    const before = dumpDatabase(db);
    const known = mikael.certificateFingerprint;
    const fake = fakeMikael.certificateFingerprint;
    const warning = `WARNING: the name is a known reviewer's, but the key is different (the known reviewer Mikael Sundström's certificate: ${known}). Signer: Mikael Sundström (fingerprint ${fake})`;

    const refused = run('import', '--db', db, withImpostor, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      '1/1 vaarennos.ipsreview: refused:',
      `  ${warning}`,
      `    The bundle is not imported. Only if you have confirmed with Mikael Sundström by other means (for example by phone) that this certificate is theirs, import again with --accept-impostor ${fake}`,
      '',
    ]);
    expect(run('import', '--db', db, withImpostor).stderr).toMatch(/^ {2}VAROITUS: nimi on tunnetun arvioijan, mutta avain on eri/m);
    expect(run('import', '--db', db, withImpostor, '--lang', 'sv').stderr).toMatch(/^ {2}VARNING: namnet är en känd bedömares, men nyckeln är en annan/m);
    // Another certificate named is not this one; the exporter's own acceptance is not the impostor's.
    expect(run('import', '--db', db, withImpostor, '--accept-impostor', known, '--accept-exporter', aino.certificateFingerprint).code).toBe(1);
    expect(dumpDatabase(db)).toEqual(before);

    const accepted = run('import', '--db', db, withImpostor, '--accept-impostor', fake.toLowerCase(), '--lang', 'en');
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout.split('\n')).toEqual([
      '1/1 vaarennos.ipsreview: 1 new',
      `  Exporter Aino Laaksonen (fingerprint ${aino.certificateFingerprint}): unknown signer`,
      `  Järvenrannan IPS-työhönvalmennus (${EXAMPLE_UID}): signed report, signed by every expected signer:`,
      `    Aino Laaksonen (fingerprint ${aino.certificateFingerprint}): unknown signer`,
      `    ${warning}`,
      '',
    ]);
    expect(dumpDatabase(db).signed_reports).toHaveLength(1);
  });

  test('--trust and --trust-store judge as verify does, besides the database, and store nothing', async () => {
    const empty = join(tempDir('ips-cli-trust-'), 'tyhja.sqlite');
    const refused = run('import', '--db', empty, withImpostor, '--trust', mikaelCertificate, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`  WARNING: the name is a known reviewer's, but the key is different (the known reviewer Mikael Sundström's certificate: ${mikael.certificateFingerprint})`);

    const store = join(dir, 'luotetut');
    mkdirSync(store);
    writeFileSync(join(store, 'aino.cer'), derOf(aino));
    const accepted = run('import', '--db', empty, withImpostor, '--trust-store', store, '--lang', 'en');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`  Exporter Aino Laaksonen (fingerprint ${aino.certificateFingerprint}): trusted: known reviewer`);
    expect(accepted.stdout).toContain(`    Mikael Sundström (fingerprint ${fakeMikael.certificateFingerprint}): unknown signer`);
    expect(dumpDatabase(empty).trusted_certificates).toEqual([]);

    expect(run('import', '--db', empty, withImpostor, '--trust', join(dir, 'ei-ole.pem'))).toMatchObject({ code: 1, stdout: '' });
  });

  test('--accept-impostor takes only a fingerprint (zod), is only for import, and the usage says so in every language', () => {
    expect(run('import', withImpostor, '--accept-impostor', 'AB:CD', '--lang', 'en')).toMatchObject({ code: 2, stderr: expect.stringContaining('"AB:CD" is not a certificate fingerprint') });
    expect(run('verify', withImpostor, '--accept-impostor', mikael.certificateFingerprint, '--lang', 'en')).toMatchObject({ code: 2, stderr: expect.stringContaining('--accept-impostor') });
    for (const lang of ['fi', 'sv', 'en']) {
      const usage = run('help', '--lang', lang).stdout;
      expect(usage).toMatch(/ips-fidelity import .*\[--trust .*\[--trust-store .*\[--accept-impostor /);
      expect(usage.split('\n').find((line) => line.startsWith('import '))).toContain('--accept-impostor');
    }
  });
});
