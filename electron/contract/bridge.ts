import type { ApiResponse } from './api-error.ts';

/**
 * What the Electron preload exposes to the renderer as `window.ipsApi`, and all it exposes: one call of the
 * contract at a time. Files the user opens in the shell reach the page through the contract too
 * (files.takeOffered), so there is no second channel, no push and no dialog to reach from the page. The renderer's
 * IPC transport imports this type; the preload checks its object against it with `satisfies`. Type-only plus
 * constants, so the renderer can import it without pulling in Node or Electron.
 */
export interface IpsApiBridge {
  /** One call of the contract. A name outside the contract resolves to an 'unknown-call' error, never throws. */
  invoke(name: string, input: unknown): Promise<ApiResponse>;
}

/** The one IPC channel, shared by electron/main and electron/preload. */
export const IPC_CHANNELS = {
  invoke: 'ips:invoke',
} as const;

/** The key under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'ipsApi';
