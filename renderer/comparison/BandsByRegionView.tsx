import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { useBandLabel } from '../scales/band-labels.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { bandColor, GRID_COLOR } from './chart-theme.ts';
import { formatCount } from './comparison-format.ts';
import { bandRank, ViewStatus, type ViewProps } from './view-support.tsx';
import { useRegionNames } from '../components/use-region-name.ts';

/** How many sites are in each band, region by region (each site's latest review): a stacked bar per region. */
export function BandsByRegionView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const bandLabel = useBandLabel();
  const query = useApiQuery('comparison.bandsByRegion', input);
  const data = query.data;
  const regionNames = useRegionNames();
  const regionName = useCallback((row: Parameters<typeof regionNames.nameOfRow>[0]) => regionNames.nameOfRow(row) ?? t('comparison.noRegion'), [regionNames, t]);

  const build = useMemo(() => {
    if (!data) return null;
    return (fontFamily: string): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: data.regions.map((r) => regionName(r)),
        datasets: data.bands.map((band) => ({
          label: bandLabel(band),
          data: data.regions.map((r) => r.counts[band] ?? 0),
          backgroundColor: bandColor(band === 'insufficient' ? -1 : bandRank(scale, band)),
          borderColor: '#ffffff',
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, beginAtZero: true, title: { display: true, text: t('comparison.bands.axis') }, ticks: { precision: 0 }, grid: { color: GRID_COLOR } },
          y: { stacked: true, ticks: { font: { family: fontFamily } }, grid: { display: false } },
        },
        plugins: { legend: { position: 'bottom' }, title: { display: true, text: t('comparison.bands.title') } },
      },
    });
  }, [data, scale, bandLabel, regionName, t]);

  if (!data) return <ViewStatus query={query} />;
  // A band count says how many of its sites have that band only on the rated items (estimates, bandCertain false).
  const countText = (counts: Record<string, number>, onRatedItems: Record<string, number>, band: string) => {
    const count = formatCount(counts[band] ?? 0, language);
    const onRated = onRatedItems[band] ?? 0;
    return onRated > 0 ? t('comparison.bands.countOnRatedItems', { count, onRated: formatCount(onRated, language) }) : count;
  };
  const parts = (counts: Record<string, number>, onRatedItems: Record<string, number>) =>
    data.bands.filter((band) => (counts[band] ?? 0) > 0).map((band) => t('comparison.bands.part', { band: bandLabel(band), count: countText(counts, onRatedItems, band) })).join(', ');
  const sum = (key: 'counts' | 'onRatedItems') => Object.fromEntries(data.bands.map((band) => [band, data.regions.reduce((n, r) => n + (r[key][band] ?? 0), 0)]));
  const sites = data.regions.reduce((n, r) => n + r.sites, 0);
  const summary = [
    t('comparison.bands.summary', { count: sites, sites: formatCount(sites, language), parts: parts(sum('counts'), sum('onRatedItems')) }),
    // Region by region only while that stays readable; the table has every region.
    ...(data.regions.length <= 5 ? data.regions.map((r) => t('comparison.bands.summaryRegion', { region: regionName(r), count: r.sites, sites: formatCount(r.sites, language), parts: parts(r.counts, r.onRatedItems) })) : []),
  ].join(' ');

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.bands.title')}
        summary={sites === 0 ? t('comparison.chart.empty') : summary}
        chart={build && sites > 0 && <ChartCanvas build={build} summary={summary} height={Math.max(220, 90 + data.regions.length * 30)} />}
        table={
          <table className="data-table">
            <caption>{t('comparison.bands.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('comparison.columns.region')}</th>
                {data.bands.map((band) => (
                  <th key={band} scope="col" className="numeric">
                    {bandLabel(band)}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t('comparison.columns.sites')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.regions.map((r) => (
                <tr key={r.regionId ?? 'none'}>
                  <th scope="row">{regionName(r)}</th>
                  {data.bands.map((band) => (
                    <td key={band} className="numeric">
                      {countText(r.counts, r.onRatedItems, band)}
                    </td>
                  ))}
                  <td className="numeric">{formatCount(r.sites, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}
