import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { base64ToBytes, countPdfPages } from '../platform/pdf-bytes.ts';
import { fileSize } from '../platform/file-size.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import type { ReportLanguage } from './ReportLanguageField.tsx';
import { ReportInputProblems } from './ReportInputProblems.tsx';
import { useMessage } from '../platform/use-message.ts';

type PreviewState =
  | { status: 'idle' }
  | { status: 'making'; language: ReportLanguage }
  | { status: 'ready'; language: ReportLanguage; pdfBase64: string; pages: number; bytes: number }
  | { status: 'failed'; language: ReportLanguage; error: ApiClientError };

/**
 * The report as it would be signed, made on request (it takes a moment) and offered as a PDF to save: the app's
 * CSP lets no PDF viewer run inside the page, so the user's own PDF reader shows it.
 */
export function ReportPreview({ review, language }: { review: ReviewDetail; language: ReportLanguage }) {
  const { t } = useTranslation();
  const api = useApi();
  const message = useMessage();
  const errorMessage = useErrorMessage();
  const uiLanguage = useUiLanguage();
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const request = useRef(0);
  // A preview in another language than the chosen one is out of date: offer to make it again.
  const current: PreviewState = state.status !== 'idle' && state.language !== language ? { status: 'idle' } : state;

  async function make() {
    if (current.status === 'making') return;
    const mine = ++request.current;
    setState({ status: 'making', language });
    try {
      const { pdfBase64 } = await api.call('reports.render', { reviewId: review.id, language });
      const bytes = base64ToBytes(pdfBase64);
      if (mine === request.current) setState({ status: 'ready', language, pdfBase64, pages: countPdfPages(bytes), bytes: bytes.length });
    } catch (caught) {
      if (mine === request.current) setState({ status: 'failed', language, error: asApiClientError('reports.render', caught) });
    }
  }

  const fileName = t('reports.fileName.preview', { site: review.site.name, date: review.visitDates[0] ?? '' });
  return (
    <div className="report-preview">
      <p className="field-hint">{t('reports.preview.intro')}</p>
      <div className="report-preview__actions">
        <button type="button" aria-disabled={current.status === 'making' || undefined} onClick={() => void make()}>
          {t('reports.preview.make')}
        </button>
        {current.status === 'ready' && (
          <DownloadLink type="application/pdf" className="button-link" base64={current.pdfBase64} fileName={fileName}>
            {t('reports.preview.save')}
          </DownloadLink>
        )}
      </div>
      <p role="status" className="busy-status">
        {current.status === 'making' && t('reports.preview.making')}
        {current.status === 'ready' && t('reports.preview.ready', { count: current.pages, size: message(fileSize(current.bytes, uiLanguage)) })}
      </p>
      {current.status === 'failed' &&
        (current.error.code === 'conflict' && current.error.issues.length > 0 ? (
          <ReportInputProblems issues={current.error.issues} />
        ) : (
          <ErrorAlert message={errorMessage(current.error)} onRetry={() => void make()} />
        ))}
    </div>
  );
}
