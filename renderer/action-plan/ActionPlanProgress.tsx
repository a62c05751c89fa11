import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useProgressText } from './use-progress-text.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

/**
 * The site page's view of its action plans: per review, "4/7 tehty, 1 myöhässä" (free rows counted, and named), or
 * how many rows the review proposes for a plan not made yet; each links to the review's plan.
 */
export function ActionPlanProgress({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const progressText = useProgressText();
  const progress = useApiQuery('actionPlan.siteProgress', { siteId });

  // Shown once known (no flash of an empty section), and not at all for a site without reviews: there is
  // nothing to plan, and the reviews section above already says so.
  if ((!progress.data && progress.status !== 'error') || progress.data?.length === 0) return null;
  return (
    <section aria-labelledby="site-action-plans-heading" className="action-plan-progress">
      <h2 id="site-action-plans-heading">{t('actionPlan.site.heading')}</h2>
      {progress.status === 'error' && <ErrorAlert message={errorMessage(progress.error)} onRetry={progress.reload} />}
      {progress.data && (
        <ScrollRegion label={t('actionPlan.site.caption')}>
          <table className="data-table action-plan-progress__table">
            <caption className="visually-hidden">{t('actionPlan.site.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actionPlan.site.review')}</th>
                <th scope="col">{t('actionPlan.site.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.map((plan) => (
                <tr key={plan.reviewId}>
                  <th scope="row">
                    <a href={hrefFor({ name: 'action-plan', reviewId: plan.reviewId })}>
                      {t('actionPlan.site.reviewLabel', { kind: t(`reviewKind.${plan.kind}`), dates: plan.visitDates.map(format.date).join(', ') })}
                    </a>
                  </th>
                  <td>
                    {plan.rows > 0
                      ? plan.freeRows > 0 ? `${progressText(plan)} (${t('actionPlan.site.freeRows', { count: plan.freeRows })})` : progressText(plan)
                      : plan.candidates > 0
                        ? `${t('actionPlan.site.noPlan')} – ${t('actionPlan.site.candidates', { count: plan.candidates })}`
                        : t('actionPlan.site.noPlan')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
