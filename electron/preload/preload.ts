import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../contract/bridge.ts';
import { createIpsApi } from './ips-api.ts';

/**
 * The contract's CALL_NAMES, written in by scripts/build-electron.ts (esbuild `define`). Sandboxed preloads can
 * require only 'electron' and a few built-ins, so this file is bundled, and taking the names at build time keeps
 * zod and the schemas out of every page load; the main process validates everything anyway.
 */
declare const __IPS_CALL_NAMES__: readonly string[];

contextBridge.exposeInMainWorld(BRIDGE_KEY, createIpsApi(ipcRenderer, __IPS_CALL_NAMES__));
