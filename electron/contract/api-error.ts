import { z } from 'zod';

/**
 * Every failure the API reports: a stable code, a message key the renderer translates, and details
 * (field paths and values, never a stack trace).
 */
export const ApiErrorCode = z.enum([
  'unknown-call',
  'invalid-input',
  'not-found',
  'conflict',
  'read-only',
  'invalid-review-file',
  'unauthorized',
  'internal',
  /** The disk (or the database's size limit) is full; nothing of the failed call was written. */
  'storage-full',
  /** The database file, its folder or the disk is read-only; nothing of the failed call was written. */
  'storage-read-only',
  /** The disk failed to read or write (I/O error, a damaged database file). */
  'storage-error',
  /** A backup failed its check (damaged, not an IPS Fidelity database, from a newer app); nothing was restored. */
  'invalid-backup',
  /** Only the desktop app can do this (it asks the user in a native dialog); the browser preview cannot. */
  'desktop-only',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiIssue = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ApiError = z.object({
  code: ApiErrorCode,
  messageKey: z.string(),
  details: z.object({ issues: z.array(ApiIssue).optional() }).catchall(z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const ApiResponse = z.union([
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type ApiResponse<T = unknown> = { ok: true; output: T } | { ok: false; error: ApiError };

/** Thrown by handlers for expected failures; the dispatcher turns it into an ApiError. */
export class ApiFailure extends Error {
  constructor(readonly code: ApiErrorCode, readonly details: ApiError['details'] = undefined, message?: string) {
    super(message ?? code);
    this.name = 'ApiFailure';
  }
}

export const messageKeyFor = (code: ApiErrorCode) => `errors.${code}`;
