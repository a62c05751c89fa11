import type { ScaleVersionData } from '../scale-schema.ts';

/** Issue 6: "items scored 3 or below become action-plan rows", when a scale file does not say otherwise. */
export const DEFAULT_ACTION_PLAN_THRESHOLD = 3;

type ScaleRules = Pick<ScaleVersionData, 'scoring' | 'items'>;

export const actionPlanThreshold = (scale: Pick<ScaleVersionData, 'scoring'>): number =>
  scale.scoring.actionPlanThreshold ?? DEFAULT_ACTION_PLAN_THRESHOLD;

/** An item with this result score belongs in the action plan. */
export const needsAction = (scale: Pick<ScaleVersionData, 'scoring'>, score: number): boolean => score <= actionPlanThreshold(scale);

/**
 * Items the plan proposes a row for and that have none yet, in scale order: those scored at or below the threshold,
 * and (issue 13) those with a recommendation in the review's result, whatever their score: the reviewers' advice is
 * what the site plans from. `recommended` is the items with a recommendation.
 */
export function actionPlanCandidates(
  scale: ScaleRules, scores: ReadonlyMap<number, number>, planned: ReadonlySet<number>, recommended: ReadonlySet<number> = new Set(),
): number[] {
  return scale.items
    .map((i) => i.number)
    .filter((item) => {
      const score = scores.get(item);
      return !planned.has(item) && (recommended.has(item) || (score !== undefined && needsAction(scale, score)));
    });
}

export type ActionStatus = 'open' | 'in-progress' | 'done' | 'dropped';

/** Still to do and due before today (local dates: a row due today is not overdue until the day is over). */
export const isOverdue = (row: { dueDate: string | null; status: ActionStatus }, today: string): boolean =>
  row.dueDate !== null && row.dueDate < today && (row.status === 'open' || row.status === 'in-progress');
