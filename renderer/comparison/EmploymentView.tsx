import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { EMPLOYMENT_MEASURES, type EmploymentMeasure, type EmploymentMeasureShare } from '../../electron/contract/comparison-contract.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useScoreText } from '../components/use-score-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useBandLabel, useScoreBand } from '../scales/band-labels.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { GRID_COLOR, KIND_COLORS, zonesOf, zonesPlugin, ZONE_LABEL_SPACE } from './chart-theme.ts';
import { formatCount, formatPercent } from './comparison-format.ts';
import { EmploymentMeasureChoice } from './EmploymentMeasureChoice.tsx';
import { Pager } from './Pager.tsx';
import { usePaged } from './use-paged.ts';
import { ViewStatus, type ViewProps } from './view-support.tsx';
import { useRegionNames } from '../components/use-region-name.ts';

const NO_SITES: never[] = [];
type Point = { x: number; y: number; estimate: boolean; text: string };

/**
 * Fidelity against employment, as the IPS research literature shows it: each site's total (x, over the band
 * zones) against the share of its IPS clients with the chosen outcome (y: in competitive work, working or
 * studying, or of those in work, in it at least 6 or 12 months; docs/employment-outcomes.md), with Pearson's r
 * for that outcome. Each share is over the periods that reported it, and the table says how many did.
 */
export function EmploymentView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const regionNames = useRegionNames();
  const format = useFormat();
  const language = format.language;
  const bandLabel = useBandLabel();
  const scoreText = useScoreText();
  const scoreBand = useScoreBand();
  const [measure, setMeasure] = useState<EmploymentMeasure>('competitiveWork');
  const query = useApiQuery('comparison.fidelityEmployment', input);
  const data = query.data;
  const paged = usePaged(data?.sites ?? NO_SITES, 25);
  const measureLabel = t(`comparison.employment.measures.${measure}`);
  const charted = useMemo(
    () => (data?.sites ?? []).flatMap((s) => {
      const share = s.measures[measure].share;
      return s.review?.total != null && share !== null ? [{ site: s, review: s.review, total: s.review.total, share }] : [];
    }),
    [data, measure],
  );

  const build = useMemo(() => {
    const zones = zonesOf(scale.scoring.bands, (key) => bandLabel(key));
    const points: Point[] = charted.map(({ site, review, total, share }) => ({
      x: total,
      y: share * 100,
      estimate: review.estimate,
      text: t('comparison.employment.pointLabel', { site: site.siteName, total: scoreText(review), band: scoreBand(review, review.scale), measure: measureLabel, rate: formatPercent(share, language) }),
    }));
    return (fontFamily: string): ChartConfiguration<'scatter', Point[]> => ({
      type: 'scatter',
      data: {
        datasets: [{
          label: measureLabel,
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
          y: { min: 0, max: 100, title: { display: true, text: t('comparison.employment.yAxis', { measure: measureLabel }) }, grid: { color: GRID_COLOR } },
        },
        plugins: {
          title: { display: true, text: t('comparison.employment.title'), padding: { top: 4, bottom: 6 + ZONE_LABEL_SPACE } },
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => (item.raw as Point).text } },
        },
      },
      plugins: [zonesPlugin<'scatter'>('x', zones, fontFamily)],
    });
  }, [charted, scale, bandLabel, scoreText, scoreBand, t, language, measureLabel]);

  if (!data) return <ViewStatus query={query} />;
  const meanShare = charted.length ? charted.reduce((sum, p) => sum + p.share, 0) / charted.length : 0;
  const counts = { count: charted.length, sites: formatCount(charted.length, language), rate: formatPercent(meanShare, language), measure: measureLabel };
  const estimates = charted.filter((p) => p.review.estimate).length;
  const correlation = data.correlations[measure];
  const summary = charted.length === 0
    ? t('comparison.employment.summaryNone', { measure: measureLabel })
    : [
        correlation === null
          ? t('comparison.employment.summaryNoCorrelation', counts)
          : t('comparison.employment.summary', { ...counts, r: format.decimal(correlation, 2) }),
        estimates > 0 && t('comparison.employment.summaryEstimates', { count: estimates }),
      ].filter(Boolean).join(' ');

  /** A share with what it is over: "6/30" clients for competitive work, else how many periods reported it. */
  const shareCell = (share: EmploymentMeasureShare, m: EmploymentMeasure, periods: number) => {
    if (share.periods === 0) return t('comparison.employment.notReported');
    const detail = m === 'competitiveWork'
      ? `${formatCount(share.count, language)}/${formatCount(share.of, language)}`
      : t('comparison.employment.reportedPeriods', { count: periods, reported: share.periods });
    return (
      <>
        {share.share === null ? t('comparison.employment.noBase') : formatPercent(share.share, language)}
        <span className="employment-share__detail muted">{detail}</span>
      </>
    );
  };

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.employment.title')}
        summary={summary}
        notes={<p className="muted">{t('comparison.employment.hint')}</p>}
        controls={<EmploymentMeasureChoice measure={measure} onChange={setMeasure} />}
        chart={charted.length > 0 && <ChartCanvas build={build} summary={summary} height={420} />}
        table={
          <>
            <Pager paged={paged} title={t('comparison.employment.caption')} />
            <ScrollRegion label={t('comparison.employment.caption')}>
              <table className="data-table">
                <caption>{t('comparison.employment.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('comparison.columns.site')}</th>
                    <th scope="col">{t('comparison.columns.region')}</th>
                    <th scope="col">{t('comparison.employment.period')}</th>
                    <th scope="col">{t('comparison.employment.served')}</th>
                    {EMPLOYMENT_MEASURES.map((m) => (
                      <th key={m} scope="col">{t(`comparison.employment.columns.${m}`)}</th>
                    ))}
                    <th scope="col">{t('comparison.columns.total')}</th>
                    <th scope="col">{t('comparison.columns.band')}</th>
                  </tr>
                </thead>
                <tbody>
                  {paged.rows.map((s) => (
                    <tr key={s.siteId}>
                      <th scope="row">{s.siteName}</th>
                      <td>{regionNames.nameOfRow(s) ?? t('comparison.noRegion')}</td>
                      <td className="nowrap">{`${format.date(s.periodStart)}–${format.date(s.periodEnd)} (${s.periods})`}</td>
                      <td>{formatCount(s.clientsServed, language)}</td>
                      {EMPLOYMENT_MEASURES.map((m) => (
                        <td key={m}>{shareCell(s.measures[m], m, s.periods)}</td>
                      ))}
                      <td>{s.review ? `${scoreText(s.review)} (${format.date(s.review.date)})` : t('comparison.employment.noReview')}</td>
                      <td>{s.review ? scoreBand(s.review, s.review.scale) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        }
      />
    </>
  );
}
