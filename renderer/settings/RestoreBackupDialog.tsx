import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BackupCheck, type BackupInfo } from '../../electron/contract/backup-contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useModalDialog } from '../components/use-modal-dialog.ts';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { leaveRestoredNotice } from './restored-notice.ts';
import { useBackupFormat } from './use-backup-format.ts';

const BackupProblem = z.object({ problem: BackupCheck.options[1].shape.problem, detail: z.string() });

/**
 * Confirming a restore, saying what happens: back to the backup's state, the current database kept as a
 * before-restore backup, the backup checked first, and the app reloaded after. Cancel is the first button in focus.
 */
export function RestoreBackupDialog({ backup, onClose, onBusy }: { backup: BackupInfo; onClose: () => void; onBusy: (busy: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const format = useBackupFormat();
  const id = useId();
  // Focus goes back to the Restore button that opened the dialog, also when the dialog leaves with its component.
  const { dialogRef, initialFocus: cancelRef } = useModalDialog<HTMLButtonElement>();
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);

  /** The check's own reason, naming what differs (a refused restore changed nothing). */
  function backupProblem(failure: ApiClientError): string {
    const parsed = BackupProblem.safeParse(failure.apiError.details);
    return failure.code === 'invalid-backup' && parsed.success ? t(`settings.restoreDialog.problem.${parsed.data.problem}`, { detail: parsed.data.detail }) : '';
  }

  async function restore() {
    if (restoring) return;
    setRestoring(true);
    setError(null);
    onBusy(true);
    try {
      await api.call('backups.restore', { name: backup.name });
      leaveRestoredNotice(backup);
      window.location.reload();
    } catch (caught) {
      setError(asApiClientError('backups.restore', caught));
      setRestoring(false);
      onBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="review-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      aria-busy={restoring}
      onCancel={(event) => {
        event.preventDefault();
        if (!restoring) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{t('settings.restoreDialog.title')}</h2>
      <p id={`${id}-what`}>{t('settings.restoreDialog.what', { time: format.time(backup), reason: format.reason(backup).toLocaleLowerCase() })}</p>
      <p>{t('settings.restoreDialog.consequences')}</p>
      <p>{t('settings.restoreDialog.check')}</p>
      <p>{t('settings.restoreDialog.reload')}</p>
      <p role="status" className="busy-status">
        {restoring ? t('settings.restoreDialog.restoring') : ''}
      </p>
      {error && <ErrorAlert message={[errorMessage(error), backupProblem(error)].filter(Boolean).join(' ')} />}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={restoring} onClick={() => void restore()}>
          {t('settings.restoreDialog.confirm')}
        </button>
        <button ref={cancelRef} type="button" disabled={restoring} onClick={onClose}>
          {t('settings.restoreDialog.cancel')}
        </button>
      </div>
    </dialog>
  );
}
