import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';

// Only the chart.js pieces this chart uses, so the bundle leaves the rest out.
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

export interface TrendPoint {
  /** The first visit date as a UTC timestamp (ms). */
  x: number;
  y: number;
  estimate: boolean;
  /** What the tooltip says about this point, already in the UI language. */
  label: string;
}

export interface TrendSeries {
  key: 'external' | 'self' | 'peer';
  label: string;
  color: string;
  pointStyle: 'circle' | 'rectRot' | 'triangle';
  dash: number[];
  points: TrendPoint[];
}

export interface BandZone {
  /** Lowest and highest total of the band, from the scale data. */
  from: number;
  to: number;
  label: string;
  color: string;
}

/**
 * The fidelity bands as coloured horizontal zones behind the lines, each named at its left edge, so the band
 * is readable without telling colours apart. Zones meet halfway between one band's max and the next one's min.
 */
export function bandZonesPlugin(zones: readonly BandZone[], textColor: string, fontFamily: string): Plugin<'line'> {
  return {
    id: 'bandZones',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const y = scales['y'];
      if (!y) return;
      const sorted = [...zones].sort((a, b) => a.from - b.from);
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
      ctx.clip();
      sorted.forEach((zone, index) => {
        const lower = index === 0 ? zone.from : (sorted[index - 1]!.to + zone.from) / 2;
        const next = sorted[index + 1];
        const upper = next ? (zone.to + next.from) / 2 : zone.to;
        const top = y.getPixelForValue(upper);
        const bottom = y.getPixelForValue(lower);
        ctx.fillStyle = zone.color;
        ctx.fillRect(chartArea.left, top, chartArea.width, bottom - top);
        ctx.fillStyle = textColor;
        ctx.font = `600 12px ${fontFamily}`;
        ctx.textBaseline = 'top';
        ctx.fillText(zone.label, chartArea.left + 6, Math.max(top, chartArea.top) + 4);
      });
      ctx.restore();
    },
  };
}

const DAY_MS = 86_400_000;

export interface TrendChartOptions {
  series: readonly TrendSeries[];
  zones: readonly BandZone[];
  yRange: { min: number; max: number };
  /** Where the y axis has ticks: the scale's range and each band's lowest total. */
  yTicks: readonly number[];
  formatDate: (timestamp: number) => string;
  formatTotal: (value: number) => string;
  textColor: string;
  gridColor: string;
  /** The page's font, so the chart's text matches the rest of the screen. */
  fontFamily?: string;
}

export function trendChartConfig(options: TrendChartOptions): ChartConfiguration<'line', TrendPoint[]> {
  const { series, zones, yRange, yTicks, formatDate, formatTotal, textColor, gridColor } = options;
  const font = { family: options.fontFamily ?? 'system-ui, sans-serif', size: 12 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const padding = Math.max((maxX - minX) * 0.06, 45 * DAY_MS);
  const ticks = [...new Set(xs)].sort((a, b) => a - b);
  return {
    type: 'line',
    data: {
      datasets: series.map((s) => ({
        label: s.label,
        data: s.points,
        parsing: false,
        borderColor: s.color,
        borderWidth: 2.5,
        borderDash: s.dash,
        pointStyle: s.pointStyle,
        pointRadius: 6,
        pointHoverRadius: 8,
        pointBorderWidth: 2.5,
        pointBorderColor: s.color,
        // Estimates (partial reviews) are hollow; complete totals are filled.
        pointBackgroundColor: s.points.map((p) => (p.estimate ? '#ffffff' : s.color)),
        tension: 0,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: textColor,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          type: 'linear',
          min: minX - padding,
          max: maxX + padding,
          afterBuildTicks: (axis) => {
            axis.ticks = ticks.map((value) => ({ value }));
          },
          ticks: { color: textColor, font, callback: (value) => formatDate(Number(value)), maxRotation: 0, autoSkip: true },
          grid: { color: gridColor },
        },
        y: {
          type: 'linear',
          min: yRange.min,
          max: yRange.max,
          afterBuildTicks: (axis) => {
            axis.ticks = yTicks.map((value) => ({ value }));
          },
          ticks: { color: textColor, font, callback: (value) => formatTotal(Number(value)) },
          grid: { color: gridColor },
        },
      },
      plugins: {
        tooltip: {
          titleFont: { ...font, weight: 'bold' },
          bodyFont: font,
          callbacks: {
            title: (items) => (items[0] ? formatDate(items[0].parsed.x ?? 0) : ''),
            label: (item) => `${item.dataset.label ?? ''}: ${(item.raw as TrendPoint).label}`,
          },
        },
      },
    },
    plugins: [bandZonesPlugin(zones, textColor, font.family)],
  };
}
