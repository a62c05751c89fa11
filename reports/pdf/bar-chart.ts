import type { BarChartModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { fitWithEllipsis, linesHeight } from './text-wrap.ts';
import { BODY, COLOR, STYLE, withSize } from './theme.ts';

const AXIS_WIDTH = 18;
const VALUE_ROOM = 12;
const PLOT_HEIGHT = 110;
/** Space between two sections, in bar slots. */
const GROUP_GAP = 0.8;

/** The item scores as vertical bars, grouped by section, drawn as PDF vector graphics. */
export function drawBarChart(flow: PageFlow, chart: BarChartModel): void {
  const legend = chart.legend ? flow.wrap(chart.legend, STYLE.small) : [];
  const height = VALUE_ROOM + PLOT_HEIGHT + 34 + linesHeight(legend);
  flow.heading(chart.title, STYLE.h2, { keepWith: height });
  // A figure: its drawing and labels are one piece of content, read out as the alternative text (every score).
  flow.tags.within('Figure', (figure) => flow.tags.mark(() => drawBars(flow, chart), figure), { alt: chart.alt });
  if (legend.length) flow.tags.within('P', () => flow.lines(legend));
}

function drawBars(flow: PageFlow, chart: BarChartModel): void {
  const { doc } = flow;
  const top = flow.y;
  const plotLeft = BODY.left + AXIS_WIDTH + 4;
  const plotTop = top + VALUE_ROOM;
  const baseline = plotTop + PLOT_HEIGHT;
  const yOf = (value: number) => baseline - (value / chart.max) * PLOT_HEIGHT;

  // Grid lines and their values on the left.
  for (let value = chart.min; value <= chart.max; value++) {
    doc.save().lineWidth(0.4).strokeColor(COLOR.grid).moveTo(plotLeft, yOf(value)).lineTo(BODY.right, yOf(value)).stroke().restore();
    flow.textAt(String(value), STYLE.chartLabel, BODY.left, yOf(value) - STYLE.chartLabel.lineHeight / 2, AXIS_WIDTH, 'right');
  }
  doc.save().lineWidth(0.8).strokeColor(COLOR.text).moveTo(plotLeft, baseline).lineTo(BODY.right, baseline).stroke().restore();

  const slots = chart.groups.reduce((n, g) => n + g.items.length, 0) + GROUP_GAP * (chart.groups.length - 1);
  const slot = (BODY.right - plotLeft) / slots;
  const barWidth = slot * 0.6;
  let position = 0;
  for (const group of chart.groups) {
    const groupStart = plotLeft + position * slot;
    for (const item of group.items) {
      const x = plotLeft + position * slot;
      if (item.score === null) {
        flow.textAt(item.label, withSize(STYLE.chartValue, 9), x, baseline - 13, slot, 'center');
      } else {
        const barTop = yOf(item.score);
        doc.save().rect(x + (slot - barWidth) / 2, barTop, barWidth, baseline - barTop).fill(COLOR.accent).restore();
        flow.textAt(item.label, STYLE.chartValue, x, barTop - STYLE.chartValue.lineHeight - 1, slot, 'center');
      }
      flow.textAt(String(item.number), STYLE.chartLabel, x, baseline + 3, slot, 'center');
      position += 1;
    }
    const groupEnd = plotLeft + position * slot;
    const bracketY = baseline + 15;
    doc.save().lineWidth(0.6).strokeColor(COLOR.muted)
      .moveTo(groupStart + 2, bracketY - 3).lineTo(groupStart + 2, bracketY).lineTo(groupEnd - 2, bracketY).lineTo(groupEnd - 2, bracketY - 3)
      .stroke().restore();
    const title = fitWithEllipsis(group.title, STYLE.chartLabel, groupEnd - groupStart - 4, flow.measure);
    flow.textAt(title, STYLE.chartLabel, groupStart + 2, bracketY + 2, groupEnd - groupStart - 4, 'center');
    position += GROUP_GAP;
  }
  flow.y = baseline + 34;
}
