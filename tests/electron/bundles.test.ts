import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../electron/contract/api-error.ts';
import { BRIDGE_KEY, IPC_CHANNELS, type IpsApiBridge } from '../../electron/contract/bridge.ts';
import { CALL_NAMES } from '../../electron/contract/contract.ts';
import { APP_PAGE_URL } from '../../electron/main/app-scheme.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';
import { buildElectron, type ElectronBuildResult } from '../../scripts/build-electron.ts';
import { fakeBrowserWindowClass, fakeDialog, fakeIpcMain, fakeProtocol, fakeSession, fakeShell } from './stand-ins.ts';

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

  test('the preload bundle, run as Electron runs it, exposes exactly one object, ipsApi, holding only invoke', async () => {
    const exposures: Array<{ key: string; api: unknown }> = [];
    const invoked: unknown[][] = [];
    const read = { electron: [] as string[], contextBridge: [] as string[], ipcRenderer: [] as string[] };
    // Which members of Electron's modules the preload reads: anything beyond these would be a second door.
    const recording = <T extends object>(target: T, log: string[]) => new Proxy(target, { get: (t, key) => (log.push(String(key)), Reflect.get(t, key)) });
    const ipcRenderer = recording({
      invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, output: null }),
      send: () => undefined, on: () => undefined, sendSync: () => undefined, postMessage: () => undefined,
    }, read.ipcRenderer);
    const contextBridge = recording({
      exposeInMainWorld: (key: string, api: unknown) => void exposures.push({ key, api }),
      exposeInIsolatedWorld: () => undefined,
    }, read.contextBridge);
    const electron = recording({ contextBridge, ipcRenderer, webFrame: {}, shell: {} }, read.electron);
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found in a sandboxed preload: ${id}`);
    };
    // Electron runs a sandboxed preload inside a function with these parameters (and in an isolated world, so its
    // own variables never reach the page); only what goes through contextBridge does.
    const sandboxProcess = { platform: 'linux', env: {}, versions: {} };
    const sandboxBuffer = { from: () => undefined };
    const sandboxGlobal = {};
    const module = { exports: {} };
    const wrapped = runInNewContext(`(function (exports, require, module, __filename, __dirname, process, Buffer, global) {\n${readFileSync(built.preloadFile, 'utf8')}\n})`, { Promise }) as (...args: unknown[]) => void;
    wrapped(module.exports, sandboxRequire, module, built.preloadFile, outdir, sandboxProcess, sandboxBuffer, sandboxGlobal);

    expect(required).toEqual(['electron']);
    expect(exposures.map((e) => e.key)).toEqual([BRIDGE_KEY]);
    expect([...new Set(read.contextBridge)]).toEqual(['exposeInMainWorld']);
    expect([...new Set(read.electron)].sort()).toEqual(['contextBridge', 'ipcRenderer']);
    expect(read.ipcRenderer).toEqual([]);
    expect(sandboxGlobal).toEqual({});
    expect(module.exports).toEqual({});

    const api = exposures[0]!.api as IpsApiBridge;
    expect(Object.getOwnPropertyNames(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
    // Everything reachable from the exposed object through its properties: none of it is a Node or Electron piece.
    const forbidden = new Map<unknown, string>([
      [electron, 'electron'], [ipcRenderer, 'ipcRenderer'], [contextBridge, 'contextBridge'], [sandboxRequire, 'require'],
      [sandboxProcess, 'process'], [sandboxBuffer, 'Buffer'], [sandboxGlobal, 'global'], [module, 'module'], [module.exports, 'exports'],
    ]);
    const seen = new Set<unknown>();
    const walk = (value: unknown, path: string) => {
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
      seen.add(value);
      expect(forbidden.get(value), path).toBeUndefined();
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
        for (const inner of [descriptor.value, descriptor.get, descriptor.set]) walk(inner, `${path}.${String(key)}`);
      }
    };
    walk(api, BRIDGE_KEY);
    expect(Object.getOwnPropertyNames(api.invoke).sort()).toEqual(['length', 'name']);

    expect(await api.invoke('shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(read.ipcRenderer).toEqual([]);
    for (const name of CALL_NAMES) await api.invoke(name, {});
    expect(invoked).toEqual(CALL_NAMES.map((name) => [IPC_CHANNELS.invoke, name, {}]));
    expect([...new Set(read.ipcRenderer)]).toEqual(['invoke']);
  });
});

describe('the main bundle, started with a stand-in electron module', () => {
  test('locks to one instance, hardens the session, opens the window and answers the API from the user-data database', async () => {
    // The app names its data folder itself (app.setPath), whatever Electron would derive from the product name.
    const appData = mkdtempSync(join(tmpdir(), 'ips-app-data-'));
    const userData = join(appData, 'ips-fidelity');
    mkdirSync(userData);
    const paths = new Map<string, string>([['appData', appData], ['userData', join(appData, 'IPS Fidelity')]]);
    const files = mkdtempSync(join(tmpdir(), 'ips-opened-'));
    const bundleAtStart = join(files, 'Tampere 2026.ipsreview');
    writeFileSync(bundleAtStart, 'bundle at start');
    writeFileSync(join(files, 'arviointi.json'), '{"review":1}');
    writeFileSync(join(files, 'toinen.ipsreview'), 'second instance');
    writeFileSync(join(files, 'mac.ipsreview'), 'open-file');
    writeFileSync(join(files, 'muistio.txt'), 'not a review');

    const { BrowserWindow, instances } = fakeBrowserWindowClass();
    const ipcMain = fakeIpcMain();
    const session = fakeSession();
    const protocol = fakeProtocol();
    const dialog = fakeDialog({ canceled: true });
    const appEvents = new Map<string, (...args: any[]) => void>();
    const menus: unknown[] = [];
    let ready!: () => void;
    const electron = {
      app: {
        isPackaged: false,
        requestSingleInstanceLock: () => true,
        on: (event: string, listener: (...args: any[]) => void) => void appEvents.set(event, listener),
        whenReady: () => new Promise<void>((resolve) => (ready = resolve)),
        getLocale: () => 'fi-FI',
        getPath: (name: string) => paths.get(name) ?? tmpdir(),
        setPath: (name: string, value: string) => void paths.set(name, value),
        quit: () => undefined,
        exit: (code: number) => {
          throw new Error(`app.exit(${code})`);
        },
      },
      BrowserWindow,
      dialog,
      ipcMain,
      protocol,
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void menus.push(menu) },
      // No OS encryption here: the app runs without the system key store (passphrase-protected identities only).
      safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      session: { defaultSession: session },
      shell: fakeShell(),
    };
    const repoRequire = createRequire(join(ROOT, 'package.json'));
    const load = new Function('require', 'module', 'exports', '__filename', '__dirname', readFileSync(built.mainFile, 'utf8'));
    const module = { exports: {} };
    load((id: string) => (id === 'electron' ? electron : repoRequire(id)), module, module.exports, built.mainFile, outdir);

    // Both ways a file arrives from outside are listened for before 'ready' (macOS sends open-file that early).
    expect([...appEvents.keys()].sort()).toEqual(['open-file', 'second-instance']);
    // app:// is privileged before 'ready' (the stand-in, like Electron, refuses it later); nothing is served yet.
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(protocol.handlers.size).toBe(0);
    // Started by a double-clicked bundle: its path is on the command line.
    const argv = process.argv;
    process.argv = [...argv, '--enable-logging', bundleAtStart];
    try {
      ready();
      await expect.poll(() => instances[0]?.loaded.length ?? 0).toBe(1);
    } finally {
      process.argv = argv;
    }

    const [window] = instances;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(outdir, 'preload.cjs') });
    const pageUrl = APP_PAGE_URL;
    // It opens on the exchange page of app://ips-fidelity, where the page takes the file.
    expect(window!.loaded).toEqual(['app://ips-fidelity/index.html#/exchange']);
    // After 'ready': app:// answers (from dist/renderer, next to the bundle's folder; absent in this build), and
    // file:// answers nothing, not even the bundle's own files.
    expect([...protocol.handlers.keys()].sort()).toEqual(['app', 'file']);
    const notBuilt = await protocol.fetch(`${APP_PAGE_URL}`);
    expect([notBuilt.status, notBuilt.headers.get('content-security-policy')]).toEqual([404, CONTENT_SECURITY_POLICY]);
    expect((await protocol.fetch(pathToFileURL(built.mainFile).href)).status).toBe(404);
    // The built page as a file:// URL is not the app page: the API refuses it.
    expect(await ipcMain.invoke(IPC_CHANNELS.invoke, { senderFrame: { url: `${pathToFileURL(join(outdir, '..', 'renderer', 'index.html')).href}#/exchange`, parent: null } }, 'scales.list', {}))
      .toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(session.headersListener).toBeDefined();
    expect(session.requestHandler).toBeDefined();
    expect(menus).toHaveLength(1);
    expect((menus[0] as Array<{ label?: string }>).map((m) => m.label)).toEqual(['Tiedosto', 'Muokkaa', 'Näytä', 'Ohje']);
    // One channel, the contract's; nothing else is registered or ever sent to the page.
    expect(ipcMain.registrations).toEqual([IPC_CHANNELS.invoke]);

    // The scale files are found from the CommonJS bundle (import.meta.url is rewritten at build time).
    const fromPage = { senderFrame: { url: `${pageUrl}#/exchange`, parent: null } };
    const call = (name: string, input: unknown = {}) => ipcMain.invoke(IPC_CHANNELS.invoke, fromPage, name, input) as Promise<ApiResponse>;
    const takeOffered = async () => ((await call('files.takeOffered')) as { output: { fileName: string; kind: string; base64: string } | null }).output;
    const contentOf = (file: { base64: string } | null) => (file ? Buffer.from(file.base64, 'base64').toString('utf8') : null);
    const scales = await call('scales.list');
    expect(scales).toMatchObject({ ok: true, output: [{ id: 'ips-25', version: '1.0.0', isDefault: false }, { id: 'ips-25', version: '1.1.0', isDefault: true }] });
    const site = await call('sites.create', { name: 'Oulun IPS' });
    expect(site).toMatchObject({ ok: true });
    expect(readFileSync(join(userData, 'ips-fidelity.sqlite')).length).toBeGreaterThan(0);
    expect(await ipcMain.invoke(IPC_CHANNELS.invoke, { senderFrame: { url: 'https://example.org/' } }, 'scales.list', {}))
      .toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const atStart = await takeOffered();
    expect([atStart?.fileName, atStart?.kind, contentOf(atStart)]).toEqual(['Tampere 2026.ipsreview', 'bundle', 'bundle at start']);
    expect(await takeOffered()).toBeNull();

    // File > Import…: the open dialog in the main process; the exchange page, already shown, is loaded again.
    const contents = window!.webContents;
    const fileMenu = (menus[0] as Array<{ submenu: Array<{ id?: string; click?: () => void }> }>)[0]!;
    const click = (id: string) => fileMenu.submenu.find((item) => item.id === id)!.click!();
    click('import-reviews');
    await expect.poll(() => dialog.calls.length).toBe(1);
    expect(await takeOffered()).toBeNull();
    dialog.answer.canceled = false;
    dialog.answer.filePaths = [join(files, 'arviointi.json')];
    click('import-reviews');
    await expect.poll(() => contents.reloads).toBe(1);
    expect(dialog.calls.map((c) => c.window)).toEqual([window, window]);
    const imported = await takeOffered();
    expect([imported?.fileName, imported?.kind, contentOf(imported)]).toEqual(['arviointi.json', 'review', '{"review":1}']);

    // File > Export…: the exchange page, by its URL (a hash change for a page on another screen).
    contents.url = `${pageUrl}#/sites/1`;
    click('export-reviews');
    expect(contents.loadedUrls).toEqual([`${pageUrl}#/exchange`]);

    // A bundle double-clicked while the app runs: the second instance's command line comes here.
    appEvents.get('second-instance')!({}, ['/opt/ips/ips-fidelity', '--no-sandbox', 'toinen.ipsreview'], files, {});
    await expect.poll(() => contents.reloads).toBe(2);
    expect(contentOf(await takeOffered())).toBe('second instance');

    // macOS: open-file.
    let prevented = false;
    appEvents.get('open-file')!({ preventDefault: () => void (prevented = true) }, join(files, 'mac.ipsreview'));
    await expect.poll(() => contents.reloads).toBe(3);
    expect(prevented).toBe(true);
    expect(contentOf(await takeOffered())).toBe('open-file');

    // A file it cannot import: the user is told why, in the app's language, and nothing changes.
    appEvents.get('open-file')!({ preventDefault: () => undefined }, join(files, 'muistio.txt'));
    await expect.poll(() => dialog.messageBoxes.length).toBe(1);
    expect(dialog.messageBoxes[0]).toEqual({ type: 'error', message: 'Tiedostoa ei voitu avata', detail: 'muistio.txt ei ole arviointipaketti (.ipsreview) eikä arviointitiedosto (.json).' });
    expect(await takeOffered()).toBeNull();
    expect(contents.reloads).toBe(3);

    // A bundle on another machine, named by the command line or the OS: refused with a message, never read.
    appEvents.get('second-instance')!({}, ['/opt/ips/ips-fidelity', 'file://palvelin/jako/x.ipsreview', 'https://example.org/y.ipsreview'], files, {});
    appEvents.get('open-file')!({ preventDefault: () => undefined }, 'smb://palvelin/jako/z.ipsreview');
    await expect.poll(() => dialog.messageBoxes.length).toBe(4);
    expect(dialog.messageBoxes.slice(1).map((box) => [box.message, box.detail!.split(' ')[0]])).toEqual([
      ['Tiedostoa ei voitu avata', 'Tiedosto'],
      ['Tiedostoa ei voitu avata', 'https://example.org/y.ipsreview'],
      ['Tiedostoa ei voitu avata', 'smb://palvelin/jako/z.ipsreview'],
    ]);
    expect(dialog.messageBoxes[1]!.detail).toContain('file://palvelin/jako/x.ipsreview on verkkojaolla');
    expect(await takeOffered()).toBeNull();
    expect(contents.reloads).toBe(3);
    expect(contents.sent).toEqual([]);

    // Quitting closes the database cleanly: SQLite folds the write-ahead log back and removes it.
    const dbFile = join(userData, 'ips-fidelity.sqlite');
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    appEvents.get('will-quit')!();
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });
});
