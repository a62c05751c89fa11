import { useTranslation } from 'react-i18next';
import type { FidelitySummary } from '../../electron/contract/entities.ts';
import { formatBounds, formatMean, formatTotal } from '../../scales/review-rules/total-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

/**
 * A review's total in the UI locale (formatTotal): "112", or for a partial review the estimate with everything it
 * rests on, "107,4 (arvio 17/25 kohdan perusteella, keskiarvo 4,29, vaihteluväli 81–113)"; below the scale's
 * minimum of rated items only the mean and the bounds.
 */
export function ScoreValue({ score }: { score: FidelitySummary }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const facts = { rated: score.ratedItems, items: score.totalItems, mean: formatMean(score, language), bounds: formatBounds(score, language) };
  if (score.total !== null) {
    if (score.estimate) return <>{t('score.estimate', { total: formatTotal(score, language), ...facts })}</>;
    return <>{formatTotal(score, language)}</>;
  }
  if (score.meanScore !== null) return <>{t('score.meanOnly', facts)}</>;
  return <>{t('score.notRated')}</>;
}
