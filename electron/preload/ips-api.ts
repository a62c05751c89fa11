// Type-only imports from the contract: its runtime pulls in zod and every schema, which the preload does not
// need (the main process validates); the call names arrive as a plain list instead.
import type { ApiResponse } from '../contract/api-error.ts';
import { IPC_CHANNELS, type IpsApiBridge } from '../contract/bridge.ts';

/** The part of Electron's ipcRenderer the bridge uses; a stand-in in tests. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/**
 * The object exposed as `window.ipsApi`: `invoke` and nothing else; `callNames` is the contract's CALL_NAMES.
 * Only contract names reach the main process: anything else is answered here, so a compromised page cannot
 * probe other channels through the bridge. The page never gets ipcRenderer or an IPC event (it carries `sender`).
 */
export function createIpsApi(ipcRenderer: IpcRendererPort, callNames: readonly string[]) {
  const allowed = new Set(callNames);
  return {
    invoke(name: string, input: unknown): Promise<ApiResponse> {
      if (typeof name !== 'string' || !allowed.has(name)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-call', messageKey: 'errors.unknown-call', details: { name: typeof name === 'string' ? name.slice(0, 100) : typeof name } },
        });
      }
      return ipcRenderer.invoke(IPC_CHANNELS.invoke, name, input) as Promise<ApiResponse>;
    },
  } satisfies IpsApiBridge;
}
