import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSummary } from '../../electron/contract/entities.ts';
import { localized } from '../../scales/display-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScoreValue } from '../components/ScoreValue.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useScoreBand } from '../scales/band-labels.tsx';
import { localDate } from '../../scales/review-rules/local-date.ts';
import { useScoreText } from '../components/use-score-text.ts';
import type { BandZone, TrendChartOptions, TrendSeries } from './trend-chart.ts';
import { TrendChartCanvas } from './TrendChartCanvas.tsx';

/** Light tints behind the lines, lowest band first; the lines and labels on them keep AA contrast. */
const ZONE_COLORS = ['#f6d5d3', '#fbe7b5', '#d6ecd6', '#cfe3f3'];
const SERIES_STYLE = {
  external: { color: '#0b4f8a', pointStyle: 'circle', dash: [] as number[] },
  self: { color: '#8a3b08', pointStyle: 'rectRot', dash: [6, 4] },
  peer: { color: '#2f6b2f', pointStyle: 'triangle', dash: [2, 3] },
} as const;
const TEXT_COLOR = '#1c2630';
const GRID_COLOR = '#c3cbd4';

const firstVisit = (review: ReviewSummary) => [...review.visitDates].sort()[0] ?? localDate(new Date(review.createdAt));
const timestampOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/**
 * A site's review totals over time (x: first visit date), external reviews and self-assessments as two lines,
 * with the fidelity bands of the scale as zones. Shown when some review has a total.
 */
export function SiteTrendChart({ reviews }: { reviews: readonly ReviewSummary[] }) {
  const charted = reviews
    .filter((r) => r.score.total !== null)
    .sort((a, b) => firstVisit(a).localeCompare(firstVisit(b)) || a.id - b.id);
  const newest = charted[charted.length - 1];
  if (!newest) return null;
  return <ChartWithScale reviews={charted} scaleRef={newest.scale} />;
}

function ChartWithScale({ reviews, scaleRef }: { reviews: readonly ReviewSummary[]; scaleRef: { id: string; version: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const scoreBand = useScoreBand();
  const errorMessage = useErrorMessage();
  const scale = useApiQuery('scales.get', { id: scaleRef.id, version: scaleRef.version });
  const scoring = scale.data?.scale.scoring;

  const zones = useMemo<BandZone[]>(
    () =>
      scoring
        ? [...scoring.bands].sort((a, b) => a.min - b.min).map((band, index) => ({
            from: band.min,
            to: band.max,
            label: localized(band.label, format.language),
            color: ZONE_COLORS[index % ZONE_COLORS.length]!,
          }))
        : [],
    [scoring, format.language],
  );

  const scoreText = useScoreText();
  const totalText = (review: ReviewSummary) => t('consensus.chart.pointLabel', { total: scoreText(review.score), band: scoreBand(review.score, review.scale) });

  const series: TrendSeries[] = (['external', 'self', 'peer'] as const)
    .map((kind) => ({
      key: kind,
      label: t(`reviewKind.${kind}`),
      color: SERIES_STYLE[kind].color,
      pointStyle: SERIES_STYLE[kind].pointStyle,
      dash: [...SERIES_STYLE[kind].dash],
      points: reviews
        .filter((r) => r.kind === kind)
        .map((r) => ({ x: timestampOf(firstVisit(r)), y: r.score.total ?? 0, estimate: r.score.estimate, label: totalText(r) })),
    }))
    .filter((s) => s.points.length > 0);
  const seriesKey = JSON.stringify(series);

  const options = useMemo<TrendChartOptions | null>(() => {
    if (!scoring) return null;
    const yTicks = [...new Set([scoring.totalRange.min, ...scoring.bands.map((b) => b.min), scoring.totalRange.max])].sort((a, b) => a - b);
    return {
      series: JSON.parse(seriesKey) as TrendSeries[],
      zones,
      yRange: scoring.totalRange,
      yTicks,
      formatDate: (timestamp: number) => format.date(new Date(timestamp).toISOString().slice(0, 10)),
      formatTotal: (value: number) => format.decimal(value, 0),
      textColor: TEXT_COLOR,
      gridColor: GRID_COLOR,
    };
    // The formatters follow format.language; seriesKey stands for the series' content (a new chart only on change).
  }, [scoring, zones, seriesKey, format.language]);

  const first = reviews[0]!;
  const latest = reviews[reviews.length - 1]!;
  const summary = t('consensus.chart.summary', {
    count: reviews.length,
    from: format.date(firstVisit(first)),
    to: format.date(firstVisit(latest)),
    latest: totalText(latest),
    kind: t(`reviewKind.${latest.kind}`),
  });

  return (
    <section aria-labelledby="site-trend-heading" className="site-trend">
      <h2 id="site-trend-heading">{t('consensus.chart.title')}</h2>
      {scale.status === 'error' && <ErrorAlert message={errorMessage(scale.error)} onRetry={scale.reload} />}
      {options && (
        <div className="trend-chart">
          <TrendChartCanvas options={options} summary={summary} />
          <ChartLegend series={series} zones={zones} />
        </div>
      )}
      <details className="chart-data">
        <summary>{t('consensus.chart.dataSummary')}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{t('consensus.chart.dataCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consensus.chart.date')}</th>
              <th scope="col">{t('site.table.kind')}</th>
              <th scope="col">{t('site.table.total')}</th>
              <th scope="col">{t('site.table.band')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.id}>
                <th scope="row">{format.date(firstVisit(review))}</th>
                <td>{t(`reviewKind.${review.kind}`)}</td>
                <td className="wrap-words">
                  <ScoreValue score={review.score} />
                </td>
                <td>{scoreBand(review.score, review.scale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** The chart's legend in HTML: the two lines, what a hollow point means, and the band zones with their ranges. */
function ChartLegend({ series, zones }: { series: readonly TrendSeries[]; zones: readonly BandZone[] }) {
  const { t } = useTranslation();
  return (
    <div className="chart-legend">
      <ul aria-label={t('consensus.chart.legendSeries')}>
        {series.map((s) => (
          <li key={s.key}>
            <span className={`legend-line legend-line--${s.key}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
        <li>
          <span className="legend-point legend-point--filled" aria-hidden="true" />
          {t('consensus.chart.complete')}
        </li>
        <li>
          <span className="legend-point legend-point--hollow" aria-hidden="true" />
          {t('consensus.chart.estimate')}
        </li>
      </ul>
      <ul aria-label={t('consensus.chart.legendBands')}>
        {[...zones].reverse().map((zone) => (
          <li key={zone.label}>
            <span className="legend-zone" style={{ background: zone.color }} aria-hidden="true" />
            {t('consensus.chart.bandRange', { band: zone.label, min: zone.from, max: zone.to })}
          </li>
        ))}
      </ul>
    </div>
  );
}
