import { useTranslation } from 'react-i18next';
import { useRegionNames } from '../components/use-region-name.ts';
import { UNLISTED_REGION } from './site-form-values.ts';

interface RegionSelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The site's free-text region (migration 013), offered as "kept as it is" until a listed one is chosen. */
  unlistedName?: string | null | undefined;
  /** The first option: "none" in the site form, "choose…" where a region must be picked. */
  emptyLabel: string;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
}

/** The region list (scales/regions/fi-regions.json) as a select, named and sorted in the UI language. */
export function RegionSelect({ id, value, onChange, unlistedName, emptyLabel, describedBy, invalid }: RegionSelectProps) {
  const { t } = useTranslation();
  const regions = useRegionNames();
  return (
    <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid ? true : undefined} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {unlistedName && <option value={UNLISTED_REGION}>{t('regions.unlistedOption', { name: unlistedName })}</option>}
      {regions.listed().map((region) => (
        <option key={region.code} value={region.code}>
          {regions.listedName(region)}
        </option>
      ))}
    </select>
  );
}
