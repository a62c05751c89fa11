/**
 * Failures of the disk rather than of the request: SQLite's result codes (https://sqlite.org/rescode.html) and
 * the file system's errno codes, as better-sqlite3 and Node report them in `error.code`. Each becomes an ApiError
 * the user can act on instead of 'internal'. Every write runs in a transaction, so a call that fails like this
 * has changed nothing.
 */
export type StorageErrorCode = 'storage-full' | 'storage-read-only' | 'storage-error';

export function storageErrorCode(error: unknown): StorageErrorCode | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLITE_FULL also covers PRAGMA max_page_count; EFBIG: over the file size limit; EDQUOT: over the disk quota.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'storage-full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'storage-read-only';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'EIO') {
    return 'storage-error';
  }
  return null;
}
