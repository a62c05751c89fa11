import { useTranslation } from 'react-i18next';
import type { ActionPlanStatus } from '../../electron/contract/action-plan-contract.ts';

export interface PlanCounts {
  counts: Record<ActionPlanStatus, number>;
  overdue: number;
}

/** Counts by status and overdue rows of a list of plan rows (the editor's own, as edited). */
export function countRows(rows: readonly { status: ActionPlanStatus; overdue: boolean }[]): PlanCounts {
  const counts: Record<ActionPlanStatus, number> = { open: 0, 'in-progress': 0, done: 0, dropped: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { counts, overdue: rows.filter((r) => r.overdue).length };
}

/**
 * "4/7 tehty, 1 myöhässä": done out of the actions still meant to be done (dropped ones are left out of the
 * total and named separately), then what is overdue. The same words on the site page and in the editor.
 */
export function useProgressText(): (plan: PlanCounts) => string {
  const { t } = useTranslation();
  return ({ counts, overdue }) => {
    const total = counts.open + counts['in-progress'] + counts.done;
    const parts = [t('actionPlan.progress.done', { done: counts.done, total })];
    if (overdue > 0) parts.push(t('actionPlan.progress.overdue', { count: overdue }));
    if (counts.dropped > 0) parts.push(t('actionPlan.progress.dropped', { count: counts.dropped }));
    return parts.join(', ');
  };
}
