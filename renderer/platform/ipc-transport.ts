import type { IpsApiBridge } from '../../electron/contract/bridge.ts';
import { transportFailure, type Transport } from './transport.ts';

/** Calls through the Electron preload (window.ipsApi); the main process runs the same dispatcher. */
export function createIpcTransport(bridge: Pick<IpsApiBridge, 'invoke'>): Transport {
  return {
    async invoke(name, input) {
      try {
        return await bridge.invoke(name, input ?? {});
      } catch {
        return transportFailure('ipc-failed');
      }
    },
  };
}
