import { writeFileDurably } from '../electron/backend/store/durable-files.ts';
import { InputFileError } from './read-json-file.ts';

/** An output file written all or nothing (see writeFileDurably), with the CLI's message when it cannot be. */
export function writeFileAtomic(file: string, data: Buffer): void {
  try {
    writeFileDurably(file, data);
  } catch (error) {
    throw new InputFileError('error.cannotWrite', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}
