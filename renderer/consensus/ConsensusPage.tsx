import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ConsensusWorkspace } from './ConsensusWorkspace.tsx';
import { ReviewerProgress } from './ReviewerProgress.tsx';
import { ReviewHeader } from '../components/ReviewHeader.tsx';
import { StartConsensus } from './StartConsensus.tsx';
import './consensus.css';

/**
 * The consensus view of a review with two or more reviewers (#/reviews/ID/consensus): who has completed their
 * own ratings; then starting consensus; then both ratings side by side with the consensus, agreement figures,
 * the live result and finalizing; read-only once final.
 */
export function ConsensusPage({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useApiQuery('reviews.get', { id: reviewId });
  const title = review.data ? t('consensus.title', { site: review.data.site.name }) : null;
  useDocumentTitle(title);

  return (
    <div className="consensus-page">
      {review.status === 'error' && (
        <ErrorAlert message={errorMessage(review.error)} onRetry={review.error.code === 'not-found' ? undefined : review.reload} />
      )}
      {!review.data && review.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {review.data && title && (
        <>
          <ReviewHeader
            review={review.data}
            title={title}
            links={<a href={hrefFor({ name: 'visit-plan', reviewId })}>{t('consensus.header.toPlan')}</a>}
          />
          <ConsensusPhase review={review.data} reload={review.reload} />
        </>
      )}
    </div>
  );
}

function ConsensusPhase({ review, reload }: { review: ReviewDetail; reload: () => void }) {
  const { t } = useTranslation();
  const [justStarted, setJustStarted] = useState(false);
  if (review.reviewers.length < 2) {
    return (
      <p className="empty-state">
        {t('consensus.needsTwo')} <a href={hrefFor({ name: 'review', reviewId: review.id })}>{t('consensus.toEditor')}</a>
      </p>
    );
  }
  const allComplete = review.reviewers.every((r) => r.completedAt !== null);
  if (review.status === 'draft') {
    return (
      <>
        {!allComplete && <p className="intro">{t('consensus.waiting.explanation')}</p>}
        <ReviewerProgress reviewers={review.reviewers} />
        {allComplete && (
          <StartConsensus
            reviewId={review.id}
            onStarted={() => {
              setJustStarted(true);
              reload();
            }}
          />
        )}
      </>
    );
  }
  return <ConsensusWorkspace review={review} reload={reload} focusHeading={justStarted} />;
}
