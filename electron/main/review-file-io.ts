import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { messageKeyFor, type ApiError } from '../contract/api-error.ts';
import type { OpenReviewFileResult } from '../contract/bridge.ts';

/** A review file is a few hundred KB at most; a 10 MB cap refuses the wrong file before reading it all. */
export const MAX_REVIEW_FILE_BYTES = 10 * 1024 * 1024;

export type ReviewFileProblem = 'unreadable' | 'too-large' | 'not-json' | 'not-writable';

export function reviewFileError(reason: ReviewFileProblem, fileName: string, message: string): ApiError {
  return { code: 'invalid-review-file', messageKey: messageKeyFor('invalid-review-file'), details: { reason, fileName, message } };
}

/**
 * Reads and parses a review file chosen by the user. The content is only parsed here; its schema is checked by
 * the backend's `reviews.importFile`, the one place that knows the review file format.
 */
export async function readReviewFile(path: string): Promise<OpenReviewFileResult> {
  const fileName = basename(path);
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_REVIEW_FILE_BYTES) {
      return { ok: false, canceled: false, error: reviewFileError('too-large', fileName, `${fileName} is ${size} bytes; a review file is at most ${MAX_REVIEW_FILE_BYTES} bytes.`) };
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, canceled: false, error: reviewFileError('unreadable', fileName, `${fileName} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`) };
  }
  try {
    // Editors on Windows may save JSON with a byte-order mark, which JSON.parse rejects.
    return { ok: true, file: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, fileName };
  } catch (error) {
    return { ok: false, canceled: false, error: reviewFileError('not-json', fileName, `${fileName} is not a JSON file: ${(error as Error).message}`) };
  }
}

/**
 * Writes via a temporary file in the same folder and a rename, so a crash or a full disk never leaves a
 * half-written review file where the old one was.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A file name the renderer suggests, reduced to a plain name that ends in .json. */
export function safeReviewFileName(suggested: string): string {
  const name = suggested.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 150);
  const base = name === '' ? 'review' : name;
  return base.toLowerCase().endsWith('.json') ? base : `${base}.json`;
}
