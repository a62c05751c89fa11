import type { ApiIssue } from '../../electron/contract/api-error.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import type { Message } from '../platform/use-message.ts';

/** The SigningError codes (reports/signing/signing-error.ts); each has a message under reports.errors.signing. */
const SIGNING_CODES: ReadonlySet<string> = new Set([
  'invalid-identity-request', 'not-pkcs12', 'wrong-passphrase', 'no-private-key', 'no-certificate', 'unsupported-key',
  'certificate-expired', 'certificate-not-yet-valid', 'sealed-identity-invalid', 'sealed-identity-unsupported-version',
  'wrong-storage-secret', 'not-a-pdf', 'unsupported-pdf', 'signature-too-large',
]);

export const isSigningCode = (code: string) => SIGNING_CODES.has(code);

/** An issue at a field in the user's words: a signing failure by its code, zod's size checks by what they mean. */
export function issueMessage(issue: ApiIssue, tooSmallKey = 'reports.errors.required'): Message {
  if (isSigningCode(issue.code)) return { key: `reports.errors.signing.${issue.code}` };
  if (issue.code === 'too_small') return { key: tooSmallKey };
  if (issue.code === 'too_big') return { key: 'reports.errors.tooLong' };
  return { key: 'reports.errors.invalid' };
}

export type FieldMessages<F extends string> = Partial<Record<F, Message>>;

/**
 * The first problem per field of an 'invalid-input' answer, for the fields a form shows (API path -> form field).
 * Null when the answer has none of them, so the caller shows a general message instead.
 */
export function fieldMessages<F extends string>(
  error: ApiClientError,
  fieldOf: (path: string, issue: ApiIssue) => F | null,
  tooSmallKeys: Partial<Record<F, string>> = {},
): FieldMessages<F> | null {
  if (error.code !== 'invalid-input') return null;
  const found: FieldMessages<F> = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path, issue);
    if (field !== null && !found[field]) found[field] = issueMessage(issue, tooSmallKeys[field]);
  }
  return Object.keys(found).length > 0 ? found : null;
}

/** A conflict's reason (details.reason), if it has one. */
export function conflictReason(error: ApiClientError): string | null {
  const reason = error.code === 'conflict' ? error.apiError.details?.reason : undefined;
  return typeof reason === 'string' ? reason : null;
}

/** The preview server refuses a request body over its limit with details.reason 'too-large'. */
export const isTooLarge = (error: ApiClientError) => error.code === 'invalid-input' && error.apiError.details?.reason === 'too-large';
