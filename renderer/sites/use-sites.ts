import { useMemo } from 'react';
import type { CallInput } from '../../electron/contract/contract.ts';
import type { Site } from '../../electron/contract/entities.ts';
import { useApi } from '../platform/api-context.tsx';
import { useApiQuery } from '../platform/use-api-query.ts';
import { toSiteChanges, toSiteInput, type SiteFormValues } from './site-form-values.ts';

export interface SiteFilters {
  regionId: number | null;
  search: string;
  includeArchived: boolean;
}

export const NO_FILTERS: SiteFilters = { regionId: null, search: '', includeArchived: false };

export function useSiteList(filters: SiteFilters) {
  const input: CallInput<'sites.list'> = {
    includeArchived: filters.includeArchived,
    ...(filters.regionId !== null ? { regionId: filters.regionId } : {}),
    ...(filters.search.trim() !== '' ? { search: filters.search.trim() } : {}),
  };
  return useApiQuery('sites.list', input);
}

export function useRegions() {
  return useApiQuery('regions.list', {});
}

/** The writes of the sites screen; each is saved at once and returns the saved site. */
export function useSiteActions() {
  const api = useApi();
  return useMemo(
    () => ({
      create: (values: SiteFormValues) => api.call('sites.create', toSiteInput(values)),
      /** Sends only the changed fields; with nothing changed there is nothing to save. */
      update: async (site: Site, values: SiteFormValues) => {
        const changes = toSiteChanges(site, values);
        return Object.keys(changes).length === 0 ? site : api.call('sites.update', { id: site.id, changes });
      },
      setActive: (site: Site, active: boolean) => api.call('sites.setActive', { id: site.id, active }),
    }),
    [api],
  );
}
