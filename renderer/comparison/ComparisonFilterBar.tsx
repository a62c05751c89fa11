import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { scaleLabel } from './comparison-format.ts';
import { periodReversed, type FilterState } from './comparison-filters.ts';
import { useRegionNames } from '../components/use-region-name.ts';

type Options = CallOutput<'comparison.options'>;

/** Region, site, visit period, kind and scale version; every change applies at once. */
export function ComparisonFilterBar({ filters, options, onChange }: { filters: FilterState; options: Options; onChange: (filters: FilterState) => void }) {
  const { t } = useTranslation();
  const regionNames = useRegionNames();
  const id = useId();
  const sites = options.sites.filter((s) => !filters.regionId || String(s.regionId) === filters.regionId);
  const reversed = periodReversed(filters);
  const set = (change: Partial<FilterState>) => onChange({ ...filters, ...change });
  return (
    <div className="filter-bar comparison-filters" role="search" aria-label={t('comparison.filters.label')}>
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('comparison.filters.region')}</label>
        <select
          id={`${id}-region`}
          value={filters.regionId}
          // A site of another region would make the filters contradict each other: choosing a region clears it.
          onChange={(e) => {
            const regionId = e.target.value;
            const keepSite = !regionId || options.sites.some((s) => String(s.regionId) === regionId && String(s.siteId) === filters.siteId);
            set({ regionId, siteId: keepSite ? filters.siteId : '' });
          }}
        >
          <option value="">{t('comparison.filters.allRegions')}</option>
          {regionNames.sorted(options.regions).map((region) => (
            <option key={region.id} value={region.id}>
              {regionNames.nameOf(region)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-site`}>{t('comparison.filters.site')}</label>
        <select id={`${id}-site`} value={filters.siteId} onChange={(e) => set({ siteId: e.target.value })}>
          <option value="">{t('comparison.filters.allSites')}</option>
          {sites.map((site) => (
            <option key={site.siteId} value={site.siteId}>
              {site.siteName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('comparison.filters.from')}</label>
        <input id={`${id}-from`} type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('comparison.filters.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          aria-invalid={reversed}
          aria-describedby={reversed ? `${id}-to-error` : undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('comparison.filters.kind')}</label>
        <select id={`${id}-kind`} value={filters.kind} onChange={(e) => set({ kind: e.target.value as FilterState['kind'] })}>
          <option value="">{t('comparison.filters.allKinds')}</option>
          <option value="external">{t('reviewKind.external')}</option>
          <option value="self">{t('reviewKind.self')}</option>
          <option value="peer">{t('reviewKind.peer')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-scale`}>{t('comparison.filters.scale')}</label>
        <select id={`${id}-scale`} value={filters.scale} onChange={(e) => set({ scale: e.target.value })}>
          {options.scales.map((scale) => {
            const isDefault = options.defaultScale?.id === scale.id && options.defaultScale.version === scale.version;
            return (
              <option key={`${scale.id}@${scale.version}`} value={isDefault ? '' : `${scale.id}@${scale.version}`}>
                {scale.differsFromShipped ? `${scaleLabel(scale)} (${t('scaleVersion.differsFromShipped')})` : scaleLabel(scale)}
              </option>
            );
          })}
        </select>
      </div>
      <div className="field comparison-filters__reset">
        <button type="button" onClick={() => onChange({ regionId: '', siteId: '', from: '', to: '', kind: '', scale: '' })}>
          {t('comparison.filters.reset')}
        </button>
      </div>
      {reversed && (
        <p id={`${id}-to-error`} className="field-error comparison-filters__error">
          {t('comparison.filters.periodOrder')}
        </p>
      )}
    </div>
  );
}
