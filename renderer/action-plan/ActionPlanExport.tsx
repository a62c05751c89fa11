import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { base64ToBytes, safeFileName } from '../platform/pdf-bytes.ts';

/** Long enough for the browser (or Electron's save dialog) to take the bytes; then the Blob is let go. */
const REVOKE_AFTER_MS = 60_000;

/** Hands bytes to the browser as a download (a blob: link, which the CSP allows); returns the name it was saved as. */
function download(base64: string, type: string, fileName: string): string {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return link.download;
}

type Kind = 'pdf' | 'csv';
const CALL = { pdf: 'actionPlan.exportPdf', csv: 'actionPlan.exportCsv' } as const;

/**
 * The plan as a PDF in the review's report language and as a CSV in the UI language, saved as downloads. The
 * result (the file's name) is announced, a failure shown with its reason.
 */
export function ActionPlanExport({ reviewId, language }: { reviewId: number; language: 'fi' | 'sv' | 'en' }) {
  const { t } = useTranslation();
  const api = useApi();
  const uiLanguage = useUiLanguage();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const [working, setWorking] = useState<Kind | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiClientError | null>(null);

  async function save(kind: Kind) {
    setWorking(kind);
    setError(null);
    setStatus(null);
    try {
      const file = kind === 'pdf'
        ? await api.call('actionPlan.exportPdf', { reviewId })
        : await api.call('actionPlan.exportCsv', { reviewId, language: uiLanguage });
      const name = download(file.fileBase64, kind === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8', file.fileName);
      setStatus(t('actionPlan.export.saved', { file: name }));
    } catch (caught) {
      setError(asApiClientError(CALL[kind], caught));
    } finally {
      setWorking(null);
    }
  }

  return (
    <section aria-labelledby={headingId} className="action-plan-export">
      <h2 id={headingId}>{t('actionPlan.export.heading')}</h2>
      <p className="field-hint">{t('actionPlan.export.intro', { language: t(`actionPlan.export.language.${language}`) })}</p>
      <div className="action-plan-export__buttons">
        {(['pdf', 'csv'] as const).map((kind) => (
          <button key={kind} type="button" disabled={working !== null} onClick={() => void save(kind)}>
            {working === kind ? t('actionPlan.export.working') : t(`actionPlan.export.${kind}`)}
          </button>
        ))}
      </div>
      <StatusMessage message={status} />
      {error && <ErrorAlert message={errorMessage(error)} />}
    </section>
  );
}
