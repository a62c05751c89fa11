import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { formatDecimal } from '../../scales/display-format.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { GRID_COLOR, KIND_COLORS } from './chart-theme.ts';
import { formatCount } from './comparison-format.ts';
import { useItemTitle, ViewStatus, type ViewProps } from './view-support.tsx';

const shorten = (text: string, max = 44) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The mean score of every item over the sites' latest reviews, weakest first. */
export function WeakestItemsView({ input, scale, included }: ViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const itemTitle = useItemTitle(scale);
  const query = useApiQuery('comparison.weakestItems', input);
  const data = query.data;
  const rated = useMemo(() => (data?.items ?? []).filter((i) => i.mean !== null), [data]);
  const { min, max } = scale.scoring.itemRange;

  const build = useMemo(
    () => (): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: rated.map((i) => shorten(`${i.item}. ${itemTitle(i.item)}`)),
        datasets: [{ label: t('comparison.columns.mean'), data: rated.map((i) => i.mean!), backgroundColor: KIND_COLORS.external }],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { min, max, title: { display: true, text: t('comparison.weakest.axis') }, grid: { color: GRID_COLOR } },
          y: { grid: { display: false } },
        },
        plugins: {
          legend: { display: false },
          title: { display: true, text: t('comparison.weakest.title') },
          tooltip: { callbacks: { title: (items) => `${rated[items[0]?.dataIndex ?? 0]?.item}. ${itemTitle(rated[items[0]?.dataIndex ?? 0]?.item ?? 0)}`, label: (item) => formatDecimal(Number(item.raw), format.language, 2) } },
        },
      },
    }),
    [rated, min, max, t, itemTitle, format.language],
  );

  if (!data) return <ViewStatus query={query} />;
  const summary = rated.length === 0
    ? t('comparison.chart.empty')
    : t('comparison.weakest.summary', {
        count: included?.sites ?? 0,
        sites: formatCount(included?.sites ?? 0, format.language),
        items: rated.slice(0, 5).map((i) => `${i.item}. ${itemTitle(i.item)} (${format.decimal(i.mean!, 2)})`).join('; '),
      });

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.weakest.title')}
        summary={summary}
        chart={rated.length > 0 && <ChartCanvas build={build} summary={summary} height={90 + rated.length * 24} />}
        table={
          <table className="data-table">
            <caption>{t('comparison.weakest.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('comparison.columns.item')}</th>
                <th scope="col">{t('comparison.columns.mean')}</th>
                <th scope="col">{t('comparison.columns.ratedSites')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.item}>
                  <th scope="row">{`${i.item}. ${itemTitle(i.item)}`}</th>
                  <td>{i.mean === null ? t('comparison.weakest.noRatings') : format.decimal(i.mean, 2)}</td>
                  <td>{formatCount(i.ratedSites, format.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}
