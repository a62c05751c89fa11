import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes `data` to `file` so that readers see either the old file or the whole new one, never a partial one: a
 * temporary file in the same folder (same file system, so the rename is atomic), flushed to disk, then renamed.
 * On failure nothing is left behind and the error is thrown as it came.
 */
export function writeFileDurably(file: string, data: Buffer, mode = 0o644): void {
  const target = resolve(file);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode);
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncFolder(dirname(target));
}

/** Flushes a file's contents to the disk before it is renamed into place. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in the folder durable where the platform lets a folder be opened (not on Windows). */
export function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // best effort: Windows cannot open a folder, and there a rename is durable once it returns
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** An SQLite file and the side files SQLite may have left next to it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
