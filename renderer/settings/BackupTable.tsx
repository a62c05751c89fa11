import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../electron/contract/backup-contract.ts';
import { useBackupFormat } from './use-backup-format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

/** The backups, newest first, each with a Restore button named by its time. */
export function BackupTable({ backups, disabled, onRestore }: { backups: BackupInfo[]; disabled: boolean; onRestore: (backup: BackupInfo) => void }) {
  const { t } = useTranslation();
  const format = useBackupFormat();
  return (
    <ScrollRegion label={t('settings.backups.table.caption')}>
      <table className="data-table backups-table">
        <caption className="visually-hidden">{t('settings.backups.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.backups.table.time')}</th>
            <th scope="col">{t('settings.backups.table.reason')}</th>
            <th scope="col">{t('settings.backups.table.size')}</th>
            <th scope="col">{t('settings.backups.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.name}>
              <th scope="row" className="nowrap">
                {format.time(backup)}
              </th>
              <td>{format.reason(backup)}</td>
              <td className="nowrap">{format.size(backup)}</td>
              <td className="nowrap actions">
                <button type="button" disabled={disabled} aria-label={t('settings.backups.restoreLabel', { time: format.time(backup) })} onClick={() => onRestore(backup)}>
                  {t('settings.backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
