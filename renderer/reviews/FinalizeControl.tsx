import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { ItemNumberList } from './ItemNumberList.tsx';

interface FinalizeControlProps {
  detail: ReviewDetail;
  allSaved: boolean;
  titleOf: (item: number) => string;
  onGoToItem: (item: number) => void;
  reloadDetail: () => void;
}

/**
 * "Finalize" in two steps (a final review is read-only; later corrections are amendments). The backend refuses
 * while items are undecided; those items are then listed, each a way to the item.
 */
export function FinalizeControl({ detail, allSaved, titleOf, onGoToItem, reloadDetail }: FinalizeControlProps) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const busy = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function finalize() {
    if (busy.current) return;
    busy.current = true;
    try {
      await api.call('reviews.setStatus', { id: detail.id, status: 'final' });
      setError(null);
      setConfirming(false);
    } catch (caught) {
      const apiError = asApiClientError('reviews.setStatus', caught);
      setRefused(apiError.code === 'conflict' && apiError.apiError.details?.reason === 'undecided-items');
      setError(apiError);
      setConfirming(false);
    } finally {
      busy.current = false;
      reloadDetail();
    }
  }

  const undecided = detail.checks.undecided;
  return (
    <div className="finalize">
      {error && <ErrorAlert message={refused ? t('review.finalize.refused') : errorMessage(error)} />}
      {(refused || confirming) && (
        <ItemNumberList id="undecided-title" tone={refused ? 'error' : 'warning'} title={t('review.checks.undecided')} items={undecided} titleOf={titleOf} onGoToItem={onGoToItem} />
      )}
      {confirming ? (
        <div className="finalize__confirm" role="group" aria-labelledby="finalize-confirm-text">
          <p id="finalize-confirm-text">{t('review.finalize.confirmText')}</p>
          <div className="dialog-actions">
            <button ref={confirmRef} type="button" className="primary" onClick={() => void finalize()}>
              {t('review.finalize.confirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => startRef.current?.focus());
              }}
            >
              {t('review.finalize.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={startRef} type="button" className="primary" disabled={!allSaved} onClick={() => setConfirming(true)}>
          {t('review.finalize.start')}
        </button>
      )}
      {!allSaved && <p className="field-hint">{t('review.checks.waitForSave')}</p>}
    </div>
  );
}
