import { readFileSync, statSync } from 'node:fs';

/** Review files are a few hundred kilobytes at most; a far larger file is a mistake, not a review. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export class InputFileError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>) {
    super(key);
    this.name = 'InputFileError';
  }
}

/** Reads a JSON file with a specific error for each way it can go wrong (missing, folder, empty, huge, not JSON). */
export function readJsonFile(file: string): unknown {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputFileError('error.notAFile', { file });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputFileError('error.fileNotFound', { file });
    throw new InputFileError('error.unreadable', { file, reason: code ?? String(error) });
  }
  if (size > MAX_INPUT_BYTES) throw new InputFileError('error.fileTooLarge', { file, size, max: MAX_INPUT_BYTES });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError('error.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (text.trim() === '') throw new InputFileError('error.fileEmpty', { file });
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputFileError('error.notJson', { file, reason: (error as Error).message });
  }
}
