import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { electronDownloadHost, fetchElectronBinary } from '../../scripts/electron-download.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm ci never downloads Electron, whatever the network', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
  const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));

  test("electron's postinstall (the binary download) is denied; better-sqlite3's native build is allowed", () => {
    expect(pkg.allowScripts?.electron).toBe(false);
    expect(pkg.allowScripts?.['better-sqlite3']).toBe(true);
  });

  test('every dependency with an install script is decided in allowScripts (a new one fails here until it is)', () => {
    expect(withScripts.length).toBeGreaterThan(0);
    const undecided = withScripts.filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean');
    expect(undecided).toEqual([]);
  });
});

describe('npm start fetches the binary on first use', () => {
  test('the download host: a configured mirror, else GitHub', () => {
    expect(electronDownloadHost({})).toBe('github.com');
    expect(electronDownloadHost({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toBe('npmmirror.com');
    expect(electronDownloadHost({ npm_config_electron_mirror: 'https://mirror.example.fi/electron/' })).toBe('mirror.example.fi');
  });

  test('no address for the host: the preview at once, saying why; the installer is not run', async () => {
    const runs: string[][] = [];
    const outcome = await fetchElectronBinary({
      rootDir: '/r', env: {},
      lookup: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' })),
      run: (command, args) => { runs.push([command, ...args]); return Promise.resolve(0); },
    });
    expect(outcome).toEqual({ fetched: false, reason: 'its download host github.com cannot be reached (ENOTFOUND)' });
    expect(runs).toEqual([]);
  });

  test('a lookup that hangs counts as unreachable after the timeout', async () => {
    const outcome = await fetchElectronBinary({ rootDir: '/r', env: {}, lookup: () => new Promise(() => {}), lookupTimeoutMs: 20, run: () => Promise.resolve(0) });
    expect(outcome).toEqual({ fetched: false, reason: 'its download host github.com cannot be reached (ETIMEOUT)' });
  });

  test("a reachable host: the electron package's own installer runs; its exit code decides", async () => {
    const runs: string[][] = [];
    const run = (code: number) => (command: string, args: string[]) => { runs.push([command, ...args]); return Promise.resolve(code); };
    expect(await fetchElectronBinary({ rootDir: '/r', env: {}, lookup: () => Promise.resolve({}), run: run(0) })).toEqual({ fetched: true });
    expect(runs[0]).toEqual([process.execPath, join('/r', 'node_modules', 'electron', 'install.js')]);
    expect(await fetchElectronBinary({ rootDir: '/r', env: {}, lookup: () => Promise.resolve({}), run: run(1) }))
      .toEqual({ fetched: false, reason: 'its download from github.com failed (exit 1)' });
  });

  test('ELECTRON_SKIP_BINARY_DOWNLOAD still means: do not download', async () => {
    const outcome = await fetchElectronBinary({ rootDir: '/r', env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, lookup: () => Promise.resolve({}), run: () => Promise.resolve(0) });
    expect(outcome).toEqual({ fetched: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' });
  });
});
