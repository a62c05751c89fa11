import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';

type RequestState =
  | { status: 'idle' }
  | { status: 'making' }
  | { status: 'ready'; pdfBase64: string; fileName: string }
  | { status: 'failed'; error: ApiClientError };

/**
 * The printable request to the site (documents to prepare, people to meet, the schedule) as a PDF in the review's
 * language, made from the plan as it is saved now and downloaded through the user's own PDF reader.
 */
export function VisitRequestSection({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<RequestState>({ status: 'idle' });

  async function make() {
    if (state.status === 'making') return;
    setState({ status: 'making' });
    try {
      const { pdfBase64, fileName } = await api.call('visitPlan.requestPdf', { reviewId });
      setState({ status: 'ready', pdfBase64, fileName });
    } catch (caught) {
      setState({ status: 'failed', error: asApiClientError('visitPlan.requestPdf', caught) });
    }
  }

  return (
    <section className="panel plan-request" aria-labelledby="visit-request-heading">
      <h2 id="visit-request-heading">{t('consensus.plan.request.heading')}</h2>
      <p className="muted">{t('consensus.plan.request.intro')}</p>
      <div className="plan-request__actions">
        <button type="button" aria-disabled={state.status === 'making' || undefined} onClick={() => void make()}>
          {t('consensus.plan.request.make')}
        </button>
        {state.status === 'ready' && (
          <DownloadLink type="application/pdf" className="plan-request__save" base64={state.pdfBase64} fileName={state.fileName}>
            {t('consensus.plan.request.save')}
          </DownloadLink>
        )}
      </div>
      <p role="status" className="busy-status">
        {state.status === 'making' && t('consensus.plan.request.making')}
        {state.status === 'ready' && t('consensus.plan.request.ready')}
      </p>
      {state.status === 'failed' && <ErrorAlert message={errorMessage(state.error)} onRetry={() => void make()} />}
    </section>
  );
}
