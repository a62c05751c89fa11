import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviousItemResult as PreviousItem } from '../../electron/contract/previous-review-contract.ts';
import { useFormat } from '../i18n/use-format.ts';

interface PreviousItemResultProps {
  /** First visit date of the previous final review. */
  visitDate: string;
  result: PreviousItem | null;
}

/** The item's final result in the site's previous review: score (or not-rated reason), evidence, recommendation. */
export function PreviousItemResult({ visitDate, result }: PreviousItemResultProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const text = (value: string | null | undefined) =>
    value && value.trim() !== '' ? <p className="previous-result__text">{value}</p> : <p className="muted">{t('review.previousReview.empty')}</p>;
  const outcome =
    result?.score != null ? t('review.previousReview.score', { score: result.score })
    : result?.reason ? t('review.previousReview.notRated', { reason: t(`review.reason.${result.reason as 'no-data'}`) })
    : t('review.previousReview.noResult');
  return (
    <section className="previous-result" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {t('review.previousReview.heading')} <span className="previous-result__date">({t('review.previousReview.visited', { date: format.date(visitDate) })})</span>
      </h3>
      <p className="previous-result__score">{outcome}</p>
      <h4>{t('review.item.evidence')}</h4>
      {text(result?.evidence)}
      <h4>{t('review.item.recommendation')}</h4>
      {text(result?.recommendation)}
    </section>
  );
}
