import { useTranslation } from 'react-i18next';
import './scores-lowest-advice.css';

interface ScoresLowestAdviceProps {
  /** Shown only while "the service model differs" is chosen on an item the scale scores lowest in that case. */
  shown: boolean;
  /** The item's lowest score (1 on IPS-25). */
  score: number;
  onScore: () => void;
}

/**
 * The published scale has no "not applicable": where an item's lowest anchor describes a service lacking what the
 * item asks (scoresLowestWhenModelDiffers), it says so and offers that score. A polite live region, so the advice
 * is announced when it appears. Used by the editor's not-rated dialog and by consensus.
 */
export function ScoresLowestAdvice({ shown, score, onScore }: ScoresLowestAdviceProps) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite">
      {shown && (
        <div className="review-notice not-rated-advice">
          <p>{t('review.notRated.scoresLowest', { score })}</p>
          <button type="button" onClick={onScore}>
            {t('review.notRated.scoreLowest', { score })}
          </button>
        </div>
      )}
    </div>
  );
}
