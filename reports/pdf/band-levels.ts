import type { BandLevelsModel } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { fitWithEllipsis, linesHeight } from './text-wrap.ts';
import { BODY, BODY_WIDTH, COLOR, STYLE } from './theme.ts';

const BAR_HEIGHT = 16;
const MARKER_ROOM = 22;
/** Band zones from the lowest band up (the trend chart's colours). */
const ZONE_COLORS = ['#f6dddd', '#fbefd6', '#e1f0df', '#cfe7d3'];

/**
 * The four levels as one horizontal bar cut into bands, each labelled with its name and limits; a triangle marks
 * this review's total, and for a partial review a bracket under the bar shows the range its total could take.
 */
export function drawBandLevels(flow: PageFlow, levels: BandLevelsModel): void {
  const legend = levels.legend.flatMap((text) => flow.wrap(text, STYLE.small));
  const labelHeight = 2 * STYLE.chartLabel.lineHeight;
  const height = MARKER_ROOM + BAR_HEIGHT + 4 + labelHeight + (levels.range ? 10 : 0) + 4;
  flow.heading(levels.title, STYLE.h2, { keepWith: height + linesHeight(legend) });
  flow.tags.within('Figure', (figure) => flow.tags.mark(() => drawBar(flow, levels), figure), { alt: levels.alt });
  flow.y += height;
  if (legend.length) flow.tags.within('P', () => flow.lines(legend));
}

function drawBar(flow: PageFlow, levels: BandLevelsModel): void {
  const { doc } = flow;
  const span = levels.max - levels.min + 1;
  // Each band is as wide as the points it covers (25–73 wide, 115–125 narrow), as on the scale itself.
  const xOf = (value: number) => BODY.left + ((value - levels.min) / span) * BODY_WIDTH;
  const barTop = flow.y + MARKER_ROOM;
  levels.bands.forEach((band, i) => {
    const left = xOf(band.min);
    const right = xOf(band.max + 1);
    doc.save().rect(left, barTop, right - left, BAR_HEIGHT).fill(ZONE_COLORS[Math.min(i, ZONE_COLORS.length - 1)]!).restore();
    doc.save().lineWidth(band.current ? 1.2 : 0.5).strokeColor(band.current ? COLOR.text : COLOR.rule).rect(left, barTop, right - left, BAR_HEIGHT).stroke().restore();
    const labelStyle = band.current ? STYLE.chartValue : STYLE.chartLabel;
    // A narrow band's name may reach past its zone (the top band, 11 points of 101), kept inside the body frame.
    const width = Math.max(right - left - 4, flow.measure(band.label, labelStyle) + 1);
    const x = Math.min(Math.max((left + right) / 2 - width / 2, BODY.left), BODY.right - width);
    flow.textAt(fitWithEllipsis(band.label, labelStyle, BODY_WIDTH, flow.measure), labelStyle, x, barTop + BAR_HEIGHT + 3, width, 'center');
    flow.textAt(`${band.min}–${band.max}`, STYLE.chartLabel, x, barTop + BAR_HEIGHT + 3 + STYLE.chartLabel.lineHeight, width, 'center');
  });
  if (levels.range) {
    const y = barTop + BAR_HEIGHT + 3 + 2 * STYLE.chartLabel.lineHeight + 4;
    const left = xOf(levels.range.lower);
    const right = xOf(levels.range.upper + 1);
    doc.save().lineWidth(2.5).strokeColor(COLOR.accent).moveTo(left, y).lineTo(right, y).stroke().restore();
    doc.save().lineWidth(1).strokeColor(COLOR.accent).moveTo(left, y - 3).lineTo(left, y + 3).moveTo(right, y - 3).lineTo(right, y + 3).stroke().restore();
  }
  if (levels.total !== null) {
    const x = xOf(levels.total + 0.5);
    doc.save().moveTo(x - 5, barTop - 8).lineTo(x + 5, barTop - 8).lineTo(x, barTop - 1).closePath().fill(COLOR.accent).restore();
    const width = 60;
    const left = Math.min(Math.max(x - width / 2, BODY.left), BODY.right - width);
    flow.textAt(levels.totalLabel, STYLE.chartValue, left, barTop - 8 - STYLE.chartValue.lineHeight, width, 'center');
  }
}
