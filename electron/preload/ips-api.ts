// Type-only imports from the contract: its runtime pulls in zod and every schema, which the preload does not
// need (the main process validates); the call names arrive as a plain list instead.
import type { ApiResponse } from '../contract/api-error.ts';
import { IPC_CHANNELS, MENU_ACTIONS, type IpsApiBridge, type MenuAction } from '../contract/bridge.ts';

/** The part of Electron's ipcRenderer the bridge uses; a stand-in in tests. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The object exposed as `window.ipsApi`; `callNames` is the contract's CALL_NAMES. Only contract names reach the main process: anything else is answered
 * here, so a compromised page cannot probe other channels through the bridge. The IPC event object is never
 * handed to the page (it carries `sender`).
 */
export function createIpsApi(ipcRenderer: IpcRendererPort, callNames: readonly string[]) {
  const allowed = new Set(callNames);
  return {
    invoke(name: string, input: unknown): Promise<ApiResponse> {
      if (typeof name !== 'string' || !allowed.has(name)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-call', messageKey: 'errors.unknown-call', details: { name: String(name).slice(0, 100) } },
        });
      }
      return ipcRenderer.invoke(IPC_CHANNELS.invoke, name, input) as Promise<ApiResponse>;
    },
    onMenu(callback: (action: MenuAction) => void): () => void {
      const listener = (_event: unknown, payload: unknown) => {
        const action = (payload as { action?: unknown } | null)?.action;
        if (MENU_ACTIONS.includes(action as MenuAction)) callback(action as MenuAction);
      };
      ipcRenderer.on(IPC_CHANNELS.menu, listener);
      return () => void ipcRenderer.removeListener(IPC_CHANNELS.menu, listener);
    },
    openReviewFile() {
      return ipcRenderer.invoke(IPC_CHANNELS.openReview) as ReturnType<IpsApiBridge['openReviewFile']>;
    },
    saveReviewFile(suggestedName: string, json: string) {
      return ipcRenderer.invoke(IPC_CHANNELS.saveReview, { suggestedName, json }) as ReturnType<IpsApiBridge['saveReviewFile']>;
    },
  } satisfies IpsApiBridge;
}
