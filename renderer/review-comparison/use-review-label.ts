import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparableReview } from '../../electron/contract/review-comparison-contract.ts';
import { useFormat } from '../i18n/use-format.ts';

/** A review as the comparison names it: its first visit date and kind ("1.3.2025, Ulkoinen arviointi"). */
export function useReviewLabel(): (review: ComparableReview) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (review) => t('reviewComparison.review', { date: format.date([...review.visitDates].sort()[0] ?? ''), kind: t(`reviewKind.${review.kind}`) }),
    [t, format],
  );
}
