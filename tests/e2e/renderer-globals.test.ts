import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_KEY, IPC_CHANNELS, type IpsApiBridge } from '../../electron/contract/bridge.ts';
import { buildElectron } from '../../scripts/build-electron.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
let app: PreviewApp;
let preloadSource: string;

beforeAll(async () => {
  app = await startPreviewApp();
  const built = await buildElectron({ rootDir: ROOT, outdir: mkdtempSync(join(tmpdir(), 'ips-electron-build-')) });
  preloadSource = readFileSync(built.preloadFile, 'utf8');
});

afterAll(async () => {
  await app?.close();
});

/**
 * Runs the BUILT preload bundle before the page's own scripts, as Electron does, with a stand-in for the
 * `electron` module: contextBridge.exposeInMainWorld puts a copy of the object on window (Electron copies it into
 * the page's world; the page never gets the preload's own objects), and ipcRenderer.invoke carries the call to
 * the preview's HTTP API, the same dispatcher the main process runs. Everything else of the stand-in, the API
 * token included, lives in this function's scope, as the preload's world is out of the page's reach.
 */
function preloadInitScript(token: string): string {
  return `(() => {
    const electron = {
      contextBridge: {
        exposeInMainWorld(key, api) {
          const copy = {};
          for (const name of Object.keys(api)) {
            const member = api[name];
            copy[name] = typeof member === 'function' ? (...args) => member(...args) : member;
          }
          Object.defineProperty(window, key, { value: Object.freeze(copy), enumerable: true });
        },
      },
      ipcRenderer: {
        async invoke(channel, name, input) {
          if (channel !== ${JSON.stringify(IPC_CHANNELS.invoke)}) throw new Error('no handler for ' + channel);
          const response = await fetch('/api/' + encodeURIComponent(name), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: ${JSON.stringify(`Bearer ${token}`)} },
            body: JSON.stringify(input === undefined ? {} : input),
          });
          return response.json();
        },
      },
    };
    const require = (id) => {
      if (id === 'electron') return electron;
      throw new Error('module not found in a sandboxed preload: ' + id);
    };
    const module = { exports: {} };
    (function (exports, require, module) {
${preloadSource}
    })(module.exports, require, module);
  })();`;
}

const ownGlobals = (page: Page) => page.evaluate(() => Object.getOwnPropertyNames(window).sort());

/** Globals the app's own code defines (see the test for why each is there). */
const APP_GLOBALS = ['__zod_globalConfig', '__zod_globalRegistry'];

/** Names a Node or Electron renderer would have; none may exist in the page. */
const NODE_AND_ELECTRON_NAMES = [
  'require', 'process', 'Buffer', 'module', 'exports', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate',
  'ipcRenderer', 'electron', 'contextBridge', 'webFrame', 'shell',
];

describe("the renderer's global object (Electron bridge over the built preload)", () => {
  it('reaches ipsApi with invoke only, beyond what a blank page of the same origin has', async () => {
    const origin = new URL(app.server.url).origin;
    const { page, errors } = await app.open({
      url: `${origin}/`,
      beforeLoad: (p) => p.addInitScript(preloadInitScript(app.server.token)),
    });
    // The app ran over the bridge: its first screen loaded its data through ipsApi.invoke.
    await new SitesPage(page).waitUntilLoaded();
    expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).ipsApi)).toBe('object');

    const { page: blank } = await app.open({
      url: `${origin}/blank-for-comparison.html`,
      beforeLoad: (p) => p.route('**/blank-for-comparison.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' })),
    });
    const appGlobals = await ownGlobals(page);
    const blankGlobals = await ownGlobals(blank);
    // Besides the bridge, only what zod puts there: zod 4 keeps its configuration (the renderer sets jitless,
    // platform/zod-jitless.ts) and its schema-metadata registry on globalThis, so that copies of zod in one page
    // share them (node_modules/zod/v4/core/core.js and registries.js). Plain data, checked below. Otherwise the app
    // defines no global: Vite bundles it as an ES module (module scope, not window), React, i18next and Chart.js
    // are imported, not loaded as scripts, and an element with an id is window.<id> only through the
    // named-properties object on the prototype chain, never as an own property.
    expect(appGlobals.filter((name) => !blankGlobals.includes(name))).toEqual([...APP_GLOBALS, BRIDGE_KEY].sort());
    expect(blankGlobals.filter((name) => !appGlobals.includes(name))).toEqual([]);
    expect(await page.evaluate(() => {
      const globals = window as unknown as { __zod_globalConfig: Record<string, unknown>; __zod_globalRegistry: Record<string, unknown> };
      const registry = globals.__zod_globalRegistry;
      return {
        jitless: globals.__zod_globalConfig.jitless,
        registryFields: Object.keys(registry).sort(),
        registryHolds: [registry._map instanceof WeakMap, registry._idmap instanceof Map],
      };
    })).toEqual({ jitless: true, registryFields: ['_idmap', '_map'], registryHolds: [true, true] });

    const reach = await page.evaluate((names) => {
      const api = (window as unknown as Record<string, unknown>).ipsApi as Record<string, unknown>;
      const globals = window as unknown as Record<string, unknown>;
      return {
        undefinedNames: names.filter((name) => typeof globals[name] === 'undefined'),
        apiKeys: Reflect.ownKeys(api).map(String),
        invokeType: typeof api.invoke,
        apiPrototypeIsObject: Object.getPrototypeOf(api) === Object.prototype,
      };
    }, NODE_AND_ELECTRON_NAMES);
    expect(reach).toEqual({ undefinedNames: NODE_AND_ELECTRON_NAMES, apiKeys: ['invoke'], invokeType: 'function', apiPrototypeIsObject: true });

    // Through the bridge, only contract calls: anything else is answered by the preload without reaching IPC.
    const answers = await page.evaluate(async () => {
      const api = (window as unknown as { ipsApi: IpsApiBridge }).ipsApi;
      return Promise.all([api.invoke('fs.readFile', { path: '/etc/passwd' }), api.invoke('ips:menu', {}), api.invoke('files.takeOffered', {})]);
    });
    expect(answers).toEqual([
      { ok: false, error: { code: 'unknown-call', messageKey: 'errors.unknown-call', details: { name: 'fs.readFile' } } },
      { ok: false, error: { code: 'unknown-call', messageKey: 'errors.unknown-call', details: { name: 'ips:menu' } } },
      { ok: true, output: null },
    ]);
    expect(errors).toEqual([]);
  });
});
