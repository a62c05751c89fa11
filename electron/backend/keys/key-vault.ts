/**
 * Where the operating system keeps secrets for the app: Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, the Secret Service / KWallet on Linux). A signing identity protected this way is sealed with random
 * bytes that only the vault can unwrap, so the reviewer types no passphrase to sign.
 *
 * The backend sees only this interface: the Electron shell passes one built on safeStorage (electron/main/
 * safe-storage-vault.ts) when the OS offers real encryption; the browser preview and the CLI pass none, and
 * identities there are sealed with a passphrase.
 */
export interface KeyVault {
  /** Encrypts a secret for this OS user; the result is stored in the database. */
  wrap(secret: string): Buffer;
  /** The secret again; throws when this OS user or machine cannot decrypt it. */
  unwrap(wrapped: Buffer): string;
}
