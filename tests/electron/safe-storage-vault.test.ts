import { describe, expect, test } from 'vitest';
import { safeStorageVault } from '../../electron/main/safe-storage-vault.ts';

/** safeStorage as Electron describes it, reversing bytes so wrap and unwrap are observable. */
function safeStorage(available: boolean, backend?: string) {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').reverse()),
    decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('the safeStorage key vault', () => {
  test('is offered where the OS encrypts, and wraps through safeStorage', () => {
    const vault = safeStorageVault(safeStorage(true), 'win32')!;
    expect(vault.unwrap(vault.wrap('salaisuus'))).toBe('salaisuus');
    expect(vault.wrap('ab').toString()).toBe('ba');
    expect(safeStorageVault(safeStorage(true, 'gnome_libsecret'), 'linux')).toBeDefined();
    expect(safeStorageVault(safeStorage(true, 'kwallet5'), 'linux')).toBeDefined();
  });

  test('is not offered without encryption, or on Linux with the plain-text fallback', () => {
    expect(safeStorageVault(safeStorage(false), 'darwin')).toBeUndefined();
    expect(safeStorageVault(safeStorage(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(safeStorageVault(safeStorage(true), 'linux')).toBeUndefined();
  });
});
