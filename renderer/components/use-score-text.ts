import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FidelitySummary } from '../../electron/contract/entities.ts';
import { formatBounds, formatMean, formatTotal } from '../../scales/review-rules/total-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

/** What a score's text needs: a review's FidelitySummary, or any answer that carries one. */
export type ScoreFacts = Pick<FidelitySummary, 'total' | 'totalDecimals' | 'estimate' | 'ratedItems' | 'totalItems' | 'meanScore' | 'lowerBound' | 'upperBound'>;

/**
 * A review's total as text in the UI language (formatTotal): "112", or for a partial review the estimate with
 * everything it rests on, "107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)"; below
 * the scale's minimum of rated items only the mean and the bounds. ScoreValue, charts, summaries and images use it.
 */
export function useScoreText(): (score: ScoreFacts) => string {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return useCallback(
    (score) => {
      const facts = { rated: score.ratedItems, items: score.totalItems, mean: formatMean(score, language), bounds: formatBounds(score, language) };
      if (score.total !== null) return score.estimate ? t('score.estimate', { total: formatTotal(score, language), ...facts }) : formatTotal(score, language);
      if (score.meanScore !== null) return t('score.meanOnly', facts);
      return t('score.notRated');
    },
    [t, language],
  );
}
