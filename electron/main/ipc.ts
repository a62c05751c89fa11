import { messageKeyFor, type ApiError, type ApiResponse } from '../contract/api-error.ts';
import { IPC_CHANNELS } from '../contract/bridge.ts';
import type { Backend } from '../backend/backend.ts';
import { isAppPageUrl } from './security.ts';

/** The parts of an IpcMainInvokeEvent the wiring reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

/** The part of Electron's ipcMain used here; a recording stand-in in tests. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export type TrustedSenderCheck = (event: InvokeEventLike) => boolean;

const UNAUTHORIZED: ApiError = { code: 'unauthorized', messageKey: messageKeyFor('unauthorized') };

/**
 * Only the top frame showing our own page may call the backend. Everything else (a frame that navigated away,
 * an embedded frame, a destroyed frame) is refused, as recommended by Electron's security checklist.
 */
export function senderIsAppPage(appPageUrl: string): TrustedSenderCheck {
  return ({ senderFrame }) => senderFrame !== null && !senderFrame.parent && isAppPageUrl(senderFrame.url, appPageUrl);
}

/**
 * The whole contract over one channel: the dispatcher validates name and input, so this wiring never changes
 * when a call is added. dispatch never throws; its ApiResponse goes back as is.
 */
export function registerIpc(ipcMain: IpcMainPort, backend: Pick<Backend, 'dispatch'>, isTrustedSender: TrustedSenderCheck): void {
  ipcMain.handle(IPC_CHANNELS.invoke, (event, name, input): Promise<ApiResponse> | ApiResponse => {
    if (!isTrustedSender(event)) return { ok: false, error: UNAUTHORIZED };
    return backend.dispatch(name, input);
  });
}
