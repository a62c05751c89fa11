import { regionName, regionsByName, type OfficialRegion, type RegionCode } from '../../scales/regions/fi-regions.ts';
import { useUiLanguage } from '../i18n/use-format.ts';

/** A region as the API hands it out: a listed one by code, or a free-text one kept by migration 013 (code null). */
export interface RegionRef { code: RegionCode | null; name: string }

/**
 * Region names in the UI language: a listed region by its official name in that language (Swedish UI: "Birkalands
 * välfärdsområde"), a free-text one as it was written. Shared by the sites, comparison and exchange screens.
 */
export function useRegionNames() {
  const language = useUiLanguage();
  const nameOf = (region: RegionRef | null | undefined): string | null => (region ? (region.code ? regionName(region.code, language) : region.name) : null);
  return {
    nameOf,
    /** Regions for a filter select: listed ones by name in the UI language, then the free-text ones still to map. */
    sorted: <R extends RegionRef>(regions: readonly R[]): R[] =>
      [...regions].sort((a, b) => Number(a.code === null) - Number(b.code === null) || (nameOf(a) ?? '').localeCompare(nameOf(b) ?? '', language)),
    /** The same for the flat rows of comparisons and bundle plans (regionCode, regionName). */
    nameOfRow: (row: { regionCode: RegionCode | null; regionName: string | null }): string | null =>
      row.regionCode ? regionName(row.regionCode, language) : row.regionName,
    /** The list, sorted by name in the UI language, as a select offers it. */
    listed: (): OfficialRegion[] => regionsByName(language),
    listedName: (region: OfficialRegion) => region.name[language],
  };
}
