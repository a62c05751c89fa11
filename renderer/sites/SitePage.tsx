import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPlanProgress } from '../action-plan/ActionPlanProgress.tsx';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useRegionNames } from '../components/use-region-name.ts';
import { CollaborationModelDescription, CollaborationModelText } from './CollaborationModelText.tsx';
import { UnlistedRegionPrompt } from './UnlistedRegionPrompt.tsx';
import { EmploymentOutcomes } from './EmploymentOutcomes.tsx';
import { SiteReviewsTable } from './SiteReviewsTable.tsx';
import { SiteTrendChart } from './SiteTrendChart.tsx';
import './sites.css';

/** One site: its details and its reviews. The review editor comes with the reviewer's workflow. */
export function SitePage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const site = useApiQuery('sites.get', { id: siteId });
  const reviews = useApiQuery('reviews.listForSite', { siteId });
  useDocumentTitle(site.data?.name ?? null);
  const regions = useRegionNames();
  const [status, setStatus] = useState<string | null>(null);

  return (
    <div className="site-page">
      <p>
        <a href={hrefFor({ name: 'sites' })} className="back-link">
          {t('site.back')}
        </a>
      </p>
      {site.status === 'error' && <ErrorAlert message={errorMessage(site.error)} onRetry={site.error.code === 'not-found' ? undefined : site.reload} />}
      {site.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {site.data && (
        <>
          <h1>{site.data.name}</h1>
          <section aria-labelledby="site-details-heading">
            <h2 id="site-details-heading" className="visually-hidden">
              {t('site.details')}
            </h2>
            <dl className="site-details">
              <div>
                <dt>{t('sites.table.region')}</dt>
                <dd>
                  {regions.nameOf(site.data.region) ?? t('sites.noValue')}
                  {site.data.region && site.data.region.code === null && <span className="region-unlisted">{t('regions.unlistedBadge')}</span>}
                </dd>
              </div>
              <div>
                <dt>{t('sites.table.organisation')}</dt>
                <dd>{site.data.organisation ?? t('sites.noValue')}</dd>
              </div>
              <div>
                <dt>{t('collaborationModel.label')}</dt>
                <dd>
                  <CollaborationModelText model={site.data.collaborationModel} note={site.data.collaborationNote} />
                  <CollaborationModelDescription model={site.data.collaborationModel} note={site.data.collaborationNote} />
                </dd>
              </div>
              <div>
                <dt>{t('sites.table.state')}</dt>
                <dd>{site.data.active ? t('sites.active') : t('sites.archived')}</dd>
              </div>
            </dl>
          </section>
          <UnlistedRegionPrompt
            site={site.data}
            onSaved={(saved) => {
              setStatus(t('regions.saved', { name: regions.nameOf(saved.region) ?? '' }));
              site.reload();
            }}
          />
          <StatusMessage message={status} />
          <section aria-labelledby="site-reviews-heading">
            <h2 id="site-reviews-heading">{t('site.reviews')}</h2>
            <p>
              <a href={hrefFor({ name: 'new-review', siteId })} className="new-review-link">
                {t('review.siteLinks.newReview')}
              </a>
            </p>
            {reviews.status === 'error' && <ErrorAlert message={errorMessage(reviews.error)} onRetry={reviews.reload} />}
            {reviews.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
            {reviews.data &&
              (reviews.data.length === 0 ? <p className="empty-state">{t('site.noReviews')}</p> : <SiteReviewsTable reviews={reviews.data} />)}
          </section>
          {reviews.data && <SiteTrendChart reviews={reviews.data} />}
          <EmploymentOutcomes siteId={siteId} />
          <ActionPlanProgress siteId={siteId} />
        </>
      )}
    </div>
  );
}
