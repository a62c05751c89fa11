import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement,
  ScatterController, Title, Tooltip, type ChartType, type Plugin,
} from 'chart.js';

// Only the chart.js pieces the comparison uses, so the bundle leaves the rest out.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController, Title, Tooltip, Legend);

/** Text and grid as on the site chart; every colour below keeps 3:1 against white (WCAG 1.4.11) or carries text. */
export const TEXT_COLOR = '#1c2630';
export const GRID_COLOR = '#c3cbd4';
/** Bars of each band, lowest band first; "insufficient" grey. */
export const BAND_COLORS = ['#a4161a', '#9a5b00', '#1e6b34', '#0b4f8a'];
export const INSUFFICIENT_COLOR = '#6b7280';
/** Light zones behind marks, lowest band first (as the site page's trend chart). */
export const ZONE_COLORS = ['#f6d5d3', '#fbe7b5', '#d6ecd6', '#cfe3f3'];
export const KIND_COLORS = { external: '#0b4f8a', self: '#8a3b08', peer: '#2f6b2f' } as const;
/** Heat map cells for scores 1..5: the dark text on each has at least 9:1. */
export const HEAT_COLORS = ['#f2b8b5', '#f9d7a8', '#fdf0b3', '#cfe8cc', '#a9d8b4'];

export const bandColor = (rank: number) => (rank < 0 ? INSUFFICIENT_COLOR : BAND_COLORS[rank % BAND_COLORS.length]!);

export interface Zone {
  from: number;
  to: number;
  label: string;
  color: string;
}

/**
 * The fidelity bands as coloured zones behind the marks along the value axis ('x' for horizontal bars and the
 * scatter, 'y' for lines), each named at its edge so the band reads without telling colours apart. Zones meet
 * halfway between one band's max and the next one's min.
 */
export function zonesPlugin<T extends ChartType>(axis: 'x' | 'y', zones: readonly Zone[], fontFamily: string): Plugin<T> {
  return {
    id: 'bandZones',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const scale = scales[axis];
      if (!scale) return;
      const sorted = [...zones].sort((a, b) => a.from - b.from);
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
      ctx.clip();
      ctx.font = `600 12px ${fontFamily}`;
      sorted.forEach((zone, index) => {
        const lower = index === 0 ? zone.from : (sorted[index - 1]!.to + zone.from) / 2;
        const next = sorted[index + 1];
        const upper = next ? (zone.to + next.from) / 2 : zone.to;
        const a = scale.getPixelForValue(lower);
        const b = scale.getPixelForValue(upper);
        ctx.fillStyle = zone.color;
        if (axis === 'x') ctx.fillRect(Math.min(a, b), chartArea.top, Math.abs(b - a), chartArea.height);
        else ctx.fillRect(chartArea.left, Math.min(a, b), chartArea.width, Math.abs(b - a));
        if (axis === 'y') {
          ctx.fillStyle = TEXT_COLOR;
          ctx.textBaseline = 'top';
          ctx.fillText(zone.label, chartArea.left + 6, Math.max(b, chartArea.top) + 4);
        }
      });
      ctx.restore();
      // Along x the marks would cover the names: they go in the strip above the chart area (ZONE_LABEL_SPACE).
      if (axis === 'x') {
        ctx.save();
        ctx.font = `600 12px ${fontFamily}`;
        ctx.fillStyle = TEXT_COLOR;
        ctx.textBaseline = 'bottom';
        sorted.forEach((zone, index) => {
          const lower = index === 0 ? zone.from : (sorted[index - 1]!.to + zone.from) / 2;
          ctx.fillText(zone.label, Math.max(scale.getPixelForValue(lower), chartArea.left) + 4, chartArea.top - 3);
        });
        ctx.restore();
      }
    },
  };
}

/** Room above the chart area for the names of zones along x (below the title: its bottom padding). */
export const ZONE_LABEL_SPACE = 20;

/** The scale's bands as zones, lowest first, with their labels in the UI language. */
export function zonesOf(bands: readonly { key: string; min: number; max: number }[], label: (key: string) => string): Zone[] {
  return [...bands].sort((a, b) => a.min - b.min).map((band, index) => ({ from: band.min, to: band.max, label: label(band.key), color: ZONE_COLORS[index % ZONE_COLORS.length]! }));
}
