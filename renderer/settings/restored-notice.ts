import type { BackupInfo } from '../../electron/contract/backup-contract.ts';

const KEY = 'ips.restoredBackup';

/**
 * After a restore the page reloads (every view must read the restored database); the notice of what was restored
 * crosses the reload in sessionStorage and is shown once.
 */
export function leaveRestoredNotice(backup: BackupInfo, storage: Storage = window.sessionStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify({ createdAt: backup.createdAt }));
  } catch {
    // without storage the reload simply shows no notice
  }
}

export function takeRestoredNotice(storage: Storage = window.sessionStorage): { createdAt: string } | null {
  try {
    const text = storage.getItem(KEY);
    storage.removeItem(KEY);
    const value = text ? (JSON.parse(text) as unknown) : null;
    return value && typeof value === 'object' && typeof (value as { createdAt?: unknown }).createdAt === 'string' ? { createdAt: (value as { createdAt: string }).createdAt } : null;
  } catch {
    return null;
  }
}
