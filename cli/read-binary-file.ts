import { readFileSync, statSync } from 'node:fs';
import { InputFileError } from './input-file-error.ts';

/**
 * Reads a whole input file (a review, a PDF to verify, a PKCS#12 to sign with) with a specific error for each way
 * it can go wrong: missing, a folder, unreadable, empty, or larger than the caller allows.
 */
export function readBinaryFile(file: string, maxBytes: number, tooLargeKey = 'error.inputTooLarge'): Buffer {
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
  if (size > maxBytes) throw new InputFileError(tooLargeKey, { file, size, max: maxBytes });
  if (size === 0) throw new InputFileError('error.fileEmpty', { file });
  try {
    return readFileSync(file);
  } catch (error) {
    throw new InputFileError('error.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}
