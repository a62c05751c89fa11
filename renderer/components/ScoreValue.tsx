import { useTranslation } from 'react-i18next';
import type { FidelitySummary } from '../../electron/contract/entities.ts';
import { useFormat } from '../i18n/use-format.ts';

/**
 * A review's total in the UI locale: "112", or for a partial review the prorated total with its estimate
 * marker, "107,4 (arvio 17/25)"; below the scale's minimum of rated items only the mean item score.
 */
export function ScoreValue({ score }: { score: FidelitySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = { rated: score.ratedItems, items: score.totalItems };
  if (score.total !== null) {
    if (score.estimate) return <>{t('score.estimate', { total: format.decimal(score.total, 1), ...counts })}</>;
    return <>{format.decimal(score.total, Number.isInteger(score.total) ? 0 : 1)}</>;
  }
  if (score.meanScore !== null) return <>{t('score.meanOnly', { mean: format.decimal(score.meanScore, 2), ...counts })}</>;
  return <>{t('score.notRated')}</>;
}
