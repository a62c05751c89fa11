import type { TrendModel, TrendPoint } from '../report-model-types.ts';
import type { PageFlow } from './page-flow.ts';
import { fitWithEllipsis, linesHeight } from './text-wrap.ts';
import { BODY, COLOR, STYLE } from './theme.ts';

const PLOT_HEIGHT = 104;
const VALUE_ROOM = 12;
const AXIS_WIDTH = 24;
const BAND_LABEL_WIDTH = 74;
/** Band zones from the lowest band up; more bands than colours reuse the last. */
const ZONE_COLORS = ['#f6dddd', '#fbefd6', '#e1f0df', '#cfe7d3'];

/** Earlier totals and this review's, over the scale's band zones, as PDF vector graphics. */
export function drawTrendChart(flow: PageFlow, trend: TrendModel): void {
  const note = trend.truncatedNote ? flow.wrap(trend.truncatedNote, STYLE.small) : [];
  const legendRows = legendLayout(flow, trend);
  const height = VALUE_ROOM + PLOT_HEIGHT + 16 + legendRows.length * STYLE.small.lineHeight + linesHeight(note);
  flow.heading(trend.title, STYLE.h2, { keepWith: height });
  flow.tags.within('Figure', (figure) => flow.tags.mark(() => drawTrend(flow, trend, legendRows), figure), { alt: trend.alt });
  if (note.length) flow.tags.within('P', () => flow.lines(note));
}

function drawTrend(flow: PageFlow, trend: TrendModel, legendRows: LegendEntry[][]): void {
  const { doc } = flow;
  const plotLeft = BODY.left + AXIS_WIDTH + 4;
  const plotRight = BODY.right - BAND_LABEL_WIDTH - 4;
  const plotTop = flow.y + VALUE_ROOM;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const clamp = (v: number) => Math.min(trend.max, Math.max(trend.min, v));
  const yOf = (v: number) => plotBottom - ((clamp(v) - trend.min) / (trend.max - trend.min)) * PLOT_HEIGHT;

  // Band zones, with their labels in a column to the right (left out where a zone is too thin for a label).
  const bands = [...trend.bands].sort((a, b) => a.min - b.min);
  let lastTick = Number.POSITIVE_INFINITY;
  bands.forEach((band, i) => {
    const zoneTop = yOf(bands[i + 1]?.min ?? trend.max);
    const zoneBottom = yOf(band.min);
    doc.save().rect(plotLeft, zoneTop, plotRight - plotLeft, zoneBottom - zoneTop).fill(ZONE_COLORS[Math.min(i, ZONE_COLORS.length - 1)]!).restore();
    if (zoneBottom - zoneTop >= STYLE.chartLabel.lineHeight) {
      const label = fitWithEllipsis(band.label, STYLE.chartLabel, BAND_LABEL_WIDTH, flow.measure);
      flow.textAt(label, STYLE.chartLabel, plotRight + 4, (zoneTop + zoneBottom - STYLE.chartLabel.lineHeight) / 2, BAND_LABEL_WIDTH);
    }
    const tickY = yOf(band.min);
    if (lastTick - tickY >= STYLE.chartLabel.lineHeight) {
      flow.textAt(String(band.min), STYLE.chartLabel, BODY.left, tickY - STYLE.chartLabel.lineHeight / 2, AXIS_WIDTH, 'right');
      lastTick = tickY;
    }
  });
  if (lastTick - yOf(trend.max) >= STYLE.chartLabel.lineHeight) {
    flow.textAt(String(trend.max), STYLE.chartLabel, BODY.left, yOf(trend.max) - STYLE.chartLabel.lineHeight / 2, AXIS_WIDTH, 'right');
  }
  doc.save().lineWidth(0.5).strokeColor(COLOR.rule).rect(plotLeft, plotTop, plotRight - plotLeft, PLOT_HEIGHT).stroke().restore();

  const n = trend.points.length;
  const inset = 26;
  const spacing = n > 1 ? (plotRight - plotLeft - 2 * inset) / (n - 1) : 0;
  const xOf = (i: number) => (n > 1 ? plotLeft + inset + i * spacing : (plotLeft + plotRight) / 2);
  const labelWidth = Math.min(n > 1 ? spacing : plotRight - plotLeft, 64);

  for (const kind of ['external', 'self', 'peer'] as const) {
    const path = trend.points.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === kind && p.total !== null);
    if (path.length < 2) continue;
    doc.save().lineWidth(1.2).strokeColor(kind === 'external' ? COLOR.accent : kind === 'peer' ? COLOR.peer : COLOR.self);
    if (kind === 'self') doc.dash(3, { space: 2 });
    if (kind === 'peer') doc.dash(1, { space: 2 });
    path.forEach(({ p, i }, k) => (k === 0 ? doc.moveTo(xOf(i), yOf(p.total!)) : doc.lineTo(xOf(i), yOf(p.total!))));
    doc.stroke().undash().restore();
  }
  trend.points.forEach((point, i) => {
    const x = xOf(i);
    const dateLabel = fitWithEllipsis(point.dateLabel, STYLE.chartLabel, labelWidth, flow.measure);
    flow.textAt(dateLabel, point.current ? STYLE.chartValue : STYLE.chartLabel, x - labelWidth / 2, plotBottom + 3, labelWidth, 'center');
    if (point.total === null) return;
    const y = yOf(point.total);
    drawMarker(doc, point, x, y);
    const valueY = y - 6 - STYLE.chartValue.lineHeight >= plotTop - VALUE_ROOM ? y - 6 - STYLE.chartValue.lineHeight : y + 6;
    flow.textAt(fitWithEllipsis(point.valueLabel, STYLE.chartValue, labelWidth, flow.measure), STYLE.chartValue, x - labelWidth / 2, valueY, labelWidth, 'center');
  });

  flow.y = plotBottom + 16;
  for (const row of legendRows) {
    for (const entry of row) {
      if (entry.marker) drawMarker(doc, entry.marker, entry.x + 4, flow.y + STYLE.small.lineHeight / 2);
      flow.textAt(entry.text, STYLE.small, entry.x + (entry.marker ? 12 : 0), flow.y, entry.width);
    }
    flow.y += STYLE.small.lineHeight;
  }
}

type MarkerKind = Pick<TrendPoint, 'kind' | 'current'>;

function drawMarker(doc: PDFKit.PDFDocument, point: MarkerKind, x: number, y: number): void {
  if (point.current) doc.save().lineWidth(1).strokeColor(COLOR.text).circle(x, y, 5.5).stroke().restore();
  if (point.kind === 'external') doc.save().circle(x, y, 3).fill(COLOR.accent).restore();
  else if (point.kind === 'peer') doc.save().polygon([x, y - 3.5], [x + 3.5, y + 3], [x - 3.5, y + 3]).fill(COLOR.peer).restore();
  else doc.save().lineWidth(1.2).rect(x - 3, y - 3, 6, 6).fillAndStroke(COLOR.white, COLOR.self).restore();
}

interface LegendEntry { text: string; x: number; width: number; marker?: MarkerKind }

/** Legend entries placed left to right, wrapping to a new row when the width runs out. */
function legendLayout(flow: PageFlow, trend: TrendModel): LegendEntry[][] {
  const entries: { text: string; marker?: MarkerKind }[] = [
    { text: trend.legend.external, marker: { kind: 'external', current: false } },
    { text: trend.legend.self, marker: { kind: 'self', current: false } },
    ...(trend.legend.peer ? [{ text: trend.legend.peer, marker: { kind: 'peer' as const, current: false } }] : []),
    { text: trend.legend.current, marker: { kind: 'external', current: true } },
    ...(trend.legend.estimate ? [{ text: trend.legend.estimate }] : []),
  ];
  const rows: LegendEntry[][] = [[]];
  let x = BODY.left;
  for (const entry of entries) {
    const markerWidth = entry.marker ? 12 : 0;
    const available = BODY.right - BODY.left - markerWidth;
    const text = fitWithEllipsis(entry.text, STYLE.small, available, flow.measure);
    const width = flow.measure(text, STYLE.small) + markerWidth;
    if (x + width > BODY.right && rows.at(-1)!.length > 0) {
      rows.push([]);
      x = BODY.left;
    }
    rows.at(-1)!.push({ text, x, width: width - markerWidth + 0.5, ...(entry.marker ? { marker: entry.marker } : {}) });
    x += width + 16;
  }
  return rows;
}
