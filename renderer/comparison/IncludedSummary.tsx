import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { formatCount, scaleLabel } from './comparison-format.ts';

/** What the comparison includes: the scale versions compared, how many reviews and sites, and the rules. */
export function IncludedSummary({ included }: { included: CallOutput<'comparison.included'> | undefined }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <div className="comparison-included">
      {included && (
        <p>
          <strong>{t('comparison.included.scales', { scales: included.scales.map(scaleLabel).join(', ') })}</strong>{' '}
          {included.reviews === 0
            ? t('comparison.included.none')
            : t('comparison.included.counts', { reviews: formatCount(included.reviews, language), sites: formatCount(included.sites, language) })}
        </p>
      )}
      <p className="muted">
        {t('comparison.included.rules')} {t('comparison.included.latestRule')}
      </p>
    </div>
  );
}
