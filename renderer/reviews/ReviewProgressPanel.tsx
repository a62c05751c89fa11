import { localDate } from '../../scales/review-rules/local-date.ts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import type { EditorMode } from './editor-mode.ts';
import { FinalizeControl } from './FinalizeControl.tsx';
import { ItemNumberList } from './ItemNumberList.tsx';

interface ReviewProgressPanelProps {
  detail: ReviewDetail;
  mode: EditorMode;
  /** Nothing waits to be saved: completing or finalizing acts on what is stored. */
  allSaved: boolean;
  /** Items left unrated for lack of data: a follow-up task before leaving the site. */
  collectBeforeLeaving: readonly number[];
  titleOf: (item: number) => string;
  onGoToItem: (item: number) => void;
  reloadDetail: () => void;
}

/**
 * The way forward from here: each reviewer marks their ratings complete (then the consensus view), or a review
 * with one reviewer (and an amendment) is finalized. Items without evidence are listed before either.
 */
export function ReviewProgressPanel({ detail, mode, allSaved, collectBeforeLeaving, titleOf, onGoToItem, reloadDetail }: ReviewProgressPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<ApiClientError | null>(null);
  const busy = useRef(false);

  if (mode.kind === 'final') return null;
  if (mode.kind === 'consensus-elsewhere') {
    return (
      <section className="side-panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('review.consensusElsewhere.title')}</h2>
        <p>
          <a href={hrefFor({ name: 'consensus', reviewId: detail.id })}>{t('review.consensusElsewhere.link')}</a>
        </p>
      </section>
    );
  }

  const missing = (
    <>
      <ItemNumberList id="collect-before-leaving-title" title={t('review.checks.collectBeforeLeaving')} items={collectBeforeLeaving} titleOf={titleOf} onGoToItem={onGoToItem} />
      <ItemNumberList id="missing-evidence-title" title={t('review.checks.missingEvidence')} items={detail.checks.missingEvidence} titleOf={titleOf} onGoToItem={onGoToItem} />
    </>
  );

  if (mode.kind === 'reviewer' && detail.reviewers.length > 1) {
    const me = detail.reviewers.find((r) => r.id === mode.reviewerId);
    const allComplete = detail.reviewers.every((r) => r.completedAt !== null);
    async function setComplete(complete: boolean) {
      if (busy.current) return;
      busy.current = true;
      try {
        await api.call('reviewers.setComplete', { reviewId: detail.id, reviewerId: mode.kind === 'reviewer' ? mode.reviewerId : 0, complete });
        setError(null);
        reloadDetail();
      } catch (caught) {
        setError(asApiClientError('reviewers.setComplete', caught));
      } finally {
        busy.current = false;
      }
    }
    return (
      <section className="side-panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('review.reviewers.title')}</h2>
        <ul className="reviewer-states">
          {detail.reviewers.map((reviewer) => (
            <li key={reviewer.id}>
              <span className="reviewer-states__name">{reviewer.name}</span>{' '}
              <span className={reviewer.completedAt ? 'reviewer-states__state is-complete' : 'reviewer-states__state'}>
                {reviewer.completedAt ? t('review.reviewers.completeOn', { date: format.date(localDate(new Date(reviewer.completedAt))) }) : t('review.reviewers.inProgress')}
              </span>
            </li>
          ))}
        </ul>
        {error && <ErrorAlert message={errorMessage(error)} />}
        {!mode.locked && missing}
        {me && (
          <button type="button" className={mode.locked ? undefined : 'primary'} disabled={!allSaved} onClick={() => void setComplete(!mode.locked)}>
            {mode.locked ? t('review.reviewers.reopen', { name: me.name }) : t('review.reviewers.complete', { name: me.name })}
          </button>
        )}
        {!allSaved && <p className="field-hint">{t('review.checks.waitForSave')}</p>}
        {allComplete && (
          <p className="progress-next">
            <a href={hrefFor({ name: 'consensus', reviewId: detail.id })}>{t('review.reviewers.toConsensus')}</a>
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="side-panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('review.finalize.title')}</h2>
      {missing}
      <FinalizeControl detail={detail} allSaved={allSaved} titleOf={titleOf} onGoToItem={onGoToItem} reloadDetail={reloadDetail} />
    </section>
  );
}
