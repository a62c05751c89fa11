import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ReviewHeader } from '../components/ReviewHeader.tsx';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ReportWorkspace } from './ReportWorkspace.tsx';
import './reports.css';

/**
 * A review's report (#/reviews/ID/report): the language, a PDF preview, signing (which finalizes the review),
 * and the signed report kept with the review.
 */
export function ReportPage({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useApiQuery('reviews.get', { id: reviewId });
  const report = useApiQuery('reports.get', { reviewId });
  const title = review.data ? t('reports.page.title', { site: review.data.site.name }) : null;
  useDocumentTitle(title);
  const failed = review.status === 'error' ? review.error : report.status === 'error' ? report.error : null;
  const reload = () => {
    review.reload();
    report.reload();
  };

  return (
    <div className="report-page">
      {failed && <ErrorAlert message={errorMessage(failed)} onRetry={failed.code === 'not-found' ? undefined : reload} />}
      {failed?.code === 'not-found' && (
        <p>
          <a href={hrefFor({ name: 'sites' })}>{t('app.toSites')}</a>
        </p>
      )}
      {!failed && (!review.data || report.data === undefined) && <p className="muted">{t('app.loading')}</p>}
      {review.data && report.data !== undefined && title && (
        <>
          <ReviewHeader review={review.data} title={title} />
          <ReportWorkspace review={review.data} signed={report.data} reload={reload} />
        </>
      )}
    </div>
  );
}
