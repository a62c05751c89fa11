import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

// Only the chart.js pieces this chart uses, so the bundle leaves the rest out.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const TEXT_COLOR = '#1c2630';
const GRID_COLOR = '#c3cbd4';
/**
 * The earlier review as hollow bars with a dark outline, the later one filled: the two read apart by fill, not by
 * colour alone, and both outlines keep 3:1 against white (WCAG 1.4.11).
 */
const EARLIER = { fill: '#ffffff', border: '#5a6b7b' };
const LATER = { fill: '#0b4f8a', border: '#0b4f8a' };

export interface ComparisonChartData {
  items: readonly number[];
  itemLabel: string;
  scoreLabel: string;
  /** Lowest and highest item score of the scale. */
  range: { min: number; max: number };
  series: readonly [{ label: string; scores: readonly (number | null)[] }, { label: string; scores: readonly (number | null)[] }];
  fontFamily: string;
  locale: string;
}

/** Both reviews' score per item as grouped bars; an item not rated in a review has no bar there (the table says why). */
export function comparisonChartConfig(data: ComparisonChartData): ChartConfiguration<'bar', (number | null)[], string> {
  const font = { family: data.fontFamily, size: 12 };
  const [earlier, later] = data.series;
  return {
    type: 'bar',
    data: {
      labels: data.items.map(String),
      datasets: [
        { label: earlier.label, data: [...earlier.scores], backgroundColor: EARLIER.fill, borderColor: EARLIER.border, borderWidth: 2 },
        { label: later.label, data: [...later.scores], backgroundColor: LATER.fill, borderColor: LATER.border, borderWidth: 2 },
      ],
    },
    options: {
      locale: data.locale,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { title: { display: true, text: data.itemLabel, color: TEXT_COLOR, font }, ticks: { color: TEXT_COLOR, font }, grid: { display: false } },
        y: {
          min: 0,
          max: data.range.max,
          ticks: { stepSize: 1, color: TEXT_COLOR, font },
          grid: { color: GRID_COLOR },
          title: { display: true, text: data.scoreLabel, color: TEXT_COLOR, font },
        },
      },
      plugins: { legend: { labels: { color: TEXT_COLOR, font } }, tooltip: { bodyFont: font, titleFont: font } },
    },
  };
}
