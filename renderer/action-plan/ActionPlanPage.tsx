import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ReviewHeader } from '../components/ReviewHeader.tsx';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ActionPlanEditor } from './ActionPlanEditor.tsx';
import { ActionPlanExport } from './ActionPlanExport.tsx';
import { PreviousActionPlan } from './PreviousActionPlan.tsx';
import './action-plan.css';

/**
 * A review's action plan (#/reviews/ID/actions): the site's own improvement actions, about any item or free, proposed
 * from the review's recommendations and low scores; exported as PDF and CSV; and, for a follow-up review, the plan
 * of the review before it with each row's status. Editable whatever the review's status: the plan is the site's
 * working document.
 */
export function ActionPlanPage({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useApiQuery('reviews.get', { id: reviewId });
  const plan = useApiQuery('actionPlan.get', { reviewId });
  const title = review.data ? t('actionPlan.title', { site: review.data.site.name }) : null;
  useDocumentTitle(title);

  const failed = review.status === 'error' ? review : plan.status === 'error' ? plan : null;
  return (
    <div className="action-plan-page">
      {failed?.error && <ErrorAlert message={errorMessage(failed.error)} onRetry={failed.error.code === 'not-found' ? undefined : failed.reload} />}
      {(!review.data || !plan.data) && !failed && <p className="muted">{t('app.loading')}</p>}
      {review.data && title && (
        <>
          <ReviewHeader
            review={review.data}
            title={title}
            links={<a href={hrefFor({ name: 'report', reviewId })}>{t('actionPlan.toReport')}</a>}
          />
          <p className="intro">{t('actionPlan.intro')}</p>
          <p className="notice">{t('actionPlan.workingDocument')}</p>
          {/* Mounted once with the first answer: the editor then keeps the plan itself, with the user's edits. */}
          <PreviousActionPlan reviewId={reviewId} />
          {plan.data && <ActionPlanEditor initial={plan.data} />}
          {plan.data && <ActionPlanExport reviewId={reviewId} language={plan.data.language} />}
        </>
      )}
    </div>
  );
}
