import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { safeFileName } from '../platform/pdf-bytes.ts';
import './export-csv.css';

/** Long enough for the browser (or Electron's save dialog) to take the bytes; then the Blob is let go. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves the reviews CSV (every review of a region, or of every site) in the UI language: the backend writes it
 * (reviews.exportCsv), and the page hands it to the browser as a Blob download, as the PDF link does (the CSP
 * allows a blob: download). Works with the keyboard like any button; the result is announced.
 */
export function ExportCsvButton({ regionId }: { regionId: number | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useUiLanguage();
  const errorMessage = useErrorMessage();
  const hintId = useId();
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiClientError | null>(null);

  async function exportCsv() {
    setWorking(true);
    setError(null);
    setStatus(null);
    try {
      const result = await api.call('reviews.exportCsv', { language, ...(regionId !== null ? { regionId } : {}) });
      const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = safeFileName(result.fileName);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      setStatus(t('sites.exportCsv.saved', { file: link.download, count: result.reviews }));
    } catch (caught) {
      setError(asApiClientError('reviews.exportCsv', caught));
    } finally {
      setWorking(false);
    }
  }

  return (
    <div className="export-csv">
      <button type="button" disabled={working} aria-describedby={hintId} onClick={() => void exportCsv()}>
        {working ? t('sites.exportCsv.working') : regionId !== null ? t('sites.exportCsv.buttonRegion') : t('sites.exportCsv.button')}
      </button>
      <span id={hintId} className="field-hint">
        {t('sites.exportCsv.hint')}
      </span>
      <StatusMessage message={status} />
      {error && <ErrorAlert message={errorMessage(error)} />}
    </div>
  );
}
