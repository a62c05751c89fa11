import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../electron/contract/entities.ts';
import { useRegionNames } from '../components/use-region-name.ts';
import type { SiteFilters } from './use-sites.ts';

interface SiteFilterBarProps {
  filters: SiteFilters;
  regions: readonly Region[];
  onChange: (filters: SiteFilters) => void;
}

/** Region, name search and "show archived": every change filters the list at once. */
export function SiteFilterBar({ filters, regions, onChange }: SiteFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const names = useRegionNames();
  const sorted = names.sorted(regions);
  return (
    <div className="filter-bar" role="search" aria-label={t('sites.filters.label')}>
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('sites.filters.region')}</label>
        <select
          id={`${id}-region`}
          value={filters.regionId ?? ''}
          onChange={(e) => onChange({ ...filters, regionId: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{t('sites.filters.allRegions')}</option>
          {sorted.map((region) => (
            <option key={region.id} value={region.id}>
              {region.code === null ? t('regions.unlistedOption', { name: region.name }) : names.nameOf(region)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('sites.filters.search')}</label>
        <input id={`${id}-search`} type="search" value={filters.search} onChange={(e) => onChange({ ...filters, search: e.target.value })} />
      </div>
      <div className="field field--checkbox">
        <input
          id={`${id}-archived`}
          type="checkbox"
          checked={filters.includeArchived}
          onChange={(e) => onChange({ ...filters, includeArchived: e.target.checked })}
        />
        <label htmlFor={`${id}-archived`}>{t('sites.filters.showArchived')}</label>
      </div>
    </div>
  );
}
