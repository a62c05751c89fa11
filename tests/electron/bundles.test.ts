import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../electron/contract/api-error.ts';
import { BRIDGE_KEY, IPC_CHANNELS, type IpsApiBridge } from '../../electron/contract/bridge.ts';
import { CALL_NAMES } from '../../electron/contract/contract.ts';
import { buildElectron, type ElectronBuildResult } from '../../scripts/build-electron.ts';
import { fakeBrowserWindowClass, fakeIpcMain, fakeSession, fakeShell } from './stand-ins.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
let built: ElectronBuildResult;
let outdir: string;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'ips-electron-build-'));
  built = await buildElectron({ rootDir: ROOT, outdir });
});

const requiresIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);

describe('the esbuild bundles', () => {
  test('both bundles are written as CommonJS', () => {
    expect(built.mainFile).toBe(join(outdir, 'main.cjs'));
    expect(built.preloadFile).toBe(join(outdir, 'preload.cjs'));
    expect(readFileSync(built.mainFile, 'utf8')).toContain('"use strict"');
  });

  test("the preload requires nothing but 'electron' (a sandboxed preload can require little else)", () => {
    expect(built.externals.preload).toEqual(['electron']);
    expect([...new Set(requiresIn(built.preloadFile))]).toEqual(['electron']);
    // zod and the schemas stay out: the call names are inlined.
    expect(readFileSync(built.preloadFile, 'utf8').length).toBeLessThan(20_000);
  });

  test('the main bundle leaves only electron, better-sqlite3, pdfkit and Node built-ins to run time', () => {
    const outside = built.externals.main.filter((name) => !name.startsWith('node:') && !builtinModules.includes(name));
    expect([...new Set(outside)].sort()).toEqual(['better-sqlite3', 'electron', 'pdfkit']);
  });

  test('the preload bundle, run as Electron would, exposes a bridge that only forwards contract names', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, output: null }),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found in a sandboxed preload: ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(built.preloadFile, 'utf8'), { require: sandboxRequire, module, exports: module.exports, Promise });

    const api = exposed[BRIDGE_KEY] as IpsApiBridge;
    expect(Object.keys(exposed)).toEqual([BRIDGE_KEY]);
    expect(await api.invoke('shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    for (const name of CALL_NAMES) await api.invoke(name, {});
    expect(invoked).toEqual(CALL_NAMES.map((name) => [IPC_CHANNELS.invoke, name, {}]));
  });
});

describe('the main bundle, started with a stand-in electron module', () => {
  test('locks to one instance, hardens the session, opens the window and answers the API from the user-data database', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'ips-user-data-'));
    const { BrowserWindow, instances } = fakeBrowserWindowClass();
    const ipcMain = fakeIpcMain();
    const session = fakeSession();
    const appEvents = new Map<string, () => void>();
    const menus: unknown[] = [];
    let ready!: () => void;
    const electron = {
      app: {
        isPackaged: false,
        requestSingleInstanceLock: () => true,
        on: (event: string, listener: () => void) => void appEvents.set(event, listener),
        whenReady: () => new Promise<void>((resolve) => (ready = resolve)),
        getLocale: () => 'fi-FI',
        getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
        quit: () => undefined,
        exit: (code: number) => {
          throw new Error(`app.exit(${code})`);
        },
      },
      BrowserWindow,
      dialog: { showErrorBox: (title: string, message: string) => {
        throw new Error(`${title}: ${message}`);
      } },
      ipcMain,
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void menus.push(menu) },
      session: { defaultSession: session },
      shell: fakeShell(),
    };
    const repoRequire = createRequire(join(ROOT, 'package.json'));
    const load = new Function('require', 'module', 'exports', '__filename', '__dirname', readFileSync(built.mainFile, 'utf8'));
    const module = { exports: {} };
    load((id: string) => (id === 'electron' ? electron : repoRequire(id)), module, module.exports, built.mainFile, outdir);

    expect(appEvents.has('second-instance')).toBe(true);
    ready();
    await expect.poll(() => instances[0]?.loaded.length ?? 0).toBe(1);

    const [window] = instances;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(outdir, 'preload.cjs') });
    const pageFile = join(outdir, '..', 'renderer', 'index.html');
    expect(window!.loaded).toEqual([pageFile]);
    expect(session.headersListener).toBeDefined();
    expect(session.requestHandler).toBeDefined();
    expect(menus).toHaveLength(1);
    expect((menus[0] as Array<{ label?: string }>).map((m) => m.label)).toEqual(['Tiedosto', 'Muokkaa', 'Näytä', 'Ohje']);
    expect(ipcMain.registrations.sort()).toEqual(Object.values(IPC_CHANNELS).filter((c) => c !== IPC_CHANNELS.menu).sort());

    // The scale files are found from the CommonJS bundle (import.meta.url is rewritten at build time).
    const fromPage = { senderFrame: { url: pathToFileURL(pageFile).href, parent: null } };
    const scales = await ipcMain.invoke(IPC_CHANNELS.invoke, fromPage, 'scales.list', {}) as ApiResponse;
    expect(scales).toMatchObject({ ok: true, output: [{ id: 'ips-25' }] });
    const site = await ipcMain.invoke(IPC_CHANNELS.invoke, fromPage, 'sites.create', { name: 'Oulun IPS' }) as ApiResponse;
    expect(site).toMatchObject({ ok: true });
    expect(readFileSync(join(userData, 'ips-fidelity.sqlite')).length).toBeGreaterThan(0);
    expect(await ipcMain.invoke(IPC_CHANNELS.invoke, { senderFrame: { url: 'https://example.org/' } }, 'scales.list', {}))
      .toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    // The menu's import reaches the page over ips:menu.
    const fileMenu = (menus[0] as Array<{ submenu: Array<{ id?: string; click?: () => void }> }>)[0]!;
    fileMenu.submenu.find((item) => item.id === 'import-review')!.click!();
    expect(window!.webContents.sent).toEqual([{ channel: IPC_CHANNELS.menu, args: [{ action: 'import' }] }]);

    // Quitting closes the database cleanly: SQLite folds the write-ahead log back and removes it.
    const dbFile = join(userData, 'ips-fidelity.sqlite');
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    appEvents.get('will-quit')!();
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });
});
