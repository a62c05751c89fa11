import { useTranslation } from 'react-i18next';
import { hrefFor } from '../app/routes.ts';

interface PlanSummaryProps {
  reviewId: number;
  open: number;
  total: number;
  /** Items with no rating, no reason and no evidence from any reviewer yet (reviews.get checks.missingEvidence). */
  missingEvidence: readonly number[];
  itemTitle: (item: number) => string;
}

/** What is still open in the plan, and the manual's "check for missing data" before consensus. */
export function PlanSummary({ reviewId, open, total, missingEvidence, itemTitle }: PlanSummaryProps) {
  const { t } = useTranslation();
  return (
    <div className="plan-summary">
      <section className="panel" aria-labelledby="plan-open-heading">
        <h2 id="plan-open-heading">{t('consensus.plan.summary.heading')}</h2>
        <p className="figure-value">{t('consensus.plan.summary.open', { open, total })}</p>
        <p className="muted">{open === 0 ? t('consensus.plan.summary.allDone') : t('consensus.plan.summary.openHelp')}</p>
      </section>
      <section className="panel" aria-labelledby="plan-missing-heading">
        <h2 id="plan-missing-heading">{t('consensus.plan.missing.heading')}</h2>
        {missingEvidence.length === 0 ? (
          <p>
            <span aria-hidden="true">{'✓ '}</span>
            {t('consensus.plan.missing.none')}
          </p>
        ) : (
          <>
            <p>{t('consensus.plan.missing.intro', { count: missingEvidence.length })}</p>
            <ul className="missing-list">
              {missingEvidence.map((item) => (
                <li key={item}>
                  <a href={hrefFor({ name: 'review', reviewId })}>{itemTitle(item)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
