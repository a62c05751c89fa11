import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { hardenWebContents, type ShellPort, type WebContentsPort } from './security.ts';

/** What createMainWindow needs from a BrowserWindow instance; a recording stand-in in tests. */
export interface WindowPort {
  webContents: WebContentsPort;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadFile(file: string): Promise<void>;
}

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
  /** The built renderer, dist/renderer/index.html. */
  pageFile: string;
}): { window: W; loaded: Promise<void> } {
  const window = new options.BrowserWindow(mainWindowOptions(options.preloadFile));
  hardenWebContents(window.webContents, options.shell, pathToFileURL(options.pageFile).href);
  window.once('ready-to-show', () => window.show());
  return { window, loaded: window.loadFile(options.pageFile) };
}
