import type { ApiIssue } from '../../electron/contract/api-error.ts';
import { ApiClientError } from '../platform/api-client.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A refusal in the UI language where its code has a message (laptops.refusal.<code>), else the backend's English. */
export function issueText(issue: ApiIssue, t: T, exists: (key: string) => boolean, params: Record<string, unknown> = {}): string {
  const key = `laptops.refusal.${issue.code}`;
  // 'other-person' names both people: without them (a failed call, not a preview) the backend's message names them.
  if (issue.code === 'other-person' && Object.keys(params).length === 0) return issue.message;
  return exists(key) ? t(key, params) : issue.message;
}

/** The issues an API failure carries, or none (then the generic error message is shown). */
export function issuesOf(error: unknown): ApiIssue[] {
  return error instanceof ApiClientError ? error.apiError.details?.issues ?? [] : [];
}

/** The other person named by an 'other-person' refusal (details.before). */
export function beforeOf(error: unknown): { name: string; certificateFingerprint: string } | null {
  if (!(error instanceof ApiClientError)) return null;
  const before = (error.apiError.details as { before?: { name?: unknown; certificateFingerprint?: unknown } } | undefined)?.before;
  return before && typeof before.name === 'string' && typeof before.certificateFingerprint === 'string'
    ? { name: before.name, certificateFingerprint: before.certificateFingerprint } : null;
}
