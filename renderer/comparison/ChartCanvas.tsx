import { useEffect, useRef } from 'react';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { LOCALE_OF } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { TEXT_COLOR } from './chart-theme.ts';

/**
 * A chart.js chart on a canvas. The canvas is one image to assistive technology (role="img" named by the chart's
 * text summary); the same data is one click away as a table. `build` gets the page's font so the chart's text
 * matches the screen; a new `build` (memoised on the data) draws a new chart.
 */
export function ChartCanvas<T extends ChartType>({ build, summary, height }: { build: (fontFamily: string) => ChartConfiguration<T>; summary: string; height: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const language = useUiLanguage();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const fontFamily = getComputedStyle(canvas).fontFamily;
    Chart.defaults.color = TEXT_COLOR;
    Chart.defaults.font.family = fontFamily;
    const config = build(fontFamily) as ChartConfiguration;
    // Axis numbers in the UI language's form (fi: 2,5), as everywhere else in the app.
    const chart = new Chart(canvas, { ...config, options: { ...config.options, locale: LOCALE_OF[language] } });
    return () => chart.destroy();
  }, [build, language]);
  return (
    <div className="comparison-chart-canvas" style={{ height }}>
      <canvas ref={canvasRef} role="img" aria-label={summary} />
    </div>
  );
}
