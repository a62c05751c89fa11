import type { ApiError, ApiResponse } from './api-error.ts';

/**
 * What the Electron preload exposes to the renderer as `window.ipsApi`. The renderer's IPC transport imports
 * this type; the preload checks its object against it with `satisfies`. Type-only plus constants, so the
 * renderer can import it without pulling in Node or Electron.
 */
export interface IpsApiBridge {
  /** One call of the contract. A name outside the contract resolves to an 'unknown-call' error, never throws. */
  invoke(name: string, input: unknown): Promise<ApiResponse>;
  /** The native menu asks the UI to import or export; returns a function that stops listening. */
  onMenu(callback: (action: MenuAction) => void): () => void;
  /** Shows the open dialog (.json) and returns the parsed file for `reviews.importFile`. */
  openReviewFile(): Promise<OpenReviewFileResult>;
  /** Shows the save dialog and writes `json` (the output of `reviews.exportFile`, stringified) atomically. */
  saveReviewFile(suggestedName: string, json: string): Promise<SaveReviewFileResult>;
}

export type MenuAction = 'import' | 'export';
export const MENU_ACTIONS: readonly MenuAction[] = ['import', 'export'];

/** `canceled: true` is the user closing the dialog: not an error, nothing to show. */
export type OpenReviewFileResult =
  | { ok: true; file: unknown; fileName: string }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; error: ApiError };

export type SaveReviewFileResult =
  | { ok: true; path: string }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; error: ApiError };

/** IPC channel names shared by electron/main and electron/preload. */
export const IPC_CHANNELS = {
  invoke: 'ips:invoke',
  menu: 'ips:menu',
  openReview: 'ips:dialog:open-review',
  saveReview: 'ips:dialog:save-review',
} as const;

/** The key under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'ipsApi';
