import { describe, expect, test } from 'vitest';
import { CALL_NAMES } from '../../electron/contract/contract.ts';
import { IPC_CHANNELS, type IpsApiBridge } from '../../electron/contract/bridge.ts';
import { createIpsApi, type IpcRendererPort } from '../../electron/preload/ips-api.ts';

/** ipcRenderer as the preload sees it: invoke answers from a script and is recorded. */
function fakeIpcRenderer() {
  const invoked: unknown[][] = [];
  return {
    invoked,
    async invoke(channel: string, ...args: unknown[]) {
      invoked.push([channel, ...args]);
      return { ok: true, output: { echoed: args } };
    },
  } satisfies IpcRendererPort & Record<string, unknown>;
}

describe('the preload bridge', () => {
  test('is invoke and nothing else', () => {
    const api: IpsApiBridge = createIpsApi(fakeIpcRenderer(), CALL_NAMES);
    expect(Object.getOwnPropertyNames(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
  });

  test('the one IPC channel is ips:invoke', () => {
    expect(IPC_CHANNELS).toEqual({ invoke: 'ips:invoke' });
  });

  test('refuses a name outside the contract without calling ipcRenderer', async () => {
    const ipc = fakeIpcRenderer();
    const api = createIpsApi(ipc, CALL_NAMES);
    for (const name of ['fs.readFile', '', '__proto__', 'constructor', 'toString', 'sites.list ', 'SITES.LIST', 'ips:menu']) {
      expect(await api.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-call', messageKey: 'errors.unknown-call' } });
    }
    expect(await api.invoke(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'unknown-call', details: { name: 'number' } } });
    // A name that is not a string is never turned into one (its toString could be anything).
    const hostile = { toString: () => { throw new Error('called'); } } as unknown as string;
    expect(await api.invoke(hostile, {})).toMatchObject({ ok: false, error: { code: 'unknown-call', details: { name: 'object' } } });
    expect(ipc.invoked).toEqual([]);
  });

  test('forwards every contract name with its input on ips:invoke', async () => {
    const ipc = fakeIpcRenderer();
    const api = createIpsApi(ipc, CALL_NAMES);
    for (const name of CALL_NAMES) await api.invoke(name, { probe: name });
    expect(ipc.invoked).toEqual(CALL_NAMES.map((name) => [IPC_CHANNELS.invoke, name, { probe: name }]));
    expect(CALL_NAMES).toContain('files.takeOffered');
  });
});
