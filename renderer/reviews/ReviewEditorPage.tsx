import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { PreviousActionPlan } from '../action-plan/PreviousActionPlan.tsx';
import { ReviewEditor } from './ReviewEditor.tsx';
import { useReviewDetail } from './use-review-detail.ts';
import './review-editor.css';
import './item-panel.css';

/** The review editor: loads the review (as the chosen reviewer sees it) and its scale version. */
export function ReviewEditorPage({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useReviewDetail(reviewId);
  const detail = review.detail;
  useDocumentTitle(detail ? t('review.editor.documentTitle', { site: detail.site.name, id: detail.id }) : null);

  return (
    <div className="review-editor-page">
      {detail && (
        <p>
          <a href={hrefFor({ name: 'site', siteId: detail.siteId })} className="back-link">
            {t('review.editor.backToSite', { site: detail.site.name })}
          </a>
        </p>
      )}
      {review.query.status === 'error' && (
        <ErrorAlert message={errorMessage(review.query.error)} onRetry={review.query.error.code === 'not-found' ? undefined : review.query.reload} />
      )}
      {review.query.status === 'error' && review.query.error.code === 'not-found' && (
        <p>
          <a href={hrefFor({ name: 'sites' })}>{t('app.toSites')}</a>
        </p>
      )}
      {!detail && review.query.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {/* A follow-up review: the plan made after the site's previous review, with each row's status (issue 13). */}
      {detail && <PreviousActionPlan reviewId={reviewId} collapsible />}
      {detail && <ReviewEditor detail={detail} review={review} />}
    </div>
  );
}
