import { useTranslation } from 'react-i18next';
import type { ActionPlan } from '../../electron/contract/action-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useUiLanguage } from '../i18n/use-format.ts';

interface ActionPlanCandidatesProps {
  plan: ActionPlan;
  creating: boolean;
  /** Why creating failed, worded; null when it did not. */
  error: string | null;
  onCreate: () => void;
}

/**
 * What the review proposes for the plan: each item with a recommendation (shown, it becomes the row's goal) or scored
 * at or below the threshold that has no row yet, and one button that adds them all.
 */
export function ActionPlanCandidates({ plan, creating, error, onCreate }: ActionPlanCandidatesProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <section aria-labelledby="action-plan-candidates-heading">
      <h2 id="action-plan-candidates-heading">{t('actionPlan.candidates.heading')}</h2>
      {plan.candidates.length === 0 ? (
        <p className="muted">{plan.rows.length > 0 ? t('actionPlan.candidates.allPlanned') : t('actionPlan.candidates.none')}</p>
      ) : (
        <>
          <p>{t('actionPlan.candidates.intro', { count: plan.candidates.length })}</p>
          <ul className="action-plan-candidates">
            {plan.candidates.map((c) => {
              const title = localized(c.title, language);
              return (
                <li key={c.item}>
                  {c.score === null ? t('actionPlan.candidates.itemNoScore', { number: c.item, title }) : t('actionPlan.candidates.item', { number: c.item, title, score: c.score })}
                  {c.recommendation && <span className="action-plan-candidates__recommendation">{t('actionPlan.candidates.recommendation', { text: c.recommendation })}</span>}
                </li>
              );
            })}
          </ul>
          <button type="button" className="primary" disabled={creating} onClick={onCreate}>
            {creating ? t('actionPlan.candidates.creating') : t('actionPlan.candidates.create', { count: plan.candidates.length })}
          </button>
        </>
      )}
      {error && <ErrorAlert message={error} />}
    </section>
  );
}
