import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ApiClientError } from '../platform/api-client.ts';
import type { SaveSnapshot } from '../platform/save-queue.ts';
import type { SaveTarget } from './use-review-session.ts';

interface SaveStatusProps {
  state: SaveSnapshot<SaveTarget>;
  onRetry: () => void;
}

/**
 * The editor's saved state, in a polite live region: "Tallennetaan…", "Tallennettu", or a failure. A failed
 * save lists what is not saved yet (the values stay on screen), says whether it is retried by itself, and can
 * be retried at once.
 */
export function SaveStatus({ state, onRetry }: SaveStatusProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const failed = state.failures.length > 0;
  const retrying = failed && state.failures.every((f) => f.retrying);
  const message = failed
    ? retrying ? t('review.save.failedRetrying') : t('review.save.failed')
    : state.busy ? t('review.save.saving')
    : state.savedCount > 0 ? t('review.save.saved')
    : '';
  const what = (target: SaveTarget) =>
    target.kind === 'rating' ? t('review.save.what.rating', { item: target.item })
    : target.kind === 'recommendation' ? t('review.save.what.recommendation', { item: target.item })
    : target.kind === 'overall' ? t('review.save.what.overall')
    : t('review.save.what.strengths');
  const why = (error: unknown) => {
    if (!(error instanceof ApiClientError)) return t('errors.internal');
    if (error.issues.some((issue) => issue.code === 'justification-required')) return t('review.save.justificationRequired');
    return errorMessage(error);
  };
  return (
    <div className={failed ? 'save-status save-status--failed' : 'save-status'}>
      <p className="save-status__message">
        {failed && (
          <span aria-hidden="true" className="save-status__icon">
            {'⚠'}
          </span>
        )}
        {!failed && !state.busy && state.savedCount > 0 && (
          <span aria-hidden="true" className="save-status__icon">
            {'✓'}
          </span>
        )}
        <span role="status">{message}</span>
      </p>
      {failed && (
        <div className="save-status__failures">
          <ul>
            {state.failures.map((failure) => (
              <li key={failure.key}>{t('review.save.failure', { what: what(failure.describe), why: why(failure.error) })}</li>
            ))}
          </ul>
          <button type="button" onClick={onRetry}>
            {t('review.save.retryNow')}
          </button>
        </div>
      )}
    </div>
  );
}
