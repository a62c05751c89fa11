import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { LOCALE_OF } from '../../scales/display-format.ts';
import { useFormat } from '../i18n/use-format.ts';

type Agreement = CallOutput<'scoring.agreement'>;

/**
 * How far the reviewers agreed before consensus: exact agreement, agreement within one point and a weighted
 * kappa, each with one line on what it means. Figures in the UI locale (fi: 84 %, 0,71).
 */
export function AgreementFigures({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (share: number | null) =>
    share === null ? t('consensus.agreement.notAvailable') : new Intl.NumberFormat(LOCALE_OF[format.language], { style: 'percent', maximumFractionDigits: 0 }).format(share);
  // Items where some reviewers gave a score and others a not-rated reason: a disagreement, but not in the figures.
  const partlyScored = agreement.disagreements.length - agreement.differingScores;
  const figures = [
    { key: 'exact', value: percent(agreement.exactAgreement), label: t('consensus.agreement.exact'), help: t('consensus.agreement.exactHelp') },
    { key: 'withinOne', value: percent(agreement.withinOne), label: t('consensus.agreement.withinOne'), help: t('consensus.agreement.withinOneHelp') },
    {
      key: 'kappa',
      value: agreement.weightedKappa === null ? t('consensus.agreement.notAvailable') : format.decimal(agreement.weightedKappa, 2),
      label: t('consensus.agreement.kappa'),
      help: t('consensus.agreement.kappaHelp'),
    },
  ];
  return (
    <section className="panel agreement-panel" aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t('consensus.agreement.heading')}</h2>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.key} className="figure">
            <dt>{figure.label}</dt>
            <dd>
              <span className="figure-value">{figure.value}</span>
              <span className="cell-note">{figure.help}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="footnote">
        {t('consensus.agreement.compared', { count: agreement.comparedItems })}{' '}
        {t('consensus.agreement.disagreements', { count: agreement.differingScores })}
        {partlyScored !== 0 && (
          <>
            {' '}
            {t('consensus.agreement.partlyScored', { count: partlyScored })}
          </>
        )}
      </p>
    </section>
  );
}
