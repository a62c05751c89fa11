import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { formatTotal, formatTotalStatistic } from '../../scales/review-rules/total-format.ts';
import { useScoreText } from '../components/use-score-text.ts';
import { useBandLabel, useScoreBand } from '../scales/band-labels.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { bandColor, GRID_COLOR, zonesOf, zonesPlugin, ZONE_LABEL_SPACE } from './chart-theme.ts';
import { formatCount, median } from './comparison-format.ts';
import { Pager } from './Pager.tsx';
import { ordered, OrderSelect, type Order } from './SiteOrder.tsx';
import { usePaged } from './use-paged.ts';
import { bandRank, ViewStatus, type ViewProps } from './view-support.tsx';
import { useRegionNames } from '../components/use-region-name.ts';

const PAGE_SIZE = 25;

/** Each site's latest total as a bar over the band zones, 25 sites a page, in the order chosen. */
export function SiteTotalsView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const regionNames = useRegionNames();
  const format = useFormat();
  const bandLabel = useBandLabel();
  const scoreText = useScoreText();
  const scoreBand = useScoreBand();
  const [order, setOrder] = useState<Order>('totalDesc');
  const query = useApiQuery('comparison.siteTotals', input);
  const sites = useMemo(() => ordered(query.data?.sites ?? [], order), [query.data, order]);
  const paged = usePaged(sites, PAGE_SIZE);
  const page = paged.rows;

  const build = useMemo(() => {
    const zones = zonesOf(scale.scoring.bands, (key) => bandLabel(key));
    return (fontFamily: string): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: page.map((s) => s.siteName),
        datasets: [{
          label: t('comparison.siteTotals.axis'),
          data: page.map((s) => s.total ?? scale.scoring.totalRange.min),
          backgroundColor: page.map((s) => bandColor(s.total === null ? -1 : bandRank(scale, s.band))),
          barPercentage: 0.8,
        }],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min: scale.scoring.totalRange.min, max: scale.scoring.totalRange.max, title: { display: true, text: t('comparison.siteTotals.axis') }, grid: { color: GRID_COLOR } },
          y: { grid: { display: false } },
        },
        plugins: {
          legend: { display: false },
          title: { display: true, text: t('comparison.siteTotals.title'), padding: { top: 4, bottom: 6 + ZONE_LABEL_SPACE } },
          tooltip: { callbacks: { label: (item) => `${scoreText(page[item.dataIndex]!)} – ${scoreBand(page[item.dataIndex]!, page[item.dataIndex]!.scale)}` } },
        },
      },
      plugins: [zonesPlugin<'bar'>('x', zones, fontFamily)],
    });
  }, [page, scale, bandLabel, scoreText, scoreBand, t]);

  const data = query.data;
  if (!data) return <ViewStatus query={query} />;
  const scored = data.sites.filter((s) => s.total !== null).sort((a, b) => a.total! - b.total!);
  const totals = scored.map((s) => s.total!);
  const bands = [...scale.scoring.bands].sort((a, b) => b.min - a.min).map((band) => ({ band, count: data.sites.filter((s) => s.band === band.key).length }));
  const noTotal = data.sites.length - totals.length;
  const estimates = scored.filter((s) => s.estimate).length;
  const summary = data.sites.length === 0
    ? t('comparison.chart.empty')
    : [
        totals.length > 0 && t('comparison.siteTotals.summary', {
          count: totals.length,
          sites: formatCount(totals.length, format.language),
          min: formatTotal(scored[0]!, format.language),
          max: formatTotal(scored[scored.length - 1]!, format.language),
          median: formatTotalStatistic(median(totals)!, scale, format.language),
          parts: bands.filter((b) => b.count > 0).map((b) => t('comparison.bands.part', { band: bandLabel(b.band.key), count: formatCount(b.count, format.language) })).join(', '),
        }),
        noTotal > 0 && t('comparison.siteTotals.summaryNoTotal', { count: noTotal, sites: formatCount(noTotal, format.language) }),
        estimates > 0 && t('comparison.siteTotals.summaryEstimates', { count: estimates }),
      ].filter(Boolean).join(' ');

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.siteTotals.title')}
        summary={summary}
        controls={
          <div className="comparison-controls">
            <OrderSelect order={order} onChange={setOrder} />
            <Pager paged={paged} title={t('comparison.siteTotals.title')} />
          </div>
        }
        chart={page.length > 0 && <ChartCanvas build={build} summary={summary} height={90 + page.length * 26} />}
        table={
          <table className="data-table">
            <caption>{t('comparison.siteTotals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('comparison.columns.site')}</th>
                <th scope="col">{t('comparison.columns.region')}</th>
                <th scope="col">{t('comparison.columns.date')}</th>
                <th scope="col">{t('comparison.columns.kind')}</th>
                <th scope="col">{t('comparison.columns.total')}</th>
                <th scope="col">{t('comparison.columns.band')}</th>
              </tr>
            </thead>
            <tbody>
              {page.map((s) => (
                <tr key={s.siteId}>
                  <th scope="row">{s.siteName}</th>
                  <td>{regionNames.nameOfRow(s) ?? t('comparison.noRegion')}</td>
                  <td className="nowrap">{format.date(s.date)}</td>
                  <td>{t(`reviewKind.${s.kind}`)}</td>
                  <td>{scoreText(s)}</td>
                  <td>{scoreBand(s, s.scale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}
