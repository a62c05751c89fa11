import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { ApiResponse } from '../../electron/contract/api-error.ts';
import { IPC_CHANNELS } from '../../electron/contract/bridge.ts';
import { APP_PAGE_URL } from '../../electron/main/app-scheme.ts';
import { registerIpc, senderIsAppPage, type InvokeEventLike } from '../../electron/main/ipc.ts';
import { testBackend } from '../fixtures/backend.ts';
import { fakeIpcMain } from './stand-ins.ts';

const PAGE_URL = APP_PAGE_URL;
const fromApp: InvokeEventLike = { senderFrame: { url: `${PAGE_URL}#/sites`, parent: null } };
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function wired() {
  const { backend } = await testBackend();
  closers.push(() => backend.close());
  const ipcMain = fakeIpcMain();
  registerIpc(ipcMain, backend, senderIsAppPage(PAGE_URL));
  return { ipcMain, backend };
}

describe('ips:invoke', () => {
  test('is registered once, on the one channel, whatever the number of calls in the contract', async () => {
    const { ipcMain } = await wired();
    expect(ipcMain.registrations).toEqual([IPC_CHANNELS.invoke]);
  });

  test('forwards name and input to the real backend and returns its response', async () => {
    const { ipcMain } = await wired();
    const created = await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'sites.create', { name: 'Tampereen IPS' }) as ApiResponse;
    expect(created).toMatchObject({ ok: true, output: { name: 'Tampereen IPS' } });
    const listed = await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'sites.list', {}) as ApiResponse;
    expect(listed).toMatchObject({ ok: true, output: [{ name: 'Tampereen IPS' }] });
    const scales = await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'scales.list', {}) as ApiResponse;
    expect(scales.ok).toBe(true);
    expect((scales as { output: Array<{ id: string }> }).output.map((s) => s.id)).toContain('ips-25');
  });

  test('forwards exactly what it was given to dispatch', async () => {
    const ipcMain = fakeIpcMain();
    const calls: unknown[][] = [];
    registerIpc(ipcMain, { dispatch: async (name, input) => (calls.push([name, input]), { ok: true, output: 'x' }) }, senderIsAppPage(PAGE_URL));
    const input = { id: 'a', nested: [1, 2] };
    expect(await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'sites.get', input)).toEqual({ ok: true, output: 'x' });
    expect(calls).toEqual([['sites.get', input]]);
  });

  test('typed errors for bad names and inputs come back from the dispatcher, never a throw', async () => {
    const { ipcMain } = await wired();
    const unknown = await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'fs.readFile', {}) as ApiResponse;
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const invalid = await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'sites.get', { id: 42, extra: true }) as ApiResponse;
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  test('a file offered by the shell reaches the page through the contract, once', async () => {
    const { ipcMain, backend } = await wired();
    expect(backend.offerFile({ fileName: 'Tampere 2026.ipsreview', bytes: Buffer.from('{"format":"x"}') })).toMatchObject({ ok: true, kind: 'bundle' });
    expect(await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'files.takeOffered', {})).toEqual({
      ok: true, output: { fileName: 'Tampere 2026.ipsreview', kind: 'bundle', base64: Buffer.from('{"format":"x"}').toString('base64') },
    });
    expect(await ipcMain.invoke(IPC_CHANNELS.invoke, fromApp, 'files.takeOffered', {})).toEqual({ ok: true, output: null });
  });

  test('refuses senders other than the top frame of our own page, without calling the backend', async () => {
    const ipcMain = fakeIpcMain();
    const calls: unknown[] = [];
    registerIpc(ipcMain, { dispatch: async (name) => (calls.push(name), { ok: true, output: null }) }, senderIsAppPage(PAGE_URL));
    const untrusted: InvokeEventLike[] = [
      { senderFrame: { url: 'https://example.org/' } },
      { senderFrame: { url: 'http://127.0.0.1:5173/#token=x' } },
      { senderFrame: { url: pathToFileURL('/tmp/evil.html').href } },
      // The built page itself, loaded from file:// instead of app://, is not the app page.
      { senderFrame: { url: `${pathToFileURL('/opt/ips/dist/renderer/index.html').href}#/sites`, parent: null } },
      { senderFrame: { url: 'app://other-host/index.html', parent: null } },
      { senderFrame: { url: 'app://ips-fidelity/evil.html', parent: null } },
      { senderFrame: { url: PAGE_URL, parent: { url: PAGE_URL } } },
      { senderFrame: null },
    ];
    for (const event of untrusted) {
      expect(await ipcMain.invoke(IPC_CHANNELS.invoke, event, 'scales.list', {})).toEqual({
        ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized' },
      });
    }
    expect(calls).toEqual([]);
  });
});
