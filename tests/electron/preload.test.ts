import { describe, expect, test } from 'vitest';
import { CALL_NAMES } from '../../electron/contract/contract.ts';
import { IPC_CHANNELS, type IpsApiBridge, type MenuAction } from '../../electron/contract/bridge.ts';
import { createIpsApi, type IpcRendererPort } from '../../electron/preload/ips-api.ts';

/** ipcRenderer as the preload sees it: invoke answers from a script; on/removeListener keep listeners. */
function fakeIpcRenderer() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const port = {
    invoked,
    async invoke(channel: string, ...args: unknown[]) {
      invoked.push([channel, ...args]);
      return { ok: true, output: { echoed: args } };
    },
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event, which must not reach the page' }, payload);
    },
  } satisfies IpcRendererPort & Record<string, unknown>;
  return port;
}

describe('the preload bridge', () => {
  test('is an IpsApiBridge', () => {
    const api: IpsApiBridge = createIpsApi(fakeIpcRenderer(), CALL_NAMES);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onMenu', 'openReviewFile', 'saveReviewFile']);
  });

  test('refuses a name outside the contract without calling ipcRenderer', async () => {
    const ipc = fakeIpcRenderer();
    const api = createIpsApi(ipc, CALL_NAMES);
    for (const name of ['fs.readFile', '', '__proto__', 'constructor', 'toString', 'sites.list ', 'SITES.LIST']) {
      expect(await api.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-call', messageKey: 'errors.unknown-call' } });
    }
    expect(await api.invoke(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(ipc.invoked).toEqual([]);
  });

  test('forwards every contract name with its input on ips:invoke', async () => {
    const ipc = fakeIpcRenderer();
    const api = createIpsApi(ipc, CALL_NAMES);
    for (const name of CALL_NAMES) await api.invoke(name, { probe: name });
    expect(ipc.invoked).toEqual(CALL_NAMES.map((name) => [IPC_CHANNELS.invoke, name, { probe: name }]));
  });

  test('onMenu passes only known actions, never the IPC event, and can stop listening', () => {
    const ipc = fakeIpcRenderer();
    const api = createIpsApi(ipc, CALL_NAMES);
    const seen: unknown[][] = [];
    const stop = api.onMenu((...args: [MenuAction]) => seen.push(args));
    ipc.emit(IPC_CHANNELS.menu, { action: 'import' });
    ipc.emit(IPC_CHANNELS.menu, { action: 'format-disk' });
    ipc.emit(IPC_CHANNELS.menu, null);
    ipc.emit(IPC_CHANNELS.menu, { action: 'export' });
    stop();
    ipc.emit(IPC_CHANNELS.menu, { action: 'import' });
    expect(seen).toEqual([['import'], ['export']]);
  });

  test('the dialog helpers use their own channels', async () => {
    const ipc = fakeIpcRenderer();
    const api = createIpsApi(ipc, CALL_NAMES);
    await api.openReviewFile();
    await api.saveReviewFile('arviointi.json', '{}');
    expect(ipc.invoked).toEqual([[IPC_CHANNELS.openReview], [IPC_CHANNELS.saveReview, { suggestedName: 'arviointi.json', json: '{}' }]]);
  });
});
