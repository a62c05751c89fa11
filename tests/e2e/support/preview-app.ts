import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { KeyVault } from '../../../electron/backend/keys/key-vault.ts';
import { startPreviewServer, type PreviewServer } from '../../../electron/backend/preview-server.ts';
import type { CallInput, CallName, CallOutput } from '../../../electron/contract/contract.ts';
import { tempDbFile } from '../../fixtures/backend.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The viewport every screen must work at (issue 4: "works at 1280x800"). */
export const VIEWPORT = { width: 1280, height: 800 };

export interface PreviewApp {
  server: PreviewServer;
  browser: Browser;
  /**
   * A fresh browser context (own sessionStorage and localStorage) with the app open, and its page errors.
   * `url` defaults to the preview's URL with its token.
   */
  open(options?: { bypassCSP?: boolean; url?: string; beforeLoad?: (page: Page) => Promise<unknown> }): Promise<OpenedPage>;
  /** Calls the backend directly, to arrange data or check what the UI stored. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  close(): Promise<void>;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions so far (CSP violations show up here too). */
  errors: string[];
}

export interface PreviewAppOptions {
  browserArgs?: string[];
  /** The database file (default: a new temporary one); another app may open it after this one closes. */
  dbFile?: string;
  /**
   * A stand-in for the OS key store (tests/fixtures/backend.ts testKeyVault()), as the desktop app passes one;
   * the preview itself has none, so without this the key-store choice is not offered.
   */
  keyVault?: KeyVault;
}

/** The browser preview on a temporary SQLite file and a headless Debian Chromium, as a person would use them. */
export async function startPreviewApp(options: PreviewAppOptions = {}): Promise<PreviewApp> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`end-to-end tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const server = await startPreviewServer({
    dbFile: options.dbFile ?? tempDbFile(),
    staticDir: inject('rendererDir'),
    actor: 'e2e',
    port: 0,
    log: () => {},
    keyVault: options.keyVault,
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(options.browserArgs ?? [])],
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];

  return {
    server,
    browser,
    async open(options = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: options.bypassCSP ?? false });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await options.beforeLoad?.(page);
      await page.goto(options.url ?? server.url);
      return { page, context, errors };
    },
    async call(name, input) {
      const response = await server.backend.dispatch(name, input);
      if (!response.ok) throw new Error(`${name} failed: ${JSON.stringify(response.error)}`);
      return response.output as never;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}
