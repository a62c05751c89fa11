import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputFileError } from './read-json-file.ts';

/**
 * Writes `data` to `file` so that readers see either the old file or the whole new one, never a partial PDF:
 * a temporary file in the same folder (same file system, so rename is atomic), flushed to disk, then renamed.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const target = resolve(file);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o644);
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new InputFileError('error.cannotWrite', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  syncFolder(dirname(target));
}

/** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}
