import type { BrowserWindowConstructorOptions } from 'electron';
import { hardenWebContents, isAppPageUrl, type ShellPort, type WebContentsPort } from './security.ts';

/** What createMainWindow needs from a BrowserWindow instance; a recording stand-in in tests. */
export interface WindowPort {
  webContents: WebContentsPort;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

/** The route of the exchange page (renderer/app/routes.ts), where an opened file is imported. */
export const EXCHANGE_ROUTE = '/exchange';

export type WindowConstructor<W extends WindowPort> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * The page runs with no Node access at all: isolated world for the preload, Chromium's sandbox on, and the
 * preload is the only door (see electron/preload). Sized for a laptop; the review form needs about 1024 px.
 */
export function mainWindowOptions(preloadFile: string, title = 'IPS Fidelity'): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title,
    // Shown on ready-to-show, so the user never sees an empty white window.
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function createMainWindow<W extends WindowPort>(options: {
  BrowserWindow: WindowConstructor<W>;
  shell: ShellPort;
  preloadFile: string;
  /** The app page, APP_PAGE_URL (app://ips-fidelity/index.html, served from dist/renderer by app-scheme.ts). */
  pageUrl: string;
  /** The route to open at (EXCHANGE_ROUTE when the app was started with a file); the page's default otherwise. */
  route?: string | undefined;
}): { window: W; loaded: Promise<void> } {
  const window = new options.BrowserWindow(mainWindowOptions(options.preloadFile));
  hardenWebContents(window.webContents, options.shell, options.pageUrl);
  window.once('ready-to-show', () => window.show());
  const loaded = window.loadURL(options.route === undefined ? options.pageUrl : `${options.pageUrl}#${options.route}`);
  return { window, loaded };
}

/** What showAppRoute needs from webContents; a recording stand-in in tests. */
export interface PageContentsPort {
  getURL(): string;
  loadURL(url: string): Promise<void>;
  reload(): void;
}

/**
 * Shows a route of the app page by loading the page's URL with that hash: with the page loaded, a same-document
 * navigation the router follows (hashchange), and a URL security.ts lets through. A page already on the route
 * would see no change, so with `reloadIfShown` it is loaded again (a new import: the screen mounts anew and
 * takes the offered file). No script is ever run in the page from here.
 */
export function showAppRoute(contents: PageContentsPort, appPageUrl: string, route: string, reloadIfShown: boolean): void {
  const current = contents.getURL();
  if (isAppPageUrl(current, appPageUrl) && new URL(current).hash === `#${route}`) {
    if (reloadIfShown) contents.reload();
    return;
  }
  // A navigation the page stops (its unsaved-changes guard) rejects; the page then simply stays where it is.
  contents.loadURL(`${appPageUrl}#${route}`).catch(() => undefined);
}
