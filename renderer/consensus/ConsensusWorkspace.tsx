import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { localized } from '../../scales/display-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { AgreementFigures } from './AgreementFigures.tsx';
import { ConsensusTable } from './ConsensusTable.tsx';
import { FinalizeSection } from './FinalizeSection.tsx';
import { ResultPanel } from './ResultPanel.tsx';

interface ConsensusWorkspaceProps {
  review: ReviewDetail;
  reload: () => void;
  /** Move focus to the workspace's heading (right after consensus was started from this page). */
  focusHeading?: boolean;
}

/** Consensus under way or final: agreement figures, the live result, the item table and finalizing. */
export function ConsensusWorkspace({ review, reload, focusHeading = false }: ConsensusWorkspaceProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const language = useUiLanguage();
  const scale = useApiQuery('scales.get', { id: review.scale.id, version: review.scale.version });
  const agreement = useApiQuery('scoring.agreement', { reviewId: review.id });
  // An amendment starts from the original's result and has no individual ratings to compare.
  const hasRatings = review.ratings.length > 0;
  const result = useApiQuery('scoring.review', { reviewId: review.id });
  const readOnly = review.status === 'final';
  const [pendingItems, setPendingItems] = useState<ReadonlySet<number>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const focused = useRef(false);
  const scaleLoaded = scale.data !== undefined;
  useEffect(() => {
    // Once, when the heading first exists (the scale has loaded).
    if (!focusHeading || focused.current || !scaleLoaded) return;
    focused.current = true;
    headingRef.current?.focus();
  }, [focusHeading, scaleLoaded]);

  const onPendingChange = useCallback((item: number, pending: boolean) => {
    setPendingItems((previous) => {
      if (previous.has(item) === pending) return previous;
      const next = new Set(previous);
      if (pending) next.add(item);
      else next.delete(item);
      return next;
    });
  }, []);
  const reloadResult = result.reload;
  const onSaved = useCallback(() => reloadResult(), [reloadResult]);
  const onFinalizeChanged = useCallback(() => {
    reload();
    reloadResult();
  }, [reload, reloadResult]);

  if (scale.status === 'error') return <ErrorAlert message={errorMessage(scale.error)} onRetry={scale.reload} />;
  if (!scale.data) return <p className="muted">{t('app.loading')}</p>;
  const scaleData = scale.data.scale;
  const itemTitle = (item: number) => {
    const definition = scaleData.items.find((i) => i.number === item);
    return t('consensus.itemTitle', { number: item, title: definition ? localized(definition.title, language) : '' });
  };
  // Undecided items as the live result has them (no score and no reason), so the count follows every save.
  const undecided = result.data ? result.data.notRated.filter((n) => n.reason === null).map((n) => n.item) : review.checks.undecided;

  return (
    <>
      {readOnly ? (
        <p className="notice notice--final">{t('consensus.final.notice')}</p>
      ) : (
        <p className="notice">{t('consensus.locked')}</p>
      )}
      {review.amendment && <p className="notice">{t('consensus.amendmentNotice', { reason: review.amendment.reason })}</p>}
      <div className="consensus-summary">
        {hasRatings && agreement.status === 'error' && <ErrorAlert message={errorMessage(agreement.error)} onRetry={agreement.reload} />}
        {hasRatings && agreement.data && <AgreementFigures agreement={agreement.data} />}
        {result.status === 'error' && <ErrorAlert message={errorMessage(result.error)} onRetry={result.reload} />}
        {result.data && <ResultPanel result={result.data} scale={scaleData} final={readOnly} />}
      </div>
      <section aria-labelledby="consensus-items-heading">
        <h2 id="consensus-items-heading" ref={headingRef} tabIndex={-1}>
          {t('consensus.table.heading')}
        </h2>
        <p className="muted">{readOnly ? t('consensus.table.introFinal') : t('consensus.table.intro')}</p>
        <ConsensusTable
          reviewId={review.id}
          scale={scaleData}
          reviewers={review.reviewers}
          ratings={review.ratings}
          consensus={review.consensus}
          recommendations={review.recommendations}
          readOnly={readOnly}
          onSaved={onSaved}
          onPendingChange={onPendingChange}
        />
      </section>
      {!readOnly && (
        <FinalizeSection reviewId={review.id} unsavedItems={pendingItems.size} undecided={undecided} itemTitle={itemTitle} onChanged={onFinalizeChanged} />
      )}
    </>
  );
}
