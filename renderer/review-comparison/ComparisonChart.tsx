import { useEffect, useRef } from 'react';
import { Chart } from 'chart.js';
import { useTranslation } from 'react-i18next';
import type { ComparableReview, ReviewComparisonResult } from '../../electron/contract/review-comparison-contract.ts';
import { LOCALE_OF } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { comparisonChartConfig } from './comparison-chart.ts';
import { useReviewLabel } from './use-review-label.ts';

type Compared = Extract<ReviewComparisonResult, { comparable: true }>;

interface ComparisonChartProps {
  reviews: readonly [ComparableReview, ComparableReview];
  comparison: Compared;
  range: { min: number; max: number };
}

/**
 * Both reviews' scores per item as a chart.js bar chart. The canvas is one image to assistive technology
 * (role="img" named by a summary); the tables above hold the same data.
 */
export function ComparisonChart({ reviews, comparison, range }: ComparisonChartProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const reviewLabel = useReviewLabel();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [first, second] = reviews.map(reviewLabel) as [string, string];
  const itemLabel = t('reviewComparison.chart.axisItem');
  const scoreLabel = t('reviewComparison.chart.axisScore');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(
      canvas,
      comparisonChartConfig({
        items: comparison.items.map((i) => i.item),
        itemLabel,
        scoreLabel,
        range,
        series: [
          { label: first, scores: comparison.items.map((i) => i.before.score) },
          { label: second, scores: comparison.items.map((i) => i.after.score) },
        ],
        fontFamily: getComputedStyle(canvas).fontFamily,
        locale: LOCALE_OF[language],
      }),
    );
    return () => chart.destroy();
  }, [comparison, range, first, second, itemLabel, scoreLabel, language]);

  return (
    <section aria-labelledby="comparison-chart-heading" className="comparison-chart">
      <h2 id="comparison-chart-heading">{t('reviewComparison.chart.heading')}</h2>
      <div className="comparison-chart__canvas">
        <canvas ref={canvasRef} role="img" aria-label={t('reviewComparison.chart.summary', { first, second })} />
      </div>
    </section>
  );
}
