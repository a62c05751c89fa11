import { useEffect, useId, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { BandsByRegionView } from './BandsByRegionView.tsx';
import { ComparisonFilterBar } from './ComparisonFilterBar.tsx';
import { storedState, storeState, toInput, type FilterState } from './comparison-filters.ts';
import { EmploymentView } from './EmploymentView.tsx';
import { HeatmapView } from './HeatmapView.tsx';
import { IncludedSummary } from './IncludedSummary.tsx';
import { SelfExternalView } from './SelfExternalView.tsx';
import { SiteTotalsView } from './SiteTotalsView.tsx';
import { TrendView } from './TrendView.tsx';
import { ViewTabs } from './ViewTabs.tsx';
import type { ViewProps } from './view-support.tsx';
import { WeakestItemsView } from './WeakestItemsView.tsx';
import './comparison.css';

const VIEWS = {
  bands: BandsByRegionView,
  siteTotals: SiteTotalsView,
  heatmap: HeatmapView,
  weakest: WeakestItemsView,
  trend: TrendView,
  selfExternal: SelfExternalView,
  employment: EmploymentView,
} satisfies Record<string, ComponentType<ViewProps>>;
type ViewKey = keyof typeof VIEWS;
const isView = (key: unknown): key is ViewKey => typeof key === 'string' && Object.hasOwn(VIEWS, key);

/** Comparison across sites and regions (issue 6): filters, what is included, and one view at a time. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  useDocumentTitle(t('comparison.title'));
  const [initial] = useState(storedState);
  const [filters, setFilters] = useState<FilterState>(initial.filters);
  const [view, setView] = useState<ViewKey>(isView(initial.view) ? initial.view : 'bands');
  useEffect(() => storeState(filters, view), [filters, view]);

  const options = useApiQuery('comparison.options', {});
  const input = useMemo(() => toInput(filters), [filters]);
  const included = useApiQuery('comparison.included', input);
  const scaleRef = input.scale ?? options.data?.defaultScale ?? null;
  const scale = useApiQuery('scales.get', scaleRef ?? { id: 'ips-25', version: '1.0.0' });
  const View = VIEWS[view];

  return (
    <div className="comparison-page">
      <h1>{t('comparison.title')}</h1>
      <p className="muted">{t('comparison.intro')}</p>
      {options.status === 'error' && <ErrorAlert message={errorMessage(options.error)} onRetry={options.reload} />}
      {options.data && <ComparisonFilterBar filters={filters} options={options.data} onChange={setFilters} />}
      {included.status === 'error' && <ErrorAlert message={errorMessage(included.error)} onRetry={included.reload} />}
      <IncludedSummary included={included.data} />
      <ViewTabs
        tabs={(Object.keys(VIEWS) as ViewKey[]).map((key) => ({ key, label: t(`comparison.views.${key}`) }))}
        selected={view}
        onSelect={(key) => isView(key) && setView(key)}
        label={t('comparison.views.label')}
        idPrefix={id}
      />
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${view}`} className="comparison-panel">
        {scale.status === 'error' && <ErrorAlert message={errorMessage(scale.error)} onRetry={scale.reload} />}
        {scale.data && options.data ? <View input={input} scale={scale.data.scale} included={included.data} /> : <p className="muted">{t('app.loading')}</p>}
      </div>
    </div>
  );
}
