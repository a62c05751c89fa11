import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../electron/contract/backup-contract.ts';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { BackupTable } from './BackupTable.tsx';
import { DefaultIdentityField } from './DefaultIdentityField.tsx';
import { RestoreBackupDialog } from './RestoreBackupDialog.tsx';
import { ScaleVersionsSection } from './ScaleVersionsSection.tsx';
import { takeRestoredNotice } from './restored-notice.ts';
import { useBackupFormat } from './use-backup-format.ts';
import './settings.css';

/**
 * Settings (#/settings): the database backups, made automatically or now, and restoring one (issue 7); the default
 * signing identity; the scale versions and which one new reviews default to (issue 11).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const format = useBackupFormat();
  useDocumentTitle(t('settings.title'));
  const backups = useApiQuery('backups.list', {});
  const settings = useApiQuery('settings.get', {});
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiClientError | null>(null);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [toRestore, setToRestore] = useState<BackupInfo | null>(null);
  const creatingRef = useRef(false);

  // The notice a restore left before the page reloaded.
  useEffect(() => {
    const restored = takeRestoredNotice();
    if (restored) setStatus(t('settings.backups.restored', { time: format.time(restored) }));
    // Once, at mount: the notice leaves storage when it is taken.
  }, []);

  async function backupNow() {
    if (creatingRef.current) return;
    creatingRef.current = true;
    setCreating(true);
    setActionError(null);
    setStatus(t('settings.backups.creating'));
    try {
      const made = await api.call('backups.create', {});
      setStatus(t('settings.backups.created', { time: format.time(made), size: format.size(made) }));
      backups.reload();
    } catch (error) {
      setStatus(null);
      setActionError(asApiClientError('backups.create', error));
    } finally {
      creatingRef.current = false;
      setCreating(false);
    }
  }

  /** The desktop app's folder dialog picks the folder; the page never names one (settings.chooseBackupFolder). */
  async function changeFolder(reset: boolean) {
    setActionError(null);
    try {
      const before = settings.data?.backupFolder;
      const next = reset ? await api.call('settings.update', { backupFolder: null }) : await api.call('settings.chooseBackupFolder', {});
      if (next.backupFolder !== before) setStatus(t('settings.backups.folderChanged'));
      settings.reload();
      backups.reload();
    } catch (error) {
      setActionError(asApiClientError(reset ? 'settings.update' : 'settings.chooseBackupFolder', error));
    }
  }

  const rotation = settings.data?.backups;
  return (
    <div className="settings-page">
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="backups-heading">
        <div className="page-heading">
          <h2 id="backups-heading">{t('settings.backups.heading')}</h2>
          <button type="button" className="primary" disabled={creating || restoring} onClick={() => void backupNow()}>
            {t('settings.backups.backupNow')}
          </button>
        </div>
        {rotation && (
          <p className="intro">
            {t('settings.backups.intro', { daily: rotation.keepDaily, weekly: rotation.keepWeekly, monthly: rotation.keepMonthly, events: rotation.keepPerEvent })}
          </p>
        )}
        {backups.data && (
          <dl className="settings-facts">
            <dt>{t('settings.backups.folder')}</dt>
            <dd className="wrap-words">{backups.data.folder}</dd>
          </dl>
        )}
        <div className="button-row">
          <button type="button" disabled={creating || restoring} onClick={() => void changeFolder(false)}>
            {t('settings.backups.chooseFolder')}
          </button>
          {settings.data?.backupFolder !== undefined && (
            <button type="button" disabled={creating || restoring} onClick={() => void changeFolder(true)}>
              {t('settings.backups.defaultFolder')}
            </button>
          )}
        </div>
        <StatusMessage message={status} />
        {actionError && <ErrorAlert message={errorMessage(actionError)} />}
        {backups.status === 'error' && <ErrorAlert message={errorMessage(backups.error)} onRetry={backups.reload} />}
        {backups.data === undefined ? (
          backups.status === 'loading' && <p className="muted">{t('settings.backups.loading')}</p>
        ) : backups.data.backups.length === 0 ? (
          <p className="empty-state">{t('settings.backups.empty')}</p>
        ) : (
          <>
            <p className="muted">{t('settings.backups.count', { count: backups.data.backups.length })}</p>
            <BackupTable backups={backups.data.backups} disabled={creating || restoring} onRestore={setToRestore} />
          </>
        )}
      </section>
      <DefaultIdentityField settings={settings.data} />
      <ScaleVersionsSection adopted={settings.data?.adoptedScales} onAdopted={settings.reload} />
      <section aria-labelledby="trust-settings-heading">
        <h2 id="trust-settings-heading">{t('trust.page.title')}</h2>
        <p>
          <a href={hrefFor({ name: 'trusted-signers' })}>{t('trust.page.link')}</a>
        </p>
      </section>
      {toRestore && <RestoreBackupDialog backup={toRestore} onBusy={setRestoring} onClose={() => setToRestore(null)} />}
    </div>
  );
}
