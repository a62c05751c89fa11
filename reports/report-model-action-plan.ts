import type { LocalizedText } from '../scales/scale-schema.ts';
import type { ReportActionPlanRow } from './report-input.ts';
import type { ReportTranslator } from './report-messages.ts';
import type { ModelContext } from './report-model.ts';
import type { ActionPlanRowModel, ActionPlanSectionModel } from './report-model-types.ts';

/** What worded plan rows need: the translator, the language's date and scale wording, and the scale's item titles. */
export interface PlanWording {
  t: ReportTranslator;
  date: (isoDate: string) => string;
  scaleText: (text: LocalizedText) => string;
  /** The item's title in the scale the row is judged against, when the row does not bring its own. */
  itemTitle: (item: number) => LocalizedText | undefined;
}

/** Item rows by item (each item's rows in their order), then free rows: the plan's order everywhere. */
export const inPlanOrder = <R extends { item?: number | undefined }>(rows: readonly R[]): R[] =>
  rows.map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.item ?? Infinity) - (b.row.item ?? Infinity) || a.index - b.index)
    .map(({ row }) => row);

/**
 * Plan rows as table rows: "3. Title" (or a free row's own title), the goal or a muted "not recorded", owner, due
 * date and status, "(overdue)" when due before `referenceDate` and still open or in progress.
 */
export function actionPlanRowModels(rows: readonly ReportActionPlanRow[], wording: PlanWording, referenceDate: string, withNotes = false): ActionPlanRowModel[] {
  const { t } = wording;
  const none = t('document.none');
  return inPlanOrder(rows).map((row) => {
    const title = row.item === undefined ? undefined : row.title ?? wording.itemTitle(row.item);
    const overdue = row.dueDate !== undefined && row.dueDate < referenceDate && (row.status === 'open' || row.status === 'in-progress');
    const status = t(`previousActionPlan.statusValue.${row.status}`);
    const notes = withNotes ? row.notes?.trim() : undefined;
    return {
      item: row.item === undefined ? row.freeTitle! : title ? `${row.item}. ${wording.scaleText(title)}` : String(row.item),
      goal: row.goal.trim() === '' ? t('document.notRecorded') : row.goal,
      goalMissing: row.goal.trim() === '',
      ...(notes ? { notes } : {}),
      owner: row.owner ?? none,
      due: row.dueDate ? wording.date(row.dueDate) : none,
      status: overdue ? t('previousActionPlan.overdue', { status }) : status,
    };
  });
}

/**
 * "Edellisen arvioinnin toimintasuunnitelma": the plan the site made after its previous review, with each action's
 * status as the report is made, so the reviewers and the site see what came of it. Absent when there is no plan.
 */
export function previousActionPlanModel(context: ModelContext): ActionPlanSectionModel | null {
  const plan = context.input.extras?.previousActionPlan;
  if (!plan) return null;
  const { t, data, input } = context;
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
      // Free rows name a topic instead of an item: the column says so when the plan has any.
      item: t(plan.rows.some((r) => r.item === undefined) ? 'actionPlanDocument.item' : 'previousActionPlan.item'),
      goal: t('previousActionPlan.goal'),
      owner: t('previousActionPlan.owner'),
      due: t('previousActionPlan.due'),
      status: t('previousActionPlan.status'),
    },
    continued: t('items.continued'),
    rows: actionPlanRowModels(plan.rows, { ...context, itemTitle: (item) => data.items.find((i) => i.number === item)?.title }, input.reportDate),
  };
}
