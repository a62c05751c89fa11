import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparableReview, ReviewComparisonResult } from '../../electron/contract/review-comparison-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useScaleName } from '../scales/use-scale-name.ts';
import { ComparisonChart } from './ComparisonChart.tsx';
import { ComparisonSectionTable } from './ComparisonSectionTable.tsx';
import { ComparisonTotals } from './ComparisonTotals.tsx';
import { ReviewPairPicker } from './ReviewPairPicker.tsx';
import { useReviewLabel } from './use-review-label.ts';
import './review-comparison.css';

/**
 * A site's two reviews side by side, item by item (#/sites/ID/compare, issue 13): by default the newest final
 * review and the final one before it; any two of its final or consensus reviews on request.
 */
export function ReviewComparisonPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const site = useApiQuery('sites.get', { id: siteId });
  const [pair, setPair] = useState<[number, number] | undefined>(undefined);
  const compared = useApiQuery('reviews.compareTwo', pair ? { siteId, reviewIds: pair } : { siteId });
  const siteName = site.data?.name ?? '';
  useDocumentTitle(site.data ? t('reviewComparison.title', { site: siteName }) : null);
  const data = compared.data;
  const chosen = data?.chosen ? (data.chosen.map((id) => data.candidates.find((c) => c.id === id)!) as [ComparableReview, ComparableReview]) : null;

  return (
    <div className="review-comparison-page">
      <p>
        <a href={hrefFor({ name: 'site', siteId })} className="back-link">
          {t('reviewComparison.back')}
        </a>
      </p>
      {site.status === 'error' && <ErrorAlert message={errorMessage(site.error)} />}
      {site.data && <h1>{t('reviewComparison.title', { site: siteName })}</h1>}
      <p>{t('reviewComparison.intro')}</p>
      {compared.status === 'error' && <ErrorAlert message={errorMessage(compared.error)} onRetry={compared.reload} />}
      {!data && compared.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {data && !chosen && <p className="empty-state">{t('reviewComparison.tooFew')}</p>}
      {data && chosen && (
        <>
          <ReviewPairPicker key={chosen.map((r) => r.id).join('-')} candidates={data.candidates} chosen={[chosen[0].id, chosen[1].id]} onCompare={setPair} />
          {data.comparison?.comparable === false && <IncomparableNotice reviews={chosen} />}
          {data.comparison?.comparable && <Comparison reviews={chosen} comparison={data.comparison} />}
        </>
      )}
    </div>
  );
}

function IncomparableNotice({ reviews }: { reviews: readonly [ComparableReview, ComparableReview] }) {
  const { t } = useTranslation();
  const scaleName = useScaleName();
  const scaleText = (review: ComparableReview) => scaleName(review.scale);
  return (
    <p className="notice comparison-incomparable" role="status">
      {t('reviewComparison.incomparable', { first: scaleText(reviews[0]), second: scaleText(reviews[1]) })}
    </p>
  );
}

type Compared = Extract<ReviewComparisonResult, { comparable: true }>;

/** The totals, a table per section and the chart, framed by the later review's scale version. */
function Comparison({ reviews, comparison }: { reviews: readonly [ComparableReview, ComparableReview]; comparison: Compared }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const reviewLabel = useReviewLabel();
  const scale = useApiQuery('scales.get', { id: reviews[1].scale.id, version: reviews[1].scale.version });
  const data = scale.data?.scale;
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const titleOf = (item: number) => localized(data.items.find((i) => i.number === item)?.title ?? {}, language);
  return (
    <>
      <ComparisonTotals reviews={reviews} comparison={comparison} />
      <section aria-labelledby="comparison-items-heading">
        <h2 id="comparison-items-heading">{t('reviewComparison.table.heading')}</h2>
        {comparison.sections.map((section) => (
          <ComparisonSectionTable
            key={section.key}
            title={localized(data.sections.find((s) => s.key === section.key)?.title ?? {}, language)}
            section={section}
            items={comparison.items.filter((i) => i.section === section.key)}
            itemTitle={titleOf}
            reviews={reviews}
          />
        ))}
      </section>
      <ComparisonChart key={reviews.map(reviewLabel).join('|')} reviews={reviews} comparison={comparison} range={data.scoring.itemRange} />
    </>
  );
}
