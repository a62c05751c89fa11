import { describe, expect, test } from 'vitest';
import { findNodeGyp, nodeGypArgs, nodeGypEnv, planNativeBinding } from '../../scripts/electron-native-binding.ts';
import { chooseLaunch, electronBinaryPath, previewNotice } from '../../scripts/launch-choice.ts';
import { userDataDir } from '../../scripts/user-data-dir.ts';

describe('npm start: Electron or the browser preview', () => {
  const exists = (present: string[]) => (path: string) => present.includes(path);

  test('Electron when its binary is installed', () => {
    expect(chooseLaunch({ electronBinary: '/r/node_modules/electron/dist/electron', exists: exists(['/r/node_modules/electron/dist/electron']) }))
      .toEqual({ mode: 'electron', binary: '/r/node_modules/electron/dist/electron' });
  });

  test('the preview, with one line saying why, when the binary is missing', () => {
    for (const electronBinary of [undefined, '', '/r/node_modules/electron/dist/electron']) {
      expect(chooseLaunch({ electronBinary, exists: exists([]), missingReason: 'its download host github.com cannot be reached (ENOTFOUND)' }))
        .toEqual({ mode: 'preview', notice: previewNotice('its download host github.com cannot be reached (ENOTFOUND)') });
    }
    const notice = previewNotice('its download host github.com cannot be reached (ENOTFOUND)');
    expect(notice).not.toContain('\n');
    expect(notice).toBe("Electron's binary is not installed here (its download host github.com cannot be reached (ENOTFOUND)); starting the browser preview instead.");
  });

  test("require('electron') from Node: a path, or undefined when the package throws (no binary)", () => {
    expect(electronBinaryPath(() => '/bin/electron')).toBe('/bin/electron');
    expect(electronBinaryPath(() => {
      throw new Error('Electron failed to install correctly');
    })).toBeUndefined();
    expect(electronBinaryPath(() => ({ app: {} }))).toBeUndefined();
  });

  test("the real electron package, required from Node, gives an existing binary's path or undefined, never throws", async () => {
    const { createRequire } = await import('node:module');
    const { existsSync } = await import('node:fs');
    const binary = electronBinaryPath(createRequire(import.meta.url));
    // On the build machines (npm ci skips the download) the package throws and this is undefined.
    if (binary !== undefined) expect(typeof binary).toBe('string');
    expect(chooseLaunch({ electronBinary: binary, exists: existsSync }).mode).toBe(binary !== undefined && existsSync(binary) ? 'electron' : 'preview');
  });
});

describe('the preview database folder', () => {
  test('Linux: XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    expect(userDataDir({ platform: 'linux', env: {}, homeDir: '/home/aino' })).toBe('/home/aino/.config/ips-fidelity');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/aino' }, homeDir: '/home/aino' })).toBe('/data/aino/ips-fidelity');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, homeDir: '/home/aino' })).toBe('/home/aino/.config/ips-fidelity');
    expect(userDataDir({ platform: 'freebsd', env: { XDG_CONFIG_HOME: '' }, homeDir: '/home/aino' })).toBe('/home/aino/.config/ips-fidelity');
  });

  test('Windows: %APPDATA%; macOS: Application Support', () => {
    expect(userDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\aino\\AppData\\Roaming' }, homeDir: 'C:\\Users\\aino' }))
      .toBe('C:\\Users\\aino\\AppData\\Roaming\\ips-fidelity');
    expect(userDataDir({ platform: 'win32', env: {}, homeDir: 'C:\\Users\\aino' })).toBe('C:\\Users\\aino\\AppData\\Roaming\\ips-fidelity');
    expect(userDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/x' }, homeDir: '/Users/aino' })).toBe('/Users/aino/Library/Application Support/ips-fidelity');
  });
});

describe('the Electron-ABI build of better-sqlite3', () => {
  const plan = (present: string[]) => planNativeBinding({
    rootDir: '/r', electronVersion: '40.8.5', betterSqliteVersion: '12.11.1', exists: (p) => present.includes(p),
  });
  const cached = '/r/.cache/electron-native/40.8.5/better-sqlite3-12.11.1/better_sqlite3.node';

  test('built once per Electron and better-sqlite3 version, then reused', () => {
    expect(plan([])).toEqual({ bindingFile: cached, needsBuild: true });
    expect(plan([cached])).toEqual({ bindingFile: cached, needsBuild: false });
    // Another better-sqlite3 version is another ABI-sensitive build.
    expect(planNativeBinding({ rootDir: '/r', electronVersion: '40.8.5', betterSqliteVersion: '12.12.0', exists: (p) => p === cached }).needsBuild).toBe(true);
  });

  test("node-gyp targets Electron's headers, and npm's nodedir cannot redirect it to Node's", () => {
    expect(nodeGypArgs('40.8.5', '/r/.cache/electron-native/headers')).toEqual([
      'rebuild', '--release', '--target=40.8.5', '--runtime=electron', '--dist-url=https://electronjs.org/headers',
      '--devdir=/r/.cache/electron-native/headers',
    ]);
    const env = nodeGypEnv({ PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_runtime: 'node', npm_config_target: '20.0.0', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  test("node-gyp: npm's own copy when npm says where, else next to node, else npx", () => {
    const execPath = '/usr/local/bin/node';
    expect(findNodeGyp({ env: { npm_config_node_gyp: '/npm/node-gyp.js' }, execPath, exists: () => true }))
      .toEqual({ command: execPath, args: ['/npm/node-gyp.js'] });
    const beside = '/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js';
    expect(findNodeGyp({ env: {}, execPath, exists: (p) => p === beside })).toEqual({ command: execPath, args: [beside] });
    expect(findNodeGyp({ env: {}, execPath, exists: () => false }).args).toEqual(['--yes', 'node-gyp']);
  });
});
