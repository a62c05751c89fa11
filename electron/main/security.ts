import { CONTENT_SECURITY_POLICY } from '../backend/preview-server.ts';
import { isAllowedExternalUrl } from './external-links.ts';

// The browser preview serves the same policy over HTTP; one constant keeps the two shells identical.
export { CONTENT_SECURITY_POLICY };

/** The parts of Electron's Session this module touches; a plain object stands in for it in tests. */
export interface SessionPort {
  webRequest: {
    onHeadersReceived(listener: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export interface NavigationEvent {
  preventDefault(): void;
  /** Electron 25+ passes the target URL on the event; older signatures pass it as the second argument. */
  url?: string;
}

export interface WebContentsPort {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ShellPort {
  openExternal(url: string): Promise<void>;
}

/**
 * Session-wide defences: the CSP header on every response that passes through onHeadersReceived (the app://
 * handler, app-scheme.ts, sets it on its own answers, and renderer/index.html holds the same policy as a meta
 * tag, a second line wherever the page is loaded from) and every permission
 * (camera, notifications, geolocation, …) refused: a review tool needs none of them.
 */
export function hardenSession(session: SessionPort): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the response brought so ours is the only one.
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window only ever shows our own page: navigation elsewhere is stopped, new windows are refused, and a link
 * the user clicks opens in their own browser only when external-links.ts allows its site (https on a listed
 * host; never file:, javascript: or custom schemes, which could launch programs).
 */
export function hardenWebContents(webContents: WebContentsPort, shell: ShellPort, appPageUrl: string): void {
  const stayOnAppPage = (event: NavigationEvent, url: string) => {
    if (!isAppPageUrl(event.url ?? url, appPageUrl)) event.preventDefault();
  };
  webContents.on('will-navigate', stayOnAppPage);
  webContents.on('will-redirect', stayOnAppPage);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/**
 * The app page itself (APP_PAGE_URL, app://ips-fidelity/index.html), whatever its in-page route (#/sites/…) or
 * query. Scheme, host and path must all match: a file:// page, another app:// host or another file is not it.
 */
export function isAppPageUrl(url: string | undefined, appPageUrl: string): boolean {
  if (!url) return false;
  try {
    const candidate = new URL(url);
    const page = new URL(appPageUrl);
    return candidate.protocol === page.protocol && candidate.host === page.host && candidate.pathname === page.pathname;
  } catch {
    return false;
  }
}
