import { OFFERED_FILE_TYPES } from '../backend/offered-file.ts';
import type { ShellMessages } from './menu-messages.ts';

interface FileFilter { name: string; extensions: string[] }

/** The part of Electron's dialog module used here; W is the parent window type. */
export interface DialogPort<W> {
  showOpenDialog(window: W, options: { title?: string; properties?: Array<'openFile' | 'openDirectory' | 'createDirectory'>; filters?: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

const extensionOf = (kind: keyof typeof OFFERED_FILE_TYPES) => OFFERED_FILE_TYPES[kind].extension.slice(1);

/**
 * The folder dialog of Settings > Backups (settings.chooseBackupFolder): the only way a backup folder is set, so
 * a network share is used only when the user picked one here. Null when the user cancels.
 */
export async function chooseBackupFolder<W>(dialog: DialogPort<W>, parent: W, messages: ShellMessages): Promise<string | null> {
  const choice = await dialog.showOpenDialog(parent, { title: messages.backupFolderTitle, properties: ['openDirectory', 'createDirectory'] });
  const path = choice.filePaths[0];
  return choice.canceled || path === undefined ? null : path;
}

/** The open dialog of File > Import…: a review bundle or a review file; null when the user cancels. */
export async function chooseFileToImport<W>(dialog: DialogPort<W>, parent: W, messages: ShellMessages): Promise<string | null> {
  const bundle = extensionOf('bundle');
  const review = extensionOf('review');
  const choice = await dialog.showOpenDialog(parent, {
    title: messages.importTitle,
    properties: ['openFile'],
    // Both kinds first, so either can be picked without switching the filter.
    filters: [
      { name: messages.importableFilter, extensions: [bundle, review] },
      { name: messages.bundleFilter, extensions: [bundle] },
      { name: messages.reviewFileFilter, extensions: [review] },
    ],
  });
  const path = choice.filePaths[0];
  return choice.canceled || path === undefined ? null : path;
}
