import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { openBackend } from '../backend/backend.ts';
import { APP_PAGE_URL, registerAppSchemePrivileges, serveAppScheme } from './app-scheme.ts';
import { chooseBackupFolder, chooseFileToImport } from './dialogs.ts';
import { createFileHandover, type FileHandover } from './file-handover.ts';
import { registerIpc, senderIsAppPage } from './ipc.ts';
import { buildMenuTemplate, type MenuAction } from './menu.ts';
import { shellMessages } from './menu-messages.ts';
import { localPathOf, notLocalText, openedBundlesFromArgv, type NotLocalRefusal, type OpenedBundles } from './opened-files.ts';
import { safeStorageVault } from './safe-storage-vault.ts';
import { hardenSession } from './security.ts';
import { guardUnsavedChanges } from './unload-guard.ts';
import { createMainWindow, EXCHANGE_ROUTE, showAppRoute } from './window.ts';

// Entry of the desktop app, bundled by scripts/build-electron.ts into dist/electron/main.cjs; __dirname is
// dist/electron there, next to preload.cjs, with the built renderer in dist/renderer, which app:// serves
// (app-scheme.ts): the page is app://ips-fidelity/index.html, never a file:// URL.
const PRELOAD_FILE = join(__dirname, 'preload.cjs');
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PAGE_URL = APP_PAGE_URL;
const DATABASE_FILE_NAME = 'ips-fidelity.sqlite';

let mainWindow: BrowserWindow | null = null;
let handover: FileHandover | null = null;
/** Files the OS asked to open before the backend was ready (macOS sends 'open-file' before 'ready'). */
const filesBeforeStart: string[] = [];
/** Network paths and URLs named before the window could explain why they are not opened. */
const refusedBeforeStart: NotLocalRefusal[] = [];

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** A file opened from outside the app; one file is offered at a time, so the last one named wins. */
function openFile(path: string): void {
  if (handover === null) filesBeforeStart.push(path);
  else void handover.open(path);
}

/** An error the user must see: over the window when there is one. */
function showError(title: string, detail: string): void {
  const options = { type: 'error' as const, message: title, detail };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/** A network path or URL the OS or a command line named: never read, the user is told why. */
function refuseFile(refusal: NotLocalRefusal): void {
  if (handover === null) refusedBeforeStart.push(refusal);
  else {
    const messages = shellMessages(app.getLocale());
    showError(messages.openFailedTitle, notLocalText(messages, refusal));
  }
}

/** The bundles a command line named: refusals explained, the last local one opened. */
function openFromCommandLine(bundles: OpenedBundles): void {
  for (const refusal of bundles.refused) refuseFile(refusal);
  const path = bundles.paths.at(-1);
  if (path !== undefined) openFile(path);
}

// The data folder is named after the package ("ips-fidelity"), not the installed product name ("IPS Fidelity")
// that electron-builder gives a packaged app: the command line, `npm start` and every installer then use one folder.
app.setPath('userData', join(app.getPath('appData'), 'ips-fidelity'));

// app:// must be declared privileged before 'ready'; its handler is installed in start().
registerAppSchemePrivileges(protocol);

// One app instance per user: two processes writing the same database would each hold their own view of it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A bundle double-clicked while the app runs (Windows, Linux) starts a second process, which quits at once and
  // hands its command line over to this one.
  app.on('second-instance', (_event: unknown, argv: string[], workingDirectory: string) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    openFromCommandLine(openedBundlesFromArgv(argv, { cwd: workingDirectory, platform: process.platform, isFile }));
  });
  // macOS: a double-clicked bundle, at launch (before 'ready') or later; must be listened for before 'ready'.
  // The OS gives an absolute path; it passes the same local-file check as a command line.
  app.on('open-file', (event: { preventDefault(): void }, path: string) => {
    event.preventDefault();
    const opened = localPathOf(path, { cwd: '/', platform: process.platform });
    if (opened.ok) openFile(opened.path);
    else refuseFile(opened.refusal);
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(shellMessages(app.getLocale()).startupFailed, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start() {
  const messages = shellMessages(app.getLocale());
  hardenSession(session.defaultSession);
  serveAppScheme(protocol, RENDERER_DIR);

  const backend = await openBackend({
    dbFile: join(app.getPath('userData'), DATABASE_FILE_NAME),
    actor: currentUser(),
    // Set by `npm start` (scripts/start.ts): better-sqlite3 rebuilt for Electron's ABI.
    // Packaged: the Electron-ABI build scripts/prepare-dist.ts put in the installer's resources.
    nativeBinding: process.env.IPS_SQLITE_BINDING || (app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : undefined),
    // Asked after 'ready': on Linux safeStorage knows its backend only then.
    keyVault: safeStorageVault(safeStorage, process.platform),
    // settings.chooseBackupFolder: the user's own pick in a native dialog; no caller can name a folder.
    chooseFolder: () => (mainWindow ? chooseBackupFolder(dialog, mainWindow, messages) : Promise.resolve(null)),
  });
  app.on('will-quit', () => backend.close());

  registerIpc(ipcMain, backend, senderIsAppPage(PAGE_URL));

  const showExchangePage = (reloadIfShown: boolean) => {
    if (mainWindow) showAppRoute(mainWindow.webContents, PAGE_URL, EXCHANGE_ROUTE, reloadIfShown);
  };
  const fileHandover = createFileHandover({
    offer: (file) => backend.offerFile(file),
    showExchangePage: () => showExchangePage(true),
    showError,
    messages,
  });

  const onMenuAction = (action: MenuAction) => {
    if (action === 'export') return showExchangePage(false);
    if (!mainWindow) return;
    void chooseFileToImport(dialog, mainWindow, messages).then((path) => (path === null ? undefined : fileHandover.open(path)));
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(
    buildMenuTemplate({ messages, isPackaged: app.isPackaged, platform: process.platform, onAction: onMenuAction })));

  // A bundle the app was started with opens on the exchange page straight away.
  const fromArgv = openedBundlesFromArgv(process.argv, { cwd: process.cwd(), platform: process.platform, isFile });
  const atStart = [...fromArgv.paths, ...filesBeforeStart.splice(0)].at(-1);
  const offeredAtStart = atStart !== undefined && (await fileHandover.offerPath(atStart));

  const { window, loaded } = createMainWindow({
    BrowserWindow, shell, preloadFile: PRELOAD_FILE, pageUrl: PAGE_URL, route: offeredAtStart ? EXCHANGE_ROUTE : undefined,
  });
  mainWindow = window;
  guardUnsavedChanges({ webContents: window.webContents, askUser: (options) => dialog.showMessageBoxSync(window, options) }, messages);
  window.on('closed', () => {
    mainWindow = null;
  });
  handover = fileHandover;
  // Any network path or URL named so far is explained over the window; any file the OS named while the start was
  // under way is opened.
  for (const refusal of [...fromArgv.refused, ...refusedBeforeStart.splice(0)]) refuseFile(refusal);
  for (const path of filesBeforeStart.splice(0)) void fileHandover.open(path);
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
