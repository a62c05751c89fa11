import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { formatDecimal } from '../../scales/display-format.ts';
import { useScoreText } from '../components/use-score-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { GRID_COLOR, KIND_COLORS } from './chart-theme.ts';
import { formatCount } from './comparison-format.ts';
import { Pager } from './Pager.tsx';
import { usePaged } from './use-paged.ts';
import { useItemTitle, useMeanTotalText, ViewStatus, type ViewProps } from './view-support.tsx';

const NO_PAIRS: never[] = [];
const signed = (value: number, language: 'fi' | 'sv' | 'en') => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatDecimal(Math.abs(value), language, 2)}`;

/** Sites' latest self-assessment against their latest external review, item by item (grouped bars). */
export function SelfExternalView({ input, scale }: ViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = format.language;
  const itemTitle = useItemTitle(scale);
  const scoreText = useScoreText();
  const meanTotalText = useMeanTotalText(scale);
  const query = useApiQuery('comparison.selfVsExternal', input);
  const data = query.data;
  const paged = usePaged(data?.pairs ?? NO_PAIRS, 25);
  const { max } = scale.scoring.itemRange;

  const build = useMemo(() => {
    if (!data) return null;
    return (): ChartConfiguration<'bar'> => ({
      type: 'bar',
      data: {
        labels: data.items.map((i) => String(i.item)),
        datasets: (['self', 'external'] as const).map((kind) => ({
          label: t(`comparison.selfExternal.${kind}`),
          data: data.items.map((i) => (kind === 'self' ? i.selfMean : i.externalMean) ?? 0),
          backgroundColor: KIND_COLORS[kind],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { title: { display: true, text: t('comparison.selfExternal.itemAxis') }, grid: { display: false } },
          y: { min: 0, max, title: { display: true, text: t('comparison.selfExternal.axis') }, grid: { color: GRID_COLOR } },
        },
        plugins: {
          title: { display: true, text: t('comparison.selfExternal.title') },
          legend: { position: 'bottom' },
          tooltip: { callbacks: { title: (items) => `${data.items[items[0]?.dataIndex ?? 0]!.item}. ${itemTitle(data.items[items[0]?.dataIndex ?? 0]!.item)}`, label: (item) => `${item.dataset.label ?? ''}: ${formatDecimal(Number(item.raw), language, 2)}` } },
        },
      },
    });
  }, [data, max, t, itemTitle, language]);

  if (!data) return <ViewStatus query={query} />;
  const withBoth = data.items.filter((i) => i.selfMean !== null && i.externalMean !== null);
  // Rounded before comparing, so that equal differences (4 - 4.333 and 4 - 3.667) keep item order.
  const gap = (i: (typeof withBoth)[number]) => Math.round(Math.abs(i.selfMean! - i.externalMean!) * 1e6);
  // Only real differences as printed (two decimals): "kriteeri 1 (0,00)" is no difference (issue 13).
  const differs = (i: (typeof withBoth)[number]) => Math.round(Math.abs(i.selfMean! - i.externalMean!) * 100) > 0;
  const largest = withBoth.filter(differs).sort((a, b) => gap(b) - gap(a) || a.item - b.item).slice(0, 3);
  const meanTotal = (kind: 'self' | 'external') => {
    const scored = data.pairs.map((p) => p[kind]).filter((r) => r.total !== null);
    const mean = scored.length ? scored.reduce((a, r) => a + r.total!, 0) / scored.length : null;
    return meanTotalText(mean, scored.filter((r) => r.estimate).length);
  };
  const summary = data.pairs.length === 0
    ? t('comparison.selfExternal.none')
    : `${t('comparison.selfExternal.summary', {
        count: data.pairs.length,
        sites: formatCount(data.pairs.length, language),
        self: meanTotal('self'),
        external: meanTotal('external'),
      })} ${largest.length === 0
        ? t('comparison.selfExternal.noDifferences')
        : t('comparison.selfExternal.largest', {
            items: largest.map((i) => t('comparison.selfExternal.summaryItem', { item: i.item, difference: signed(i.selfMean! - i.externalMean!, language) })).join(', '),
          })}`;

  return (
    <>
      <ViewStatus query={query} />
      <ChartPanel
        title={t('comparison.selfExternal.title')}
        summary={summary}
        notes={
          <>
            <p className="muted">{t('comparison.selfExternal.peerCountsAsExternal')}</p>
            {input.kind != null && <p className="muted">{t('comparison.selfExternal.kindIgnored')}</p>}
          </>
        }
        chart={build && data.pairs.length > 0 && <ChartCanvas build={build} summary={summary} height={380} />}
        table={
          <>
            <table className="data-table">
              <caption>{t('comparison.selfExternal.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comparison.columns.item')}</th>
                  <th scope="col">{t('comparison.selfExternal.self')}</th>
                  <th scope="col">{t('comparison.selfExternal.external')}</th>
                  <th scope="col">{t('comparison.selfExternal.difference')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((i) => (
                  <tr key={i.item}>
                    <th scope="row">{`${i.item}. ${itemTitle(i.item)}`}</th>
                    <td>{i.selfMean === null ? '–' : format.decimal(i.selfMean, 2)}</td>
                    <td>{i.externalMean === null ? '–' : format.decimal(i.externalMean, 2)}</td>
                    <td>{i.selfMean === null || i.externalMean === null ? '–' : signed(i.selfMean - i.externalMean, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager paged={paged} title={t('comparison.selfExternal.pairsCaption')} />
            <table className="data-table">
              <caption>{t('comparison.selfExternal.pairsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comparison.columns.site')}</th>
                  <th scope="col">{t('comparison.selfExternal.self')}</th>
                  <th scope="col">{t('comparison.selfExternal.external')}</th>
                </tr>
              </thead>
              <tbody>
                {paged.rows.map((p) => (
                  <tr key={p.siteId}>
                    <th scope="row">{p.siteName}</th>
                    <td>{`${format.date(p.self.date)}: ${scoreText(p.self)}`}</td>
                    <td>{`${format.date(p.external.date)}: ${scoreText(p.external)}${p.external.kind === 'peer' ? ` (${t('reviewKind.peer')})` : ''}`}</td>
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
