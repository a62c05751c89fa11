import { userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { openBackend } from '../backend/backend.ts';
import { IPC_CHANNELS, type MenuAction } from '../contract/bridge.ts';
import { createReviewDialogs } from './dialogs.ts';
import { registerDialogIpc, registerIpc, senderIsAppPage } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { shellMessages } from './menu-messages.ts';
import { safeStorageVault } from './safe-storage-vault.ts';
import { hardenSession } from './security.ts';
import { guardUnsavedChanges } from './unload-guard.ts';
import { createMainWindow } from './window.ts';

// Entry of the desktop app, bundled by scripts/build-electron.ts into dist/electron/main.cjs; __dirname is
// dist/electron there, next to preload.cjs, with the built renderer in dist/renderer.
const PRELOAD_FILE = join(__dirname, 'preload.cjs');
const PAGE_FILE = join(__dirname, '..', 'renderer', 'index.html');
const DATABASE_FILE_NAME = 'ips-fidelity.sqlite';

let mainWindow: BrowserWindow | null = null;

// One app instance per user: two processes writing the same database would each hold their own view of it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(shellMessages(app.getLocale()).startupFailed, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start() {
  const messages = shellMessages(app.getLocale());
  hardenSession(session.defaultSession);

  const backend = await openBackend({
    dbFile: join(app.getPath('userData'), DATABASE_FILE_NAME),
    actor: currentUser(),
    // Set by `npm start` (scripts/start.ts): better-sqlite3 rebuilt for Electron's ABI.
    nativeBinding: process.env.IPS_SQLITE_BINDING || undefined,
    // Asked after 'ready': on Linux safeStorage knows its backend only then.
    keyVault: safeStorageVault(safeStorage, process.platform),
  });
  app.on('will-quit', () => backend.close());

  const isTrustedSender = senderIsAppPage(pathToFileURL(PAGE_FILE).href);
  registerIpc(ipcMain, backend, isTrustedSender);
  registerDialogIpc(ipcMain, createReviewDialogs({
    dialog,
    parentWindow: () => mainWindow,
    defaultFolder: () => app.getPath('documents'),
    messages,
  }), isTrustedSender);

  const sendMenuAction = (action: MenuAction) => mainWindow?.webContents.send(IPC_CHANNELS.menu, { action });
  Menu.setApplicationMenu(Menu.buildFromTemplate(
    buildMenuTemplate({ messages, isPackaged: app.isPackaged, platform: process.platform, onAction: sendMenuAction })));

  const { window, loaded } = createMainWindow({ BrowserWindow, shell, preloadFile: PRELOAD_FILE, pageFile: PAGE_FILE });
  mainWindow = window;
  guardUnsavedChanges({ webContents: window.webContents, askUser: (options) => dialog.showMessageBoxSync(window, options) }, messages);
  window.on('closed', () => {
    mainWindow = null;
  });
  // The database is held by this process; with no window left there is nothing to do, on macOS too.
  app.on('window-all-closed', () => app.quit());
  await loaded;
}

/** Recorded as the actor of every change in the audit log. */
function currentUser(): string {
  try {
    return userInfo().username || 'desktop-user';
  } catch {
    return 'desktop-user';
  }
}
