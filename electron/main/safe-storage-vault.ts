import type { SafeStorage } from 'electron';
import type { KeyVault } from '../backend/keys/key-vault.ts';

/**
 * A KeyVault on Electron's safeStorage, or none when the OS offers no real encryption. On Linux without a Secret
 * Service or KWallet, safeStorage falls back to "basic_text", a key hard-coded in Chromium: that protects
 * nothing, so the app then asks for a passphrase instead.
 */
export function safeStorageVault(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string }, platform: NodeJS.Platform): KeyVault | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') return undefined;
  }
  return {
    wrap: (secret) => safeStorage.encryptString(secret),
    unwrap: (wrapped) => safeStorage.decryptString(wrapped),
  };
}
