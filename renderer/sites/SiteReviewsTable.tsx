import { useTranslation } from 'react-i18next';
import type { ReviewSummary } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { ScaleDiffersMarker } from '../components/ScaleDiffersMarker.tsx';
import { ScoreValue } from '../components/ScoreValue.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { useScoreBand } from '../scales/band-labels.tsx';
import { useScaleName } from '../scales/use-scale-name.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { comparableStatus } from '../../scales/review-rules/workflow.ts';
import './site-reviews-table.css';

/** A site's reviews, newest first as the API gives them: kind, visit dates, status, total and band. */
export function SiteReviewsTable({ reviews }: { reviews: readonly ReviewSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreBand = useScoreBand();
  const scaleName = useScaleName();
  // Two reviews with a visible result (final or consensus) can be compared item by item.
  const comparable = reviews.filter((review) => comparableStatus(review.status)).length;
  return (
    <>
      <ScrollRegion label={t('site.table.caption')}>
        <table className="data-table reviews-table">
          <caption className="visually-hidden">{t('site.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('site.table.kind')}</th>
              <th scope="col">{t('site.table.dates')}</th>
              <th scope="col">{t('site.table.status')}</th>
              <th scope="col">{t('site.table.total')}</th>
              <th scope="col">{t('site.table.band')}</th>
              <th scope="col">{t('site.table.scale')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.id}>
                <th scope="row">
                  <a href={hrefFor({ name: 'review', reviewId: review.id })}>{t(`reviewKind.${review.kind}`)}</a>
                  {review.reviewingOrganisation && <span className="review-organisation">{review.reviewingOrganisation}</span>}
                </th>
                <td>{review.visitDates.map(format.date).join(', ')}</td>
                <td className="nowrap">{t(`reviewStatus.${review.status}`)}</td>
                <td className="wrap-words">
                  <ScoreValue score={review.score} />
                </td>
                <td className="nowrap">{scoreBand(review.score, review.scale)}</td>
                <td>
                  {scaleName(review.scale)}
                  {review.scale.differsFromShipped && <> <ScaleDiffersMarker /></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {comparable >= 2 && reviews[0] && (
        <p className="site-compare-link">
          <a href={hrefFor({ name: 'site-compare', siteId: reviews[0].siteId })}>{t('reviewComparison.link')}</a>
        </p>
      )}
    </>
  );
}
