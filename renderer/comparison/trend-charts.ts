import type { ChartConfiguration } from 'chart.js';
import { GRID_COLOR, KIND_COLORS, zonesPlugin, type Zone } from './chart-theme.ts';

type Kind = 'external' | 'self' | 'peer';
const DASH: Record<Kind, number[]> = { external: [], self: [6, 4], peer: [2, 3] };
const POINT: Record<Kind, 'circle' | 'rectRot' | 'triangle'> = { external: 'circle', self: 'rectRot', peer: 'triangle' };

export interface TrendLine {
  kind: Kind;
  label: string;
  points: { x: number; y: number; estimate?: boolean; text: string }[];
}

interface Common {
  title: string;
  axis: string;
  zones: readonly Zone[];
  yRange: { min: number; max: number };
  fontFamily: string;
}

function datasets(lines: readonly TrendLine[]) {
  return lines.map((line) => ({
    label: line.label,
    data: line.points,
    parsing: false as const,
    borderColor: KIND_COLORS[line.kind],
    borderDash: DASH[line.kind],
    borderWidth: 2.5,
    pointStyle: POINT[line.kind],
    pointRadius: 5,
    pointBorderColor: KIND_COLORS[line.kind],
    pointBorderWidth: 2,
    // Estimates (partial reviews) hollow, complete totals filled, as on the site page.
    pointBackgroundColor: line.points.map((p) => (p.estimate ? '#ffffff' : KIND_COLORS[line.kind])),
  }));
}

/**
 * Lines over time with the band zones behind them. x is a number: a year, or a visit date's timestamp for one
 * site's reviews; `formatX` writes it.
 */
export function trendConfig(lines: readonly TrendLine[], formatX: (x: number) => string, ticks: readonly number[], common: Common): ChartConfiguration<'line', TrendLine['points']> {
  const xs = ticks.length ? ticks : [0];
  const pad = xs.length > 1 ? (Math.max(...xs) - Math.min(...xs)) * 0.04 : 1;
  return {
    type: 'line',
    data: { datasets: datasets(lines) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          type: 'linear',
          min: Math.min(...xs) - pad,
          max: Math.max(...xs) + pad,
          afterBuildTicks: (axis) => {
            axis.ticks = xs.map((value) => ({ value }));
          },
          ticks: { callback: (value) => formatX(Number(value)), autoSkip: true, maxRotation: 0 },
          grid: { color: GRID_COLOR },
        },
        y: { min: common.yRange.min, max: common.yRange.max, title: { display: true, text: common.axis }, grid: { color: GRID_COLOR } },
      },
      plugins: {
        title: { display: true, text: common.title },
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${(item.raw as TrendLine['points'][number]).text}` } },
      },
    },
    plugins: [zonesPlugin<'line'>('y', common.zones, common.fontFamily)],
  };
}
