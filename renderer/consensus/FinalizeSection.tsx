import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { consensusControlId } from './ConsensusChoiceField.tsx';

interface FinalizeSectionProps {
  reviewId: number;
  /** Items whose consensus change is not stored yet: finalizing waits for them. */
  unsavedItems: number;
  /** Items still undecided in the result, as the backend last reported them (reviews.get checks.undecided). */
  undecided: readonly number[];
  itemTitle: (item: number) => string;
  /** After the review became final, or when the backend refused (to reload its checks). */
  onChanged: () => void;
}

/** The items a refusal names (details.items: [4, 9]), if it names any. */
const undecidedOf = (error: ApiClientError): number[] | null => {
  const items = (error.apiError.details as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0) return null;
  return items.every((n) => Number.isInteger(n) && n > 0) ? (items as number[]) : null;
};

/**
 * Finalizing locks the review for good (corrections become an amendment), so it asks once more. The backend
 * refuses while some item is undecided; the items are listed with a way to jump to each.
 */
export function FinalizeSection({ reviewId, unsavedItems, undecided, itemTitle, onChanged }: FinalizeSectionProps) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  const [refused, setRefused] = useState<readonly number[] | null>(null);
  const [waitNotice, setWaitNotice] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function finalize() {
    if (unsavedItems > 0) {
      setWaitNotice(true);
      return;
    }
    setWaitNotice(false);
    setBusy(true);
    setError(null);
    try {
      await api.call('reviews.setStatus', { id: reviewId, status: 'final' });
      setRefused(null);
      onChanged();
    } catch (caught) {
      const apiError = asApiClientError('reviews.setStatus', caught);
      setError(apiError);
      setRefused(undecidedOf(apiError));
      setConfirming(false);
      onChanged(); // reloads the review, and with it checks.undecided
      requestAnimationFrame(() => startRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  // The items the refusal named, else the backend's current list of undecided items.
  const listed = error ? (refused ?? undecided) : null;
  return (
    <section className="panel finalize-panel" aria-labelledby="finalize-heading">
      <h2 id="finalize-heading">{t('consensus.finalize.heading')}</h2>
      <p>{t('consensus.finalize.explanation')}</p>
      {undecided.length > 0 && !error && <p className="muted">{t('consensus.finalize.undecidedCount', { count: undecided.length })}</p>}
      {error && (
        <div role="alert" className="error-alert finalize-error">
          <p>{listed && listed.length > 0 ? t('consensus.finalize.refused', { count: listed.length }) : errorMessage(error)}</p>
          {listed && listed.length > 0 && (
            <ul className="undecided-list">
              {listed.map((item) => (
                <li key={item}>
                  <button type="button" className="link-button" onClick={() => document.getElementById(consensusControlId(item))?.focus()}>
                    {t('consensus.finalize.goToItem', { item: itemTitle(item) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {waitNotice && unsavedItems > 0 && <ErrorAlert message={t('consensus.finalize.unsaved')} />}
      {!confirming ? (
        <button
          ref={startRef}
          type="button"
          className="primary"
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
        >
          {t('consensus.finalize.button')}
        </button>
      ) : (
        <div className="confirm-box" role="group" aria-labelledby="finalize-confirm-question">
          <p id="finalize-confirm-question">{t('consensus.finalize.question')}</p>
          <div className="dialog-actions">
            <button ref={confirmRef} type="button" className="primary" disabled={busy} onClick={() => void finalize()}>
              {t('consensus.finalize.confirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => startRef.current?.focus());
              }}
            >
              {t('consensus.finalize.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
