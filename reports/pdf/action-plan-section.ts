import type { ActionPlanSectionModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTable } from './table.ts';
import { BODY_WIDTH, STYLE, type TextStyle } from './theme.ts';

const ITEM_WIDTH = 120;
const OWNER_WIDTH = 80;
const DUE_WIDTH = 58;
const STATUS_WIDTH = 72;

/** An action plan (the report's previous plan, or the plan document): item, goal (and notes), owner, due date and status, one row per action. */
export function drawActionPlanSection(flow: PageFlow, plan: ActionPlanSectionModel, headingStyle: TextStyle = STYLE.h1): void {
  flow.heading(plan.heading, headingStyle, { keepWith: 100 });
  if (plan.intro) flow.paragraph(plan.intro, STYLE.body);
  const goalWidth = BODY_WIDTH - ITEM_WIDTH - OWNER_WIDTH - DUE_WIDTH - STATUS_WIDTH;
  const { columns } = plan;
  drawTable(flow, {
    columns: [{ width: ITEM_WIDTH }, { width: goalWidth }, { width: OWNER_WIDTH }, { width: DUE_WIDTH }, { width: STATUS_WIDTH }],
    borders: true,
    padding: { x: 5, y: 4 },
    header: [columns.item, columns.goal, columns.owner, columns.due, columns.status].map((text) => [{ text, style: STYLE.tableHeader }]),
    continuedTitle: { text: `${plan.heading} ${plan.continued}`, style: STYLE.smallBold },
    rows: plan.rows.map((row) => ({
      cells: [
        [{ text: row.item, style: STYLE.tableBold }],
        [{ text: row.goal, style: row.goalMissing ? STYLE.tableMuted : STYLE.table }, ...(row.notes ? [{ text: row.notes, style: STYLE.tableMuted, gapBefore: 3 }] : [])],
        [{ text: row.owner, style: STYLE.table }],
        [{ text: row.due, style: STYLE.table }],
        [{ text: row.status, style: STYLE.table }],
      ],
      continuation: [[{ text: `${row.item} ${plan.continued}`, style: STYLE.tableMuted }], [], [], [], []],
    })),
  });
}
