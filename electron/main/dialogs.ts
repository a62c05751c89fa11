import { join } from 'node:path';
import { z } from 'zod';
import { messageKeyFor } from '../contract/api-error.ts';
import type { OpenReviewFileResult, SaveReviewFileResult } from '../contract/bridge.ts';
import type { ShellMessages } from './menu-messages.ts';
import { MAX_REVIEW_FILE_BYTES, readReviewFile, reviewFileError, safeReviewFileName, writeFileAtomic } from './review-file-io.ts';

interface FileFilter { name: string; extensions: string[] }

/** The part of Electron's dialog module used here; W is the parent window type. */
export interface DialogPort<W> {
  showOpenDialog(window: W, options: { title?: string; properties?: Array<'openFile'>; filters?: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: { title?: string; defaultPath?: string; filters?: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface ReviewDialogs {
  openReviewFile(): Promise<OpenReviewFileResult>;
  /** `request` comes from the renderer over IPC, so it is validated here. */
  saveReviewFile(request: unknown): Promise<SaveReviewFileResult>;
}

const SaveRequest = z.strictObject({
  suggestedName: z.string().max(300),
  json: z.string().max(MAX_REVIEW_FILE_BYTES),
});

export function createReviewDialogs<W>(options: {
  dialog: DialogPort<W>;
  /** The window the dialogs are modal to; only its page can ask for them, so none means nothing to do. */
  parentWindow: () => W | null;
  /** Where the save dialog starts (the user's documents folder). */
  defaultFolder: () => string;
  messages: ShellMessages;
}): ReviewDialogs {
  const { dialog, messages } = options;
  const filters = [{ name: messages.reviewFileFilter, extensions: ['json'] }];
  return {
    async openReviewFile() {
      const parent = options.parentWindow();
      if (parent === null) return { ok: false, canceled: true };
      const choice = await dialog.showOpenDialog(parent, { title: messages.importReviewTitle, properties: ['openFile'], filters });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return { ok: false, canceled: true };
      return readReviewFile(path);
    },
    async saveReviewFile(request) {
      const parsed = SaveRequest.safeParse(request);
      if (!parsed.success) {
        return { ok: false, canceled: false, error: { code: 'invalid-input', messageKey: messageKeyFor('invalid-input'), details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) } } };
      }
      const name = safeReviewFileName(parsed.data.suggestedName);
      try {
        JSON.parse(parsed.data.json);
      } catch (error) {
        // Only JSON is ever written under a .json name the user picked.
        return { ok: false, canceled: false, error: reviewFileError('not-json', name, `the export is not JSON: ${(error as Error).message}`) };
      }
      const parent = options.parentWindow();
      if (parent === null) return { ok: false, canceled: true };
      const choice = await dialog.showSaveDialog(parent, { title: messages.exportReviewTitle, defaultPath: join(options.defaultFolder(), name), filters });
      // Electron 40 reports a cancelled save dialog as canceled with an empty filePath.
      if (choice.canceled || !choice.filePath) return { ok: false, canceled: true };
      try {
        await writeFileAtomic(choice.filePath, parsed.data.json);
        return { ok: true, path: choice.filePath };
      } catch (error) {
        return { ok: false, canceled: false, error: reviewFileError('not-writable', name, `${choice.filePath} could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).`) };
      }
    },
  };
}
