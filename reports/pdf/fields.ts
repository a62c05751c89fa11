import type { Field } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTable, type CellBlock } from './table.ts';
import { BODY_WIDTH, COLOR, STYLE, type TextStyle } from './theme.ts';

/** Label–value pairs in two columns (cover details, method, follow-up); long values continue on the next page. */
export function drawFields(flow: PageFlow, fields: readonly Field[], labelWidth = 150): void {
  drawTable(flow, {
    columns: [{ width: labelWidth }, { width: BODY_WIDTH - labelWidth }],
    borders: false,
    rowHeaders: true,
    padding: { x: 0, y: 3.5 },
    rows: fields.map((field) => ({
      // The label gets the value's line height, so that the two first lines sit on one line.
      cells: [[{ text: field.label, style: { ...STYLE.smallBold, lineHeight: valueStyle(field).lineHeight } }], [{ text: field.value, style: valueStyle(field) }]],
    })),
  });
}

function valueStyle(field: Field): TextStyle {
  if (field.mono) return STYLE.mono;
  return field.muted ? STYLE.bodyMuted : STYLE.body;
}

/** A highlighted note (draft status, scale shown in another language). */
export function drawNotice(flow: PageFlow, text: string): void {
  const block: CellBlock = { text, style: STYLE.body };
  drawTable(flow, {
    columns: [{ width: BODY_WIDTH }],
    borders: false,
    paragraph: true,
    padding: { x: 8, y: 6 },
    rows: [{ cells: [[block]], span: true, fill: COLOR.noticeFill }],
  });
  flow.gap(6);
}
