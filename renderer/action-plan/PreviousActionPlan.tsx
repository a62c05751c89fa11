import { useTranslation } from 'react-i18next';
import type { ActionPlanRow } from '../../electron/contract/action-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { hrefFor } from '../app/routes.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useFormat, useUiLanguage } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { countRows, useProgressText } from './use-progress-text.ts';

/**
 * The follow-up review's look back (issue 13): the plan made after the site's previous review, every row (free rows
 * too) with its owner, due date and status as it stands now, and the progress in words. Nothing when the site had
 * no plan before this review.
 */
export function PreviousActionPlan({ reviewId, collapsible = false }: {
  reviewId: number;
  /** Folded under its heading and progress (in the review editor, where the items come first). */
  collapsible?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useUiLanguage();
  const errorMessage = useErrorMessage();
  const progressText = useProgressText();
  const previous = useApiQuery('actionPlan.previous', { reviewId });

  if (previous.status === 'error') return <ErrorAlert message={errorMessage(previous.error)} onRetry={previous.reload} />;
  const plan = previous.data;
  if (!plan) return null;
  const subject = (row: ActionPlanRow) => (row.item === null ? row.freeTitle : t('actionPlan.rows.item', { number: row.item, title: localized(row.title, language) }));
  const status = (row: ActionPlanRow) => (row.overdue ? t('actionPlan.previous.overdue', { status: t(`actionPlan.status.${row.status}`) }) : t(`actionPlan.status.${row.status}`));
  const intro = t('actionPlan.previous.intro', {
    kind: t(`reviewKind.${plan.kind}`),
    dates: plan.visitDates.map(format.date).join(', '),
    progress: progressText(countRows(plan.rows)),
  });
  const body = (
    <>
      <ScrollRegion label={t('actionPlan.previous.caption')}>
        <table className="data-table previous-action-plan__table">
          <caption className="visually-hidden">{t('actionPlan.previous.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actionPlan.previous.subject')}</th>
              <th scope="col">{t('actionPlan.previous.goal')}</th>
              <th scope="col">{t('actionPlan.previous.owner')}</th>
              <th scope="col">{t('actionPlan.previous.due')}</th>
              <th scope="col">{t('actionPlan.previous.status')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{subject(row)}</th>
                <td>{row.goal.trim() === '' ? <span className="muted">{t('actionPlan.previous.noGoal')}</span> : row.goal}</td>
                <td>{row.owner ?? '–'}</td>
                <td>{row.dueDate ? format.date(row.dueDate) : '–'}</td>
                <td className={row.overdue ? 'previous-action-plan__overdue' : undefined}>{status(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        <a href={hrefFor({ name: 'action-plan', reviewId: plan.reviewId })}>{t('actionPlan.previous.open')}</a>
      </p>
    </>
  );
  if (collapsible) {
    return (
      <details className="panel previous-action-plan">
        <summary>{`${t('actionPlan.previous.heading')}: ${progressText(countRows(plan.rows))}`}</summary>
        <p>{intro}</p>
        {body}
      </details>
    );
  }
  return (
    <section aria-labelledby="previous-action-plan-heading" className="panel previous-action-plan">
      <h2 id="previous-action-plan-heading">{t('actionPlan.previous.heading')}</h2>
      <p>{intro}</p>
      {body}
    </section>
  );
}
