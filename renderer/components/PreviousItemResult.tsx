import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviousItemResult as PreviousItem } from '../../electron/contract/previous-review-contract.ts';
import { useFormat } from '../i18n/use-format.ts';
import './previous-result.css';

interface PreviousItemResultProps {
  /** First visit date of the previous final review. */
  visitDate: string;
  result: PreviousItem | null;
  /** The heading level where the panel sits (3 in the editor's item panel, 4 inside a consensus table section). */
  level?: 3 | 4;
}

/** The item's final result in the site's previous review: score (or not-rated reason), evidence, recommendation. */
export function PreviousItemResult({ visitDate, result, level = 3 }: PreviousItemResultProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const Subheading = level === 3 ? 'h4' : 'h5';
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
      <Heading id={`${id}-heading`} className="previous-result__heading">
        {t('review.previousReview.heading')} <span className="previous-result__date">({t('review.previousReview.visited', { date: format.date(visitDate) })})</span>
      </Heading>
      <p className="previous-result__score">{outcome}</p>
      <Subheading className="previous-result__subheading">{t('review.item.evidence')}</Subheading>
      {text(result?.evidence)}
      <Subheading className="previous-result__subheading">{t('review.item.recommendation')}</Subheading>
      {text(result?.recommendation)}
    </section>
  );
}
