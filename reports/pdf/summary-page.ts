import type { KeyFigure, SummaryModel } from '../report-model-types.ts';
import { drawBandLevels } from './band-levels.ts';
import { drawBarChart } from './bar-chart.ts';
import type { PageFlow } from './page-flow.ts';
import { drawTable } from './table.ts';
import { linesHeight, type LaidLine } from './text-wrap.ts';
import { BODY, BODY_WIDTH, COLOR, STYLE, withSize } from './theme.ts';
import { drawTrendChart } from './trend-chart.ts';

export function drawSummary(flow: PageFlow, summary: SummaryModel): void {
  flow.heading(summary.heading, STYLE.h1, { keepWith: 120 });
  drawFigures(flow, summary.figures);
  flow.gap(10);
  drawBandLevels(flow, summary.levels);
  flow.gap(8);

  flow.heading(summary.sectionTable.heading, STYLE.h2, { keepWith: 60 });
  const numeric = BODY_WIDTH - 220;
  drawTable(flow, {
    columns: [{ width: 220 }, { width: numeric / 3 }, { width: numeric / 3 }, { width: numeric / 3 }],
    borders: true,
    padding: { x: 6, y: 3 },
    header: summary.sectionTable.headers.map((text, i) => [{ text, style: STYLE.tableHeader, align: i === 0 ? 'left' : 'right' }]),
    rows: summary.sectionTable.rows.map((row) => ({
      cells: row.map((text, i) => [{ text, style: STYLE.table, align: i === 0 ? 'left' : 'right' }]),
    })),
  });
  flow.gap(12);

  drawBarChart(flow, summary.chart);
  flow.gap(10);
  if (summary.trend) drawTrendChart(flow, summary.trend);
  else if (summary.noTrend) flow.paragraph(summary.noTrend, STYLE.bodyMuted);
}

const FIGURE_GAP = 8;
const FIGURE_PAD = 8;

/** The key figures as four boxes side by side; a value too wide for its box is set smaller, then wrapped. */
function drawFigures(flow: PageFlow, figures: readonly KeyFigure[]): void {
  const boxWidth = (BODY_WIDTH - FIGURE_GAP * (figures.length - 1)) / figures.length;
  const inner = boxWidth - 2 * FIGURE_PAD;
  const boxes = figures.map((figure) => {
    const lines: LaidLine[] = [
      ...flow.wrap(figure.label, STYLE.smallBold, inner),
      { text: '', style: STYLE.small, height: 3 },
      ...valueLines(flow, figure.value, inner),
      ...(figure.note ? [{ text: '', style: STYLE.small, height: 2 }, ...flow.wrap(figure.note, STYLE.small, inner)] : []),
    ];
    return lines;
  });
  const height = Math.max(...boxes.map(linesHeight)) + 2 * FIGURE_PAD;
  flow.ensure(height);
  const top = flow.y;
  // Tagged as a list of the key figures, each item its label, value and note in reading order.
  flow.tags.within('L', () => boxes.forEach((lines, i) => {
    const x = BODY.left + i * (boxWidth + FIGURE_GAP);
    flow.decor((doc) => {
      doc.save().rect(x, top, boxWidth, height).fill(COLOR.accentLight).restore();
      doc.save().rect(x, top, 3, height).fill(COLOR.accent).restore();
    });
    flow.tags.within('LI', () => flow.tags.within('LBody', () => {
      let y = top + FIGURE_PAD;
      for (const line of lines) {
        if (line.text) flow.drawLine(line, x + FIGURE_PAD, y, inner);
        y += line.height;
      }
    }));
  }));
  flow.y = top + height;
}

function valueLines(flow: PageFlow, value: string, width: number): LaidLine[] {
  for (const size of [20, 18, 16, 14, 12]) {
    const style = withSize(STYLE.figureValue, size);
    if (flow.measure(value, style) <= width) return [{ text: value, style, height: style.lineHeight }];
  }
  return flow.wrap(value, withSize(STYLE.figureValue, 12), width);
}
