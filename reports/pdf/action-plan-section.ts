import type { ActionPlanSectionModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTable } from './table.ts';
import { BODY_WIDTH, STYLE } from './theme.ts';

const ITEM_WIDTH = 120;
const OWNER_WIDTH = 80;
const DUE_WIDTH = 58;
const STATUS_WIDTH = 72;

/** The previous review's action plan: item, goal, owner, due date and status, one row per action. */
export function drawActionPlanSection(flow: PageFlow, plan: ActionPlanSectionModel): void {
  flow.heading(plan.heading, STYLE.h1, { keepWith: 100 });
  flow.paragraph(plan.intro, STYLE.body);
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
        [{ text: row.goal, style: row.goalMissing ? STYLE.tableMuted : STYLE.table }],
        [{ text: row.owner, style: STYLE.table }],
        [{ text: row.due, style: STYLE.table }],
        [{ text: row.status, style: STYLE.table }],
      ],
      continuation: [[{ text: `${row.item} ${plan.continued}`, style: STYLE.tableMuted }], [], [], [], []],
    })),
  });
}
