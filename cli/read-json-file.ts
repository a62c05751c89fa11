import { InputFileError } from './input-file-error.ts';
import { readBinaryFile } from './read-binary-file.ts';

export { InputFileError };

/** Review files are a few hundred kilobytes at most; a far larger file is a mistake, not a review. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Reads a JSON file: the errors of readBinaryFile, plus whitespace-only and not-JSON. */
export function readJsonFile(file: string): unknown {
  const text = readBinaryFile(file, MAX_INPUT_BYTES, 'error.fileTooLarge').toString('utf8');
  if (text.trim() === '') throw new InputFileError('error.fileEmpty', { file });
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputFileError('error.notJson', { file, reason: (error as Error).message });
  }
}
