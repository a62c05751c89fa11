import type { ItemRowModel, ItemTableModel, TextBlock } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTable, type CellBlock, type TableRow } from './table.ts';
import { BODY_WIDTH, COLOR, STYLE, withSize } from './theme.ts';

const NUMBER_WIDTH = 30;
const ITEM_WIDTH = 150;
const SCORE_WIDTH = 62;

/** Number, title and anchor, score (or why not rated), notes: one row per item, grouped by section. */
export function drawItemTable(flow: PageFlow, table: ItemTableModel): void {
  flow.heading(table.heading, STYLE.h1, { keepWith: 160 });
  flow.paragraph(table.intro, STYLE.body);
  const rows: TableRow[] = table.sections.flatMap((section) => [
    { cells: [[{ text: section.title, style: STYLE.tableBold }]], span: true, fill: COLOR.sectionFill },
    ...section.rows.map((row) => itemRow(row, table.continued)),
  ]);
  drawTable(flow, {
    columns: [{ width: NUMBER_WIDTH }, { width: ITEM_WIDTH }, { width: SCORE_WIDTH }, { width: BODY_WIDTH - NUMBER_WIDTH - ITEM_WIDTH - SCORE_WIDTH }],
    borders: true,
    padding: { x: 5, y: 4 },
    header: [table.columns.number, table.columns.item, table.columns.score, table.columns.notes].map((text) => [{ text, style: STYLE.tableHeader }]),
    continuedTitle: { text: `${table.heading} ${table.continued}`, style: STYLE.smallBold },
    rows,
  });
}

function itemRow(row: ItemRowModel, continued: string): TableRow {
  const item: CellBlock[] = [{ text: row.title, style: STYLE.tableBold }];
  if (row.anchor) item.push({ text: row.anchor, style: STYLE.tableMuted, gapBefore: 3 });
  const score: CellBlock[] = row.rated
    ? [{ text: row.scoreText, style: withSize(STYLE.tableBold, 11), align: 'center' }]
    : [{ text: row.scoreText, style: STYLE.tableMuted }];
  return {
    cells: [[{ text: row.number, style: STYLE.tableBold }], item, score, row.notes.flatMap(noteBlocks)],
    continuation: [
      [{ text: row.number, style: STYLE.tableMuted }],
      [{ text: `${row.title} ${continued}`, style: STYLE.tableMuted }, { text: '', style: STYLE.table, gapBefore: 3 }],
      [],
      [],
    ],
  };
}

function noteBlocks(note: TextBlock, index: number): CellBlock[] {
  const blocks: CellBlock[] = [];
  const gapBefore = index === 0 ? 0 : 5;
  if (note.heading) blocks.push({ text: note.heading, style: STYLE.tableHeader, gapBefore });
  blocks.push({ text: note.text, style: note.muted ? STYLE.tableMuted : STYLE.table, ...(note.heading ? {} : { gapBefore }) });
  return blocks;
}
