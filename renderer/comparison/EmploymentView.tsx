import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { useScoreText } from '../components/use-score-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useBandLabel, useScoreBand } from '../scales/band-labels.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { GRID_COLOR, KIND_COLORS, zonesOf, zonesPlugin, ZONE_LABEL_SPACE } from './chart-theme.ts';
import { formatCount, formatPercent } from './comparison-format.ts';
import { Pager } from './Pager.tsx';
import { usePaged } from './use-paged.ts';
import { ViewStatus, type ViewProps } from './view-support.tsx';

const NO_SITES: never[] = [];
type Point = { x: number; y: number; estimate: boolean; text: string };

/**
 * Fidelity against employment, as the IPS research literature shows it: each site's total (x, over the band
 * zones) against the share of its IPS clients in competitive work (y), with Pearson's r.
 */
export function EmploymentView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = format.language;
  const bandLabel = useBandLabel();
  const scoreText = useScoreText();
  const scoreBand = useScoreBand();
  const query = useApiQuery('comparison.fidelityEmployment', input);
  const data = query.data;
  const paged = usePaged(data?.sites ?? NO_SITES, 25);
  const charted = useMemo(() => (data?.sites ?? []).filter((s) => s.review?.total != null), [data]);

  const build = useMemo(() => {
    const zones = zonesOf(scale.scoring.bands, (key) => bandLabel(key));
    const points: Point[] = charted.map((s) => ({
      x: s.review!.total!,
      y: s.rate * 100,
      estimate: s.review!.estimate,
      text: t('comparison.employment.pointLabel', { site: s.siteName, total: scoreText(s.review!), band: scoreBand(s.review!, s.review!.scale), rate: formatPercent(s.rate, language) }),
    }));
    return (fontFamily: string): ChartConfiguration<'scatter', Point[]> => ({
      type: 'scatter',
      data: {
        datasets: [{
          label: t('comparison.employment.rate'),
          data: points,
          parsing: false,
          pointRadius: 5,
          pointBorderWidth: 2,
          borderColor: KIND_COLORS.external,
          pointBackgroundColor: points.map((p) => (p.estimate ? '#ffffff' : KIND_COLORS.external)),
        }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { type: 'linear', min: scale.scoring.totalRange.min, max: scale.scoring.totalRange.max, title: { display: true, text: t('comparison.employment.xAxis') }, grid: { color: GRID_COLOR } },
          y: { min: 0, max: 100, title: { display: true, text: t('comparison.employment.yAxis') }, grid: { color: GRID_COLOR } },
        },
        plugins: {
          title: { display: true, text: t('comparison.employment.title'), padding: { top: 4, bottom: 6 + ZONE_LABEL_SPACE } },
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => (item.raw as Point).text } },
        },
      },
      plugins: [zonesPlugin<'scatter'>('x', zones, fontFamily)],
    });
  }, [charted, scale, bandLabel, scoreText, scoreBand, t, language]);

  if (!data) return <ViewStatus query={query} />;
  const meanRate = charted.length ? charted.reduce((sum, s) => sum + s.rate, 0) / charted.length : 0;
  const counts = { count: charted.length, sites: formatCount(charted.length, language), rate: formatPercent(meanRate, language) };
  const estimates = charted.filter((s) => s.review!.estimate).length;
  const summary = charted.length === 0
    ? t('comparison.chart.empty')
    : [
        data.correlations.competitiveWork === null
          ? t('comparison.employment.summaryNoCorrelation', counts)
          : t('comparison.employment.summary', { ...counts, r: format.decimal(data.correlations.competitiveWork, 2) }),
        estimates > 0 && t('comparison.employment.summaryEstimates', { count: estimates }),
      ].filter(Boolean).join(' ');

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.employment.title')}
        summary={summary}
        notes={<p className="muted">{t('comparison.employment.hint')}</p>}
        chart={charted.length > 0 && <ChartCanvas build={build} summary={summary} height={420} />}
        table={
          <>
            <Pager paged={paged} title={t('comparison.employment.caption')} />
            <table className="data-table">
              <caption>{t('comparison.employment.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comparison.columns.site')}</th>
                  <th scope="col">{t('comparison.columns.region')}</th>
                  <th scope="col">{t('comparison.employment.period')}</th>
                  <th scope="col">{t('comparison.employment.served')}</th>
                  <th scope="col">{t('comparison.employment.inWork')}</th>
                  <th scope="col">{t('comparison.employment.rate')}</th>
                  <th scope="col">{t('comparison.columns.total')}</th>
                  <th scope="col">{t('comparison.columns.band')}</th>
                </tr>
              </thead>
              <tbody>
                {paged.rows.map((s) => (
                  <tr key={s.siteId}>
                    <th scope="row">{s.siteName}</th>
                    <td>{s.regionName ?? t('comparison.noRegion')}</td>
                    <td className="nowrap">{`${format.date(s.periodStart)}–${format.date(s.periodEnd)} (${s.periods})`}</td>
                    <td>{formatCount(s.clientsServed, language)}</td>
                    <td>{formatCount(s.inCompetitiveWork, language)}</td>
                    <td>{formatPercent(s.rate, language)}</td>
                    <td>{s.review ? `${scoreText(s.review)} (${format.date(s.review.date)})` : t('comparison.employment.noReview')}</td>
                    <td>{s.review ? scoreBand(s.review, s.review.scale) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        }
      />
    </>
  );
}
