/**
 * Every way creating, opening, sealing or using a signing identity can fail, as a stable code. The UI and the
 * command line translate by `messageKey` (`signing.<code>`); `message` is English for logs.
 */
export type SigningErrorCode =
  | 'invalid-identity-request'
  | 'not-pkcs12'
  | 'wrong-passphrase'
  | 'no-private-key'
  | 'no-certificate'
  | 'unsupported-key'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'sealed-identity-invalid'
  | 'sealed-identity-unsupported-version'
  | 'wrong-storage-secret'
  | 'not-a-pdf'
  | 'unsupported-pdf'
  | 'signature-too-large';

export class SigningError extends Error {
  readonly messageKey: string;

  constructor(readonly code: SigningErrorCode, message: string, readonly params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'SigningError';
    this.messageKey = `signing.${code}`;
  }
}
