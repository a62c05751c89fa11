import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';

/** Every reviewer is done: starting consensus locks their own ratings and pre-fills the items they agree on. */
export function StartConsensus({ reviewId, onStarted }: { reviewId: number; onStarted: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      await api.call('consensus.start', { reviewId });
      onStarted();
    } catch (caught) {
      setError(asApiClientError('consensus.start', caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel start-panel" aria-labelledby="start-consensus-heading">
      <h2 id="start-consensus-heading">{t('consensus.start.heading')}</h2>
      <p>{t('consensus.start.explanation')}</p>
      {error && <ErrorAlert message={errorMessage(error)} onRetry={() => void start()} />}
      <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
        {t('consensus.start.button')}
      </button>
    </section>
  );
}
