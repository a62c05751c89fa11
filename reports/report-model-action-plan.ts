import type { ModelContext } from './report-model.ts';
import type { ActionPlanSectionModel } from './report-model-types.ts';

/**
 * "Edellisen arvioinnin toimintasuunnitelma": the plan the site made after its previous review, with each action's
 * status as the report is made, so the reviewers and the site see what came of it. Absent when there is no plan.
 */
export function previousActionPlanModel(context: ModelContext): ActionPlanSectionModel | null {
  const plan = context.input.extras?.previousActionPlan;
  if (!plan) return null;
  const { t, data, input } = context;
  const none = t('document.none');
  const done = plan.rows.filter((r) => r.status === 'done').length;
  return {
    heading: t('previousActionPlan.heading'),
    intro: t('previousActionPlan.intro', {
      kind: t(`kind.${plan.kind}`),
      date: context.date(plan.reviewDate),
      reportDate: context.date(input.reportDate),
      done,
      total: plan.rows.length,
    }),
    columns: {
      item: t('previousActionPlan.item'),
      goal: t('previousActionPlan.goal'),
      owner: t('previousActionPlan.owner'),
      due: t('previousActionPlan.due'),
      status: t('previousActionPlan.status'),
    },
    continued: t('items.continued'),
    rows: [...plan.rows].sort((a, b) => a.item - b.item).map((row) => {
      const title = row.title ?? data.items.find((i) => i.number === row.item)?.title;
      const overdue = row.dueDate !== undefined && row.dueDate < input.reportDate && (row.status === 'open' || row.status === 'in-progress');
      const status = t(`previousActionPlan.statusValue.${row.status}`);
      return {
        item: title ? `${row.item}. ${context.scaleText(title)}` : String(row.item),
        goal: row.goal.trim() === '' ? t('document.notRecorded') : row.goal,
        goalMissing: row.goal.trim() === '',
        owner: row.owner ?? none,
        due: row.dueDate ? context.date(row.dueDate) : none,
        status: overdue ? t('previousActionPlan.overdue', { status }) : status,
      };
    }),
  };
}
