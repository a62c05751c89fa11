/**
 * Plain stand-ins for the pieces of Electron the shell uses. Each records what was done to it, so the tests read
 * as "the app asked Electron for X". The shell's wiring takes these pieces as parameters, so no module mocking.
 */

type Listener = (...args: any[]) => unknown;

export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registrations: string[] = [];
  return {
    handlers,
    registrations,
    // Like Electron, a second handler on one channel is an error.
    handle(channel: string, listener: Listener) {
      registrations.push(channel);
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    invoke(channel: string, event: unknown, ...args: unknown[]) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler on ${channel}`);
      return Promise.resolve(handler(event, ...args));
    },
  };
}

export function fakeSession() {
  const session = {
    headersListener: undefined as Listener | undefined,
    requestHandler: undefined as Listener | undefined,
    checkHandler: undefined as Listener | undefined,
    webRequest: {
      onHeadersReceived(listener: Listener) {
        session.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: Listener) {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      session.checkHandler = handler;
    },
  };
  return session;
}

export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  const contents = {
    listeners,
    sent: [] as Array<{ channel: string; args: unknown[] }>,
    windowOpenHandler: undefined as ((details: { url: string }) => { action: 'deny' }) | undefined,
    /** The page's URL as Electron reports it; set by loadURL (the window's and its contents'). */
    url: '',
    loadedUrls: [] as string[],
    reloads: 0,
    getURL() {
      return contents.url;
    },
    async loadURL(url: string) {
      contents.loadedUrls.push(url);
      contents.url = url;
    },
    reload() {
      contents.reloads += 1;
    },
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      contents.windowOpenHandler = handler;
    },
    send(channel: string, ...args: unknown[]) {
      contents.sent.push({ channel, args });
    },
    /** Emits like Electron: a preventable event first; returns whether a listener prevented it. */
    emitPreventable(event: string, url: string): boolean {
      let prevented = false;
      const details = { url, preventDefault: () => void (prevented = true) };
      for (const listener of listeners.get(event) ?? []) listener(details, url);
      return prevented;
    },
  };
  return contents;
}

export function fakeShell() {
  const opened: string[] = [];
  return { opened, openExternal: async (url: string) => void opened.push(url) };
}

/** A BrowserWindow class whose instances record their options and what was loaded. */
export function fakeBrowserWindowClass() {
  const instances: FakeWindow[] = [];
  class FakeWindow {
    readonly webContents = fakeWebContents();
    readonly loaded: string[] = [];
    readonly events = new Map<string, Listener>();
    shown = false;
    constructor(readonly options: any) {
      instances.push(this);
    }
    once(event: string, listener: Listener) {
      this.events.set(event, listener);
      return this;
    }
    on(event: string, listener: Listener) {
      this.events.set(event, listener);
      return this;
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    async loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.url = url;
    }
  }
  return { BrowserWindow: FakeWindow, instances };
}

/** Electron's protocol module: privileged schemes and handlers are recorded; `fetch` asks a handler like Chromium would. */
export function fakeProtocol() {
  const privileged: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];
  const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  return {
    privileged,
    handlers,
    registerSchemesAsPrivileged(schemes: typeof privileged) {
      if (handlers.size > 0) throw new Error('registerSchemesAsPrivileged must be called before app ready');
      privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      if (handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
      handlers.set(scheme, handler);
    },
    async fetch(url: string, init?: RequestInit) {
      const handler = handlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`no handler for ${url}`);
      return handler(new Request(url, init));
    },
  };
}

export type FakeDialogAnswer = { canceled: boolean; filePaths?: string[] };

/** Electron's dialog module: the open dialog answers as told; message boxes are recorded. */
export function fakeDialog(answer: FakeDialogAnswer) {
  const calls: Array<{ kind: 'open'; window: unknown; options: any }> = [];
  const messageBoxes: Array<{ type?: string; message: string; detail?: string }> = [];
  return {
    calls,
    messageBoxes,
    answer,
    async showOpenDialog(window: unknown, options: any) {
      calls.push({ kind: 'open' as const, window, options });
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    },
    /** Electron's overloads: (window, options) or (options). */
    async showMessageBox(...args: any[]) {
      messageBoxes.push(args.at(-1));
      return { response: 0, checkboxChecked: false };
    },
    showMessageBoxSync: () => 0,
    showErrorBox(title: string, message: string) {
      throw new Error(`${title}: ${message}`);
    },
  };
}
