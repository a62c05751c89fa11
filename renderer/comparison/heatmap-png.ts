import { HEAT_COLORS, TEXT_COLOR } from './chart-theme.ts';

export interface HeatmapImage {
  title: string;
  items: readonly number[];
  rows: readonly { label: string; total: string; scores: readonly (number | null)[] }[];
  totalHeader: string;
  fontFamily: string;
}

const CELL = 28;
const LABEL_WIDTH = 260;
/** The total column is at least this wide, and wider when a total's text (an estimate with its bounds) needs it. */
const MIN_TOTAL_WIDTH = 120;
const ROW = 24;

/** The heat map as a picture for "Save PNG": the same rows, colours and numbers as the table on screen. */
export function drawHeatmap({ title, items, rows, totalHeader, fontFamily }: HeatmapImage): HTMLCanvasElement {
  const scale = 2; // sharp on high-density screens and in print
  const totalWidth = totalColumnWidth(rows.map((row) => row.total), totalHeader, fontFamily);
  const width = LABEL_WIDTH + totalWidth + items.length * CELL + 16;
  const height = 40 + ROW + rows.length * ROW + 16;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context for the heat map image');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = TEXT_COLOR;
  ctx.textBaseline = 'middle';
  ctx.font = `600 15px ${fontFamily}`;
  ctx.fillText(title, 8, 20);
  ctx.font = `600 12px ${fontFamily}`;
  const top = 40;
  ctx.fillText(totalHeader, LABEL_WIDTH + 8, top + ROW / 2);
  items.forEach((item, i) => {
    ctx.textAlign = 'center';
    ctx.fillText(String(item), LABEL_WIDTH + totalWidth + i * CELL + CELL / 2, top + ROW / 2);
    ctx.textAlign = 'left';
  });
  ctx.font = `12px ${fontFamily}`;
  rows.forEach((row, r) => {
    const y = top + ROW + r * ROW;
    ctx.fillStyle = TEXT_COLOR;
    const label = row.label.length > 38 ? `${row.label.slice(0, 37)}…` : row.label;
    ctx.fillText(label, 8, y + ROW / 2);
    ctx.fillText(row.total, LABEL_WIDTH + 8, y + ROW / 2);
    row.scores.forEach((score, i) => {
      const x = LABEL_WIDTH + totalWidth + i * CELL;
      ctx.fillStyle = score === null ? '#ffffff' : HEAT_COLORS[score - 1] ?? '#ffffff';
      ctx.fillRect(x + 1, y + 1, CELL - 2, ROW - 2);
      ctx.fillStyle = TEXT_COLOR;
      ctx.textAlign = 'center';
      ctx.fillText(score === null ? '–' : String(score), x + CELL / 2, y + ROW / 2);
      ctx.textAlign = 'left';
    });
  });
  return canvas;
}

/** Wide enough for every total's text as written on screen, so an estimate keeps its N/25 and bounds. */
function totalColumnWidth(totals: readonly string[], header: string, fontFamily: string): number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return MIN_TOTAL_WIDTH;
  ctx.font = `600 12px ${fontFamily}`;
  let widest = ctx.measureText(header).width;
  ctx.font = `12px ${fontFamily}`;
  for (const total of totals) widest = Math.max(widest, ctx.measureText(total).width);
  return Math.max(MIN_TOTAL_WIDTH, Math.ceil(widest) + 16);
}
