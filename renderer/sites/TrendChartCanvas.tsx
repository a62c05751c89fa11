import { useEffect, useRef } from 'react';
import { Chart } from 'chart.js';
import { trendChartConfig, type TrendChartOptions } from './trend-chart.ts';

/**
 * A chart.js line chart on a canvas. The canvas is one image to assistive technology (role="img" with a
 * summary as its name); the page shows the same data as a table next to it.
 */
export function TrendChartCanvas({ options, summary }: { options: TrendChartOptions; summary: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, trendChartConfig({ ...options, fontFamily: getComputedStyle(canvas).fontFamily }));
    return () => chart.destroy();
  }, [options]);
  return (
    <div className="trend-chart-canvas">
      <canvas ref={canvasRef} role="img" aria-label={summary} />
    </div>
  );
}
