import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { chartFileName } from './comparison-format.ts';
import { savePng } from './png-export.ts';

interface ChartPanelProps {
  title: string;
  /** What the chart shows, in words: read by everyone, and the canvas's accessible name. */
  summary: string;
  /** Notes under the title: what the view counts. */
  notes?: ReactNode;
  /** Controls that change what the chart and the table show (order, pages). */
  controls?: ReactNode;
  chart: ReactNode;
  /** The chart's numbers as a table (none when the chart is itself a table: tableOnly). */
  table?: ReactNode;
  /** The image to save; by default the chart's canvas. */
  pngSource?: () => HTMLCanvasElement | null;
  /** The "chart" is itself a table (the heat map): no table toggle. */
  tableOnly?: boolean;
}

/**
 * One comparison view: title, text summary, the chart, "Show as a table" and "Save PNG". The table holds the same
 * numbers as the chart, so nothing is only in the picture.
 */
export function ChartPanel({ title, summary, notes, controls, chart, table, pngSource, tableOnly = false }: ChartPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const figureRef = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const save = async () => {
    const canvas = pngSource ? pngSource() : figureRef.current?.querySelector('canvas') ?? null;
    setSaveFailed(false);
    if (!canvas) return setSaveFailed(true);
    setSaving(true);
    try {
      await savePng(canvas, chartFileName(title));
    } catch {
      setSaveFailed(true);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="comparison-view" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {notes}
      <p className="comparison-summary">{summary}</p>
      {controls}
      <div ref={figureRef} className="comparison-figure">
        {chart}
      </div>
      <div className="comparison-actions">
        {!tableOnly && (
          <button type="button" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((shown) => !shown)}>
            {showTable ? t('comparison.chart.hideTable') : t('comparison.chart.showTable')}
          </button>
        )}
        <button type="button" onClick={() => void save()} disabled={saving}>
          {t('comparison.chart.savePng')}
        </button>
      </div>
      {saveFailed && <ErrorAlert message={t('comparison.chart.savePngFailed')} />}
      {!tableOnly && (
        <div id={`${id}-table`} className="comparison-table" hidden={!showTable}>
          {showTable && table}
        </div>
      )}
    </section>
  );
}
