import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ReviewHeader } from '../components/ReviewHeader.tsx';
import { useApiQuery } from '../platform/use-api-query.ts';
import { CountersignSection } from './CountersignSection.tsx';
import { AttachReportSection } from './AttachReportSection.tsx';
import { RatingsExportSection } from './RatingsExportSection.tsx';
import { RatingsImportSection } from './RatingsImportSection.tsx';
import './laptops.css';

/**
 * Two reviewers, two laptops (#/reviews/ID/laptops): export my ratings as a signed file, import another
 * reviewer's, countersign the lead's report here, attach the countersigned report back (docs/reviewer-ratings-format.md).
 */
export function LaptopsPage({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useApiQuery('reviews.get', { id: reviewId });
  const identities = useApiQuery('identities.list', {});
  const title = review.data ? t('laptops.title', { site: review.data.site.name }) : null;
  useDocumentTitle(title);
  const failed = review.status === 'error' ? review : identities.status === 'error' ? identities : null;
  return (
    <div className="laptops-page">
      {failed?.error && <ErrorAlert message={errorMessage(failed.error)} onRetry={failed.reload} />}
      {(!review.data || !identities.data) && !failed && <p className="muted">{t('app.loading')}</p>}
      {review.data && identities.data && title && (
        <>
          <ReviewHeader review={review.data} title={title} links={<a href={hrefFor({ name: 'review', reviewId })}>{t('laptops.toReview')}</a>} />
          <p className="intro">{t('laptops.intro')}</p>
          <RatingsExportSection review={review.data} identities={identities.data} />
          <RatingsImportSection onImported={review.reload} />
          <CountersignSection review={review.data} identities={identities.data} />
          <AttachReportSection reviewId={reviewId} onAttached={review.reload} />
        </>
      )}
    </div>
  );
}
