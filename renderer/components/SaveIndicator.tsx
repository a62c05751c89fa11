import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './use-error-message.ts';
import type { SaveState } from '../platform/use-autosave.ts';

interface SaveIndicatorProps {
  state: SaveState;
  onRetry: () => void;
  /** Shown instead of the generic error when the failure belongs to a field that says it itself. */
  handledAtField?: boolean;
}

/**
 * The visible saved state of one autosaved thing: "Tallennetaan…", "Tallennettu", or a failure with a retry
 * button. A polite live region, so a screen reader hears that the change was saved without losing its place.
 */
export function SaveIndicator({ state, onRetry, handledAtField = false }: SaveIndicatorProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (state.status === 'error') {
    return (
      <div role="alert" className="save-state save-state--error">
        <span>
          <span aria-hidden="true" className="save-state__icon">
            {'⚠'}
          </span>{' '}
          {handledAtField ? t('consensus.save.notSaved') : `${t('consensus.save.failed')} ${errorMessage(state.error)}`}
          {state.retrying && ` ${t('consensus.save.retrying')}`}
        </span>
        {!handledAtField && (
          <button type="button" className="small" onClick={onRetry}>
            {t('app.retry')}
          </button>
        )}
      </div>
    );
  }
  return (
    <p role="status" className={`save-state save-state--${state.status}`}>
      {state.status === 'saving' && t('consensus.save.saving')}
      {state.status === 'saved' && (
        <>
          <span aria-hidden="true" className="save-state__icon">
            {'✓'}
          </span>{' '}
          {t('consensus.save.saved')}
        </>
      )}
    </p>
  );
}
