import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { BundlePlan } from './BundlePlan.tsx';

type Imported = CallOutput<'bundles.import'>;
const OUTCOMES = ['new', 'replaced', 'report-added', 'unchanged', 'older', 'skipped', 'conflict'] as const;

/** What the import did: counts per outcome, the scale versions it added, and each review's outcome. */
export function ImportSummary({ result }: { result: Imported }) {
  const { t } = useTranslation();
  const counts = OUTCOMES.map((outcome) => [outcome, result.reviews.filter((r) => r.outcome === outcome).length] as const).filter(([, count]) => count > 0);
  return (
    <>
      <p className="exchange-summary">{counts.map(([outcome, count]) => t(`exchange.import.summary.${outcome}`, { count })).join(', ')}</p>
      {result.scalesAdded.length > 0 && (
        <p>{t('exchange.import.scalesAdded', { scales: result.scalesAdded.map((s) => `${s.id} ${s.version}`).join(', ') })}</p>
      )}
      <BundlePlan exporter={result.exporter} reviews={result.reviews} impostors={result.impostors} />
    </>
  );
}
