import type { MenuItemConstructorOptions } from 'electron';
import type { ShellMessages } from './menu-messages.ts';

/**
 * import: the open dialog in the main process, then the chosen file is offered to the page (file-handover.ts);
 * export: the exchange page, where the user picks what to export. Nothing is sent to the page.
 */
export type MenuAction = 'import' | 'export';

export interface MenuOptions {
  messages: ShellMessages;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onAction: (action: MenuAction) => void;
}

/** The native application menu as a template (Menu.buildFromTemplate turns it into a menu in main.ts). */
export function buildMenuTemplate({ messages: m, isPackaged, platform, onAction }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: m.reload },
    ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: m.toggleDevTools } as const]),
    { type: 'separator' },
    { role: 'resetZoom', label: m.resetZoom },
    { role: 'zoomIn', label: m.zoomIn },
    { role: 'zoomOut', label: m.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: m.toggleFullScreen },
  ];
  return [
    // macOS puts the application menu first whatever else there is; elsewhere it does not exist.
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    {
      label: m.file,
      submenu: [
        { id: 'import-reviews', label: m.importReviews, accelerator: 'CmdOrCtrl+O', click: () => onAction('import') },
        { id: 'export-reviews', label: m.exportReviews, accelerator: 'CmdOrCtrl+E', click: () => onAction('export') },
        { type: 'separator' },
        { role: 'quit', label: m.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    { label: m.view, submenu: view },
    { label: m.help, submenu: [{ role: 'about', label: m.about }] },
  ];
}
