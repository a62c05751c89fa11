import type { BRIDGE_KEY, IpsApiBridge } from '../../electron/contract/bridge.ts';
import { createHttpTransport, takePreviewToken } from './http-transport.ts';
import { createIpcTransport } from './ipc-transport.ts';
import type { Transport } from './transport.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser preview. */
    ipsApi?: IpsApiBridge;
  }
}

// The preload exposes the bridge under BRIDGE_KEY: fail to compile if that name ever changes.
const bridgeKey: typeof BRIDGE_KEY = 'ipsApi';

export type TransportKind = 'ipc' | 'http';

/** Electron's preload bridge when present, otherwise the browser preview's HTTP API. */
export function chooseTransport(win: Window = window): { kind: TransportKind; transport: Transport } {
  const bridge = win[bridgeKey];
  if (bridge) return { kind: 'ipc', transport: createIpcTransport(bridge) };
  const token = takePreviewToken(win.location, win.history, win.sessionStorage);
  return { kind: 'http', transport: createHttpTransport(token) };
}
