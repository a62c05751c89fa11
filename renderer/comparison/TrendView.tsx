import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../scales/display-format.ts';
import { useScoreText } from '../components/use-score-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useBandLabel, useScoreBand } from '../scales/band-labels.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { zonesOf } from './chart-theme.ts';
import { formatCount } from './comparison-format.ts';
import { trendConfig, type TrendLine } from './trend-charts.ts';
import { useMeanTotalText, ViewStatus, type ViewProps } from './view-support.tsx';

/** The trend keeps all three kinds apart (a peer review is external only in the self-vs-external view). */
const KINDS = ['external', 'self', 'peer'] as const;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Totals over time: one site's reviews when a site is chosen, else the mean total per year and kind. */
export function TrendView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = format.language;
  const bandLabel = useBandLabel();
  const scoreText = useScoreText();
  const scoreBand = useScoreBand();
  const query = useApiQuery('comparison.trend', input);
  const data = query.data;
  const siteMode = input.siteId != null;
  const meanTotalText = useMeanTotalText(scale);
  const meanText = useCallback((y: { meanTotal: number | null; estimates: number }) => meanTotalText(y.meanTotal, y.estimates), [meanTotalText]);

  const build = useMemo(() => {
    if (!data) return null;
    const zones = zonesOf(scale.scoring.bands, (key) => bandLabel(key));
    const common = { title: t('comparison.trend.title'), axis: t('comparison.trend.axis'), zones, yRange: scale.scoring.totalRange };
    if (siteMode) {
      const lines: TrendLine[] = KINDS.map((kind) => ({
        kind,
        label: t(`reviewKind.${kind}`),
        points: data.reviews.filter((r) => r.kind === kind && r.total !== null).map((r) => ({ x: dayOf(r.date), y: r.total!, estimate: r.estimate, text: `${scoreText(r)} – ${scoreBand(r, r.scale)}` })),
      })).filter((l) => l.points.length > 0);
      const ticks = [...new Set(lines.flatMap((l) => l.points.map((p) => p.x)))].sort((a, b) => a - b);
      return (fontFamily: string) => trendConfig(lines, (x) => formatIsoDate(new Date(x).toISOString().slice(0, 10), language), ticks, { ...common, fontFamily });
    }
    const lines: TrendLine[] = KINDS.map((kind) => ({
      kind,
      label: t(`reviewKind.${kind}`),
      points: data.years.filter((y) => y.kind === kind && y.meanTotal !== null).map((y) => ({ x: y.year, y: y.meanTotal!, text: meanText(y) })),
    })).filter((l) => l.points.length > 0);
    const ticks = [...new Set(data.years.map((y) => y.year))].sort((a, b) => a - b);
    return (fontFamily: string) => trendConfig(lines, (x) => String(x), ticks, { ...common, fontFamily });
  }, [data, scale, siteMode, t, bandLabel, scoreText, scoreBand, meanText, language]);

  if (!data) return <ViewStatus query={query} />;
  let summary = t('comparison.chart.empty');
  if (siteMode && data.reviews.length > 0) {
    const latest = data.reviews[data.reviews.length - 1]!;
    summary = t('comparison.trend.summarySite', {
      count: data.reviews.length,
      from: format.date(data.reviews[0]!.date),
      to: format.date(latest.date),
      latest: `${t(`reviewKind.${latest.kind}`)} ${format.date(latest.date)}: ${scoreText(latest)} – ${scoreBand(latest, latest.scale)}`,
    });
  } else if (!siteMode && data.years.length > 0) {
    const years = data.years.map((y) => y.year);
    const last = Math.max(...years);
    summary = t('comparison.trend.summaryYears', {
      from: Math.min(...years),
      to: last,
      latest: data.years.filter((y) => y.year === last).map((y) => t(y.estimates > 0 ? 'comparison.trend.summaryKindEstimates' : 'comparison.trend.summaryKind', {
        kind: t(`reviewKind.${y.kind}`), mean: meanTotalText(y.meanTotal, 0), count: y.reviews, estimates: y.estimates,
      })).join(', '),
    });
  }
  const empty = siteMode ? data.reviews.length === 0 : data.years.length === 0;

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.trend.title')}
        summary={summary}
        notes={!siteMode && <p className="muted">{t('comparison.trend.hint')}</p>}
        chart={build && !empty && <ChartCanvas build={build} summary={summary} height={360} />}
        table={
          siteMode ? (
            <table className="data-table">
              <caption>{t('comparison.trend.captionSite')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comparison.columns.date')}</th>
                  <th scope="col">{t('comparison.columns.kind')}</th>
                  <th scope="col">{t('comparison.columns.total')}</th>
                  <th scope="col">{t('comparison.columns.band')}</th>
                </tr>
              </thead>
              <tbody>
                {data.reviews.map((r) => (
                  <tr key={r.reviewId}>
                    <th scope="row">{format.date(r.date)}</th>
                    <td>{t(`reviewKind.${r.kind}`)}</td>
                    <td>{scoreText(r)}</td>
                    <td>{scoreBand(r, r.scale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <table className="data-table">
              <caption>{t('comparison.trend.captionYears')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comparison.columns.year')}</th>
                  <th scope="col">{t('comparison.columns.kind')}</th>
                  <th scope="col">{t('comparison.columns.reviews')}</th>
                  <th scope="col">{t('comparison.columns.meanTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {data.years.map((y) => (
                  <tr key={`${y.year}-${y.kind}`}>
                    <th scope="row">{y.year}</th>
                    <td>{t(`reviewKind.${y.kind}`)}</td>
                    <td>{formatCount(y.reviews, language)}</td>
                    <td>{meanText(y)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      />
    </>
  );
}
