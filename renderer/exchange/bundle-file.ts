import type { ApiIssue } from '../../electron/contract/api-error.ts';

/** A chosen or offered file, as the import takes it: a bundle's bytes go to the backend as base64. */
export type ImportKind = 'bundle' | 'review';

/** The backend's limits (exchange/bundle-format.ts, cli/read-json-file.ts), checked before a large file is read. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
export const MAX_REVIEW_FILE_BYTES = 10 * 1024 * 1024;

/** By extension, as the desktop shell does (electron/backend/offered-file.ts): .json is a review file, the rest a bundle. */
export const kindOfFile = (name: string): ImportKind => (name.toLowerCase().endsWith('.json') ? 'review' : 'bundle');

/** A problem the backend found, in the UI language where its code has a message, else in the backend's English. */
export function problemText(issue: ApiIssue, t: (key: string, options?: Record<string, unknown>) => string, exists: (key: string) => boolean): string {
  const key = `exchange.problem.${issue.code}`;
  const message = exists(key) ? t(key) : issue.message;
  return issue.path ? t('exchange.problem.item', { path: issue.path, message }) : message;
}
