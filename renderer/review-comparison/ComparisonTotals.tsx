import { useTranslation } from 'react-i18next';
import type { ComparableReview, ReviewComparisonResult } from '../../electron/contract/review-comparison-contract.ts';
import { useScoreText } from '../components/use-score-text.ts';
import { useScoreBand } from '../scales/band-labels.tsx';
import { useReviewLabel } from './use-review-label.ts';

type Compared = Extract<ReviewComparisonResult, { comparable: true }>;

/** Both reviews' total (an estimate says what it rests on), band and rated items, and how many items moved. */
export function ComparisonTotals({ reviews, comparison }: { reviews: readonly [ComparableReview, ComparableReview]; comparison: Compared }) {
  const { t } = useTranslation();
  const scoreText = useScoreText();
  const scoreBand = useScoreBand();
  const reviewLabel = useReviewLabel();
  const sides = [
    { review: reviews[0], score: comparison.before },
    { review: reviews[1], score: comparison.after },
  ];
  return (
    <section aria-labelledby="comparison-totals-heading" className="comparison-totals">
      <h2 id="comparison-totals-heading">{t('reviewComparison.summary.heading')}</h2>
      <table className="data-table comparison-totals__table">
        <caption className="visually-hidden">{t('reviewComparison.summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviewComparison.summary.measure')}</th>
            {sides.map(({ review }) => (
              <th scope="col" key={review.id}>
                {reviewLabel(review)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('reviewComparison.summary.total')}</th>
            {sides.map(({ review, score }) => (
              <td key={review.id} className="wrap-words">
                {scoreText(score)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('reviewComparison.summary.band')}</th>
            {sides.map(({ review, score }) => (
              <td key={review.id}>{scoreBand(score, review.scale)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('reviewComparison.summary.rated')}</th>
            {sides.map(({ review, score }) => (
              <td key={review.id}>{t('reviewComparison.summary.ratedValue', { rated: score.ratedItems, items: score.totalItems })}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="comparison-totals__counts">{t('reviewComparison.summary.counts', comparison.counts)}</p>
    </section>
  );
}
