import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ApiClientError } from '../platform/api-client.ts';
import type { SaveSnapshot } from '../platform/save-queue.ts';

/** What a queued save is about: the row as messages name it ("kriteeri 4", or a free row's title). */
export interface PlanSaveTarget {
  label: string;
}

/**
 * The plan's saved state in a polite live region, like the review editor's: saving, all saved, or what is not
 * saved and why (the values stay in their fields), with a retry button.
 */
export function ActionPlanSaveStatus({ state, invalidDates = [], blankTitles = 0, onRetry }: {
  state: SaveSnapshot<PlanSaveTarget>;
  /** Rows (their labels) whose due date is typed wrong: not saved, whatever the queue says. */
  invalidDates?: readonly string[];
  /** Free rows whose title field is blank: the title is not saved. */
  blankTitles?: number;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const failed = state.failures.length > 0 || invalidDates.length > 0 || blankTitles > 0;
  const message = invalidDates.length > 0
    ? t('actionPlan.save.invalidDates', { items: invalidDates.join(', '), count: invalidDates.length })
    : blankTitles > 0 ? t('actionPlan.save.blankTitles', { count: blankTitles })
    : failed
    ? state.failures.every((f) => f.retrying) ? t('actionPlan.save.failedRetrying') : t('actionPlan.save.failed')
    : state.busy ? t('actionPlan.save.saving')
    : state.savedCount > 0 ? t('actionPlan.save.saved')
    : '';
  const why = (error: unknown) => (error instanceof ApiClientError ? errorMessage(error) : t('errors.internal'));
  return (
    <div className={failed ? 'save-status save-status--failed' : 'save-status'}>
      <p className="save-status__message">
        {(failed || (!state.busy && state.savedCount > 0)) && (
          <span aria-hidden="true" className="save-status__icon">
            {failed ? '⚠' : '✓'}
          </span>
        )}
        <span role="status">{message}</span>
      </p>
      {state.failures.length > 0 && (
        <div className="save-status__failures">
          <ul>
            {state.failures.map((failure) => (
              <li key={failure.key}>{t('actionPlan.save.failure', { label: failure.describe.label, why: why(failure.error) })}</li>
            ))}
          </ul>
          <button type="button" onClick={onRetry}>
            {t('actionPlan.save.retryNow')}
          </button>
        </div>
      )}
    </div>
  );
}
