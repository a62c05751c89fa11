import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonReviewResult } from '../../electron/contract/comparison-contract.ts';
import { formatDecimal } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

/** A review's total as text: "104", "98,8 (arvio 20/25)", or "ei kokonaispisteitä". Stable per language. */
export function useTotalText(): (review: Pick<ComparisonReviewResult, 'total' | 'estimate' | 'ratedItems' | 'totalItems'>) => string {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return useCallback(
    (review) => {
      if (review.total === null) return t('comparison.noTotal');
      // As ScoreValue on the site page: an estimate always with its decimal, a whole total without.
      const total = formatDecimal(review.total, language, review.estimate || !Number.isInteger(review.total) ? 1 : 0);
      return review.estimate ? t('score.estimate', { total, rated: review.ratedItems, items: review.totalItems }) : total;
    },
    [t, language],
  );
}
