import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScoreText } from '../components/use-score-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { HEAT_COLORS } from './chart-theme.ts';
import { formatCount } from './comparison-format.ts';
import { drawHeatmap } from './heatmap-png.ts';
import { Pager } from './Pager.tsx';
import { ordered, OrderSelect, type Order } from './SiteOrder.tsx';
import { usePaged } from './use-paged.ts';
import { useItemTitle, ViewStatus, type ViewProps } from './view-support.tsx';

const PAGE_SIZE = 25;

/**
 * Sites x items: each cell the item's score in the site's latest review, coloured from red (1) to green (5) with
 * the number in it, so colour is never the only cue. A table, so it is its own accessible view.
 */
export function HeatmapView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const itemTitle = useItemTitle(scale);
  const scoreText = useScoreText();
  const tableRef = useRef<HTMLTableElement>(null);
  const [order, setOrder] = useState<Order>('totalDesc');
  const query = useApiQuery('comparison.itemHeatmap', input);
  const sites = useMemo(() => ordered(query.data?.sites ?? [], order), [query.data, order]);
  const paged = usePaged(sites, PAGE_SIZE);
  const data = query.data;
  if (!data) return <ViewStatus query={query} />;

  // Weakest items over all the sites, not only this page.
  const means = data.items.map((item, i) => {
    const scores = data.sites.flatMap((s) => (s.scores[i] == null ? [] : [s.scores[i]!]));
    return { item, mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null };
  });
  const weakest = means.filter((m) => m.mean !== null).sort((a, b) => a.mean! - b.mean!).slice(0, 3);
  const summary = data.sites.length === 0
    ? t('comparison.chart.empty')
    : t('comparison.heatmap.summary', {
        count: data.sites.length,
        sites: formatCount(data.sites.length, format.language),
        items: data.items.length,
        weakest: weakest.map((w) => t('comparison.heatmap.summaryItem', { item: w.item, title: itemTitle(w.item), mean: format.decimal(w.mean!, 2) })).join('; '),
      });
  const png = () =>
    drawHeatmap({
      title: t('comparison.heatmap.title'),
      items: data.items,
      rows: paged.rows.map((s) => ({ label: s.siteName, total: scoreText(s), scores: s.scores })),
      totalHeader: t('comparison.columns.total'),
      fontFamily: tableRef.current ? getComputedStyle(tableRef.current).fontFamily : 'sans-serif',
    });

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.heatmap.title')}
        summary={summary}
        notes={<p className="muted">{t('comparison.heatmap.hint')}</p>}
        tableOnly
        pngSource={png}
        controls={
          <div className="comparison-controls">
            <OrderSelect order={order} onChange={setOrder} />
            <Pager paged={paged} title={t('comparison.heatmap.title')} />
          </div>
        }
        chart={
          data.sites.length > 0 && (
            <div className="heatmap-scroll">
              <table ref={tableRef} className="data-table heatmap">
                <caption>{t('comparison.heatmap.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('comparison.columns.site')}</th>
                    <th scope="col">{t('comparison.columns.total')}</th>
                    {data.items.map((item) => (
                      <th key={item} scope="col" className="heatmap__item" title={itemTitle(item)}>
                        <span aria-hidden="true">{item}</span>
                        <span className="visually-hidden">{t('comparison.heatmap.itemHeader', { item, title: itemTitle(item) })}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {paged.rows.map((site) => (
                    <tr key={site.siteId}>
                      <th scope="row" title={site.siteName}>
                        {site.siteName}
                      </th>
                      <td className="heatmap__total">{scoreText(site)}</td>
                      {site.scores.map((score, i) => (
                        <td
                          key={data.items[i]}
                          className="heatmap__cell"
                          style={score === null ? undefined : { background: HEAT_COLORS[score - 1] }}
                          title={`${site.siteName} – ${itemTitle(data.items[i]!)}`}
                        >
                          {score === null ? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="visually-hidden">{t('comparison.heatmap.notRated')}</span>
                            </>
                          ) : (
                            score
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      />
    </>
  );
}
