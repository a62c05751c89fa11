import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkOfferable, offeredFileKind } from '../../electron/backend/offered-file.ts';
import { contract } from '../../electron/contract/contract.ts';
import { tempDbFile, testBackend } from '../fixtures/backend.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function backendWithSlot() {
  const test = await testBackend();
  closers.push(() => test.backend.close());
  return test;
}

describe('files.takeOffered', () => {
  test('an offered bundle comes back once, then null', async () => {
    const { backend, call } = await backendWithSlot();
    expect(await call('files.takeOffered', {})).toBeNull();
    const bytes = Buffer.from('{"format":"ips-fidelity-bundle/1","content":{}}');
    expect(backend.offerFile({ fileName: 'Tampere 2026.ipsreview', bytes })).toEqual({ ok: true, fileName: 'Tampere 2026.ipsreview', kind: 'bundle', size: bytes.length });
    expect(await call('files.takeOffered', {})).toEqual({ fileName: 'Tampere 2026.ipsreview', kind: 'bundle', base64: bytes.toString('base64') });
    expect(await call('files.takeOffered', {})).toBeNull();
  });

  test('an offered review file (.json) comes back as kind "review", its bytes exactly', async () => {
    const { backend, call } = await backendWithSlot();
    const bytes = Buffer.from('\uFEFF{"format":"ips-fidelity-review/1","arvio":"hyvä"}', 'utf8');
    expect(backend.offerFile({ fileName: 'ARVIOINTI.JSON', bytes })).toMatchObject({ ok: true, kind: 'review' });
    const taken = await call('files.takeOffered', {});
    expect(taken).toMatchObject({ fileName: 'ARVIOINTI.JSON', kind: 'review' });
    expect(Buffer.from(taken!.base64, 'base64').equals(bytes)).toBe(true);
  });

  test('the page sees the name only, never the folder', async () => {
    const { backend, call } = await backendWithSlot();
    expect(backend.offerFile({ fileName: '/home/liisa/Lataukset/a.ipsreview', bytes: Buffer.from('x') })).toMatchObject({ ok: true, fileName: 'a.ipsreview' });
    expect((await call('files.takeOffered', {}))!.fileName).toBe('a.ipsreview');
    backend.offerFile({ fileName: 'C:\\Users\\Liisa\\b.json', bytes: Buffer.from('{}') });
    expect((await call('files.takeOffered', {}))!.fileName).toBe('b.json');
  });

  test('a newer offer replaces one not taken yet; the caller changing its buffer afterwards changes nothing', async () => {
    const { backend, call } = await backendWithSlot();
    backend.offerFile({ fileName: 'first.ipsreview', bytes: Buffer.from('first') });
    const second = Buffer.from('second');
    backend.offerFile({ fileName: 'second.json', bytes: second });
    second.fill(0);
    expect(await call('files.takeOffered', {})).toEqual({ fileName: 'second.json', kind: 'review', base64: Buffer.from('second').toString('base64') });
    expect(await call('files.takeOffered', {})).toBeNull();
  });

  test('oversize files and other extensions are refused with a clear error, and nothing is offered', async () => {
    const { backend, call } = await backendWithSlot();
    const refusals = [
      backend.offerFile({ fileName: 'huge.ipsreview', bytes: new Uint8Array(100 * MB + 1) }),
      backend.offerFile({ fileName: 'huge.json', bytes: new Uint8Array(10 * MB + 1) }),
      backend.offerFile({ fileName: 'report.pdf', bytes: Buffer.from('%PDF') }),
      backend.offerFile({ fileName: 'review.json.exe', bytes: Buffer.from('MZ') }),
      backend.offerFile({ fileName: '.ipsreview', bytes: Buffer.from('x') }),
      backend.offerFile({ fileName: 'noname/', bytes: Buffer.from('x') }),
      backend.offerFile({ fileName: `${'a'.repeat(300)}.json`, bytes: Buffer.from('{}') }),
    ];
    expect(refusals.map((r) => (r.ok ? 'offered' : r.refusal.reason))).toEqual([
      'too-large', 'too-large', 'unsupported-type', 'unsupported-type', 'unsupported-type', 'invalid-name', 'invalid-name',
    ]);
    expect(refusals[0]).toEqual({ ok: false, refusal: {
      reason: 'too-large', fileName: 'huge.ipsreview', size: 100 * MB + 1, maxBytes: 100 * MB,
      message: 'huge.ipsreview is 104857601 bytes; a review bundle is at most 104857600 bytes (100 MB).',
    } });
    expect(refusals[1]).toMatchObject({ ok: false, refusal: { message: 'huge.json is 10485761 bytes; a review file is at most 10485760 bytes (10 MB).' } });
    expect(refusals[2]).toMatchObject({ ok: false, refusal: { message: 'report.pdf is neither a review bundle (.ipsreview) nor a review file (.json).' } });
    expect(await call('files.takeOffered', {})).toBeNull();
  });

  test('a refused file leaves an earlier offer in place; exactly at the limit is accepted', async () => {
    const { backend, call } = await backendWithSlot();
    expect(backend.offerFile({ fileName: 'limit.json', bytes: new Uint8Array(10 * MB) })).toMatchObject({ ok: true });
    expect(backend.offerFile({ fileName: 'other.txt', bytes: Buffer.from('x') })).toMatchObject({ ok: false });
    expect(await call('files.takeOffered', {})).toMatchObject({ fileName: 'limit.json', kind: 'review' });
  });

  test('the call takes no input, and the page cannot name a file', async () => {
    const { backend } = await backendWithSlot();
    expect(await backend.dispatch('files.takeOffered', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await backend.dispatch('files.offer', { fileName: 'a.json' })).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(Object.keys(contract).filter((name) => name.startsWith('files.'))).toEqual(['files.takeOffered']);
  });

  test('kinds by extension, any case', () => {
    expect(['a.ipsreview', 'A.IPSREVIEW', 'b.json', 'B.Json', 'c.txt', 'ipsreview', '.json', 'd.ipsreview.txt'].map(offeredFileKind))
      .toEqual(['bundle', 'bundle', 'review', 'review', null, null, null, null]);
    expect(checkOfferable('a.ipsreview', 100 * MB)).toEqual({ ok: true, kind: 'bundle' });
  });
});

describe('npm run preview -- --open FILE', () => {
  const previewCli = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'electron/backend/preview-cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

  test('offers the file at start: the page takes it once through the HTTP API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ips-preview-open-'));
    const bundle = join(dir, 'Oulu 2026.ipsreview');
    writeFileSync(bundle, '{"format":"ips-fidelity-bundle/1"}');
    const child = previewCli(['--db', tempDbFile(), '--no-build', '--open', bundle]);
    closers.push(() => child.kill('SIGTERM'));
    let stdout = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = /IPS Fidelity preview: (\S+)/.exec(stdout);
        if (match?.[1]) resolveUrl(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${stdout}`)));
    });
    expect(stdout).toContain('Oulu 2026.ipsreview is waiting on the page "Import and export" (#/exchange).');
    const { origin, hash } = new URL(url);
    const take = async () => {
      const response = await fetch(`${origin}/api/files.takeOffered`, {
        method: 'POST', headers: { Authorization: `Bearer ${hash.slice('#token='.length)}`, 'Content-Type': 'application/json' }, body: '{}',
      });
      return response.json();
    };
    expect(await take()).toEqual({ ok: true, output: { fileName: 'Oulu 2026.ipsreview', kind: 'bundle', base64: Buffer.from('{"format":"ips-fidelity-bundle/1"}').toString('base64') } });
    expect(await take()).toEqual({ ok: true, output: null });
  });

  test('a file it cannot offer stops it before anything starts, with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ips-preview-open-'));
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 10 * MB + 1);
    const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/backend/preview-cli.ts', '--db', join(dir, 'x.sqlite'), '--no-build', '--open', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const tooLarge = run(huge);
    expect(tooLarge.status).toBe(2);
    expect(tooLarge.stderr).toContain('--open: huge.json is 10485761 bytes; a review file is at most 10485760 bytes (10 MB).');
    const wrongType = run(join(dir, 'notes.txt'));
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toContain('--open: notes.txt is neither a review bundle (.ipsreview) nor a review file (.json).');
    expect(tooLarge.stdout + wrongType.stdout).not.toContain('IPS Fidelity preview:');
  });
});
