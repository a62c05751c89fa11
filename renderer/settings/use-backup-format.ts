import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../electron/contract/backup-contract.ts';
import { useFormat } from '../i18n/use-format.ts';
import { formatDateTime } from '../reports/format-time.ts';

/** A backup's time (date and time in the UI language, zone named), reason and size, as the page shows them. */
export function useBackupFormat() {
  const { t } = useTranslation();
  const { language, decimal } = useFormat();
  return {
    time: (backup: Pick<BackupInfo, 'createdAt'>) => formatDateTime(backup.createdAt, language),
    reason: (backup: Pick<BackupInfo, 'reason'>) => t(`settings.backups.reason.${backup.reason}`),
    size: (backup: Pick<BackupInfo, 'size'>) =>
      backup.size < 1024 * 1024
        ? t('settings.backups.sizeKb', { value: decimal(Math.max(1, Math.round(backup.size / 1024)), 0) })
        : t('settings.backups.sizeMb', { value: decimal(backup.size / 1024 / 1024, 1) }),
  };
}
