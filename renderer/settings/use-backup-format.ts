import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../electron/contract/backup-contract.ts';
import { useFormat } from '../i18n/use-format.ts';
import { fileSize } from '../platform/file-size.ts';
import { formatLocalDateTime } from '../../scales/display-format.ts';
import { useMessage } from '../platform/use-message.ts';

/** A backup's time (date and time in the UI language, zone named), reason and size, as the page shows them. */
export function useBackupFormat() {
  const { t } = useTranslation();
  const { language } = useFormat();
  const message = useMessage();
  return {
    time: (backup: Pick<BackupInfo, 'createdAt'>) => formatLocalDateTime(backup.createdAt, language),
    reason: (backup: Pick<BackupInfo, 'reason'>) => t(`settings.backups.reason.${backup.reason}`),
    size: (backup: Pick<BackupInfo, 'size'>) => message(fileSize(backup.size, language)),
  };
}
