import { useTranslation } from 'react-i18next';
import type { ReviewerRating } from '../../electron/contract/entities.ts';
import { isReason } from './consensus-choice.ts';

/** One reviewer's own rating of an item, read-only: the score, or "not rated" with the reason and its note. */
export function ReviewerRatingCell({ rating }: { rating: ReviewerRating | undefined }) {
  const { t } = useTranslation();
  if (!rating || (rating.score === null && !rating.reason)) return <span className="muted">{t('consensus.noRating')}</span>;
  if (rating.score !== null) return <span className="score-figure">{rating.score}</span>;
  const reason = rating.reason && isReason(rating.reason) ? t(`consensus.reasons.${rating.reason}`) : rating.reason;
  return (
    <>
      <span>{t('consensus.notRated', { reason })}</span>
      {rating.reasonNote && <span className="cell-note">{rating.reasonNote}</span>}
    </>
  );
}
