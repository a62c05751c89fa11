import { useTranslation } from 'react-i18next';

/** A failure the user must notice (role="alert"), with an optional way to try again. */
export function ErrorAlert({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
