import type { ChangesSectionModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTable } from './table.ts';
import { BODY_WIDTH, STYLE } from './theme.ts';

const LABEL_WIDTH = 130;

/** "What changed since the previous review": total and band before and now, then the items up and down. */
export function drawChangesSection(flow: PageFlow, changes: ChangesSectionModel): void {
  flow.heading(changes.heading, STYLE.h1, { keepWith: 120 });
  flow.paragraph(changes.intro, STYLE.body);
  const valueWidth = (BODY_WIDTH - LABEL_WIDTH) / 2;
  drawTable(flow, {
    columns: [{ width: LABEL_WIDTH }, { width: valueWidth }, { width: valueWidth }],
    borders: true,
    padding: { x: 5, y: 4 },
    header: changes.table.headers.map((text) => [{ text, style: STYLE.tableHeader }]),
    continuedTitle: { text: changes.heading, style: STYLE.smallBold },
    rows: changes.table.rows.map(([label, before, now]) => ({
      cells: [[{ text: label ?? '', style: STYLE.tableBold }], [{ text: before ?? '', style: STYLE.table }], [{ text: now ?? '', style: STYLE.table }]],
    })),
  });
  flow.gap(6);
  if (changes.incomparable) flow.paragraph(changes.incomparable, STYLE.bodyMuted);
  for (const list of [changes.up, changes.down]) {
    if (!list) continue;
    flow.heading(list.heading, STYLE.h2, { keepWith: 40 });
    if (list.none) flow.paragraph(list.none, STYLE.bodyMuted);
    if (list.lines.length) {
      flow.tags.within('L', () => {
        for (const line of list.lines) flow.tags.within('LI', () => flow.paragraph(line, STYLE.body, { after: 2, type: 'LBody' }));
      });
    }
  }
  if (changes.counts) flow.paragraph(changes.counts, STYLE.body);
}
