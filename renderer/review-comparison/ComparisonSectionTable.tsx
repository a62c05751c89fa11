import { useTranslation } from 'react-i18next';
import type { ComparableReview, ReviewComparisonResult } from '../../electron/contract/review-comparison-contract.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { ItemChangeText } from './ItemChangeText.tsx';
import { useReviewLabel } from './use-review-label.ts';

type Compared = Extract<ReviewComparisonResult, { comparable: true }>;
type Outcome = Compared['items'][number]['before'];

interface ComparisonSectionTableProps {
  title: string;
  section: Compared['sections'][number];
  items: Compared['items'];
  itemTitle: (item: number) => string;
  reviews: readonly [ComparableReview, ComparableReview];
}

/** One section of the scale: each item's score in both reviews and its change, and the section's subtotals. */
export function ComparisonSectionTable({ title, section, items, itemTitle, reviews }: ComparisonSectionTableProps) {
  const { t } = useTranslation();
  const reviewLabel = useReviewLabel();
  const caption = t('reviewComparison.table.caption', { section: title });
  const outcome = (o: Outcome) =>
    o.score !== null ? <span className="score-figure">{o.score}</span>
    : o.reason ? <span className="muted">{t('reviewComparison.notRated', { reason: t(`review.reason.${o.reason as 'no-data'}`) })}</span>
    : <span className="muted">{t('reviewComparison.undecided')}</span>;
  const subtotal = (s: Compared['sections'][number]['before']) =>
    t('reviewComparison.table.subtotalValue', { sum: s.rawTotal, rated: s.ratedItems, items: section.totalItems });
  return (
    <section aria-labelledby={`comparison-section-${section.key}`} className="comparison-section">
      <h3 id={`comparison-section-${section.key}`}>{title}</h3>
      <ScrollRegion label={caption}>
        <table className="data-table comparison-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="comparison-table__item">
                {t('reviewComparison.table.item')}
              </th>
              {reviews.map((review) => (
                <th scope="col" key={review.id}>
                  {reviewLabel(review)}
                </th>
              ))}
              <th scope="col">{t('reviewComparison.table.change')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.item}>
                <th scope="row">{t('reviewComparison.itemTitle', { number: item.item, title: itemTitle(item.item) })}</th>
                <td>{outcome(item.before)}</td>
                <td>{outcome(item.after)}</td>
                <td>
                  <ItemChangeText change={item.change} difference={item.difference} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reviewComparison.table.subtotal')}</th>
              <td>{subtotal(section.before)}</td>
              <td>{subtotal(section.after)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}
