import { useTranslation } from 'react-i18next';
import type { Site } from '../../electron/contract/entities.ts';
import './region-prompt.css';

/** Above the sites table: how many sites still have a free-text region (migration 013) to be mapped to the list. */
export function UnlistedRegionsNote({ sites }: { sites: readonly Site[] }) {
  const { t } = useTranslation();
  const count = sites.filter((site) => site.region && site.region.code === null).length;
  if (count === 0) return null;
  return <p className="unlisted-regions-note">{t('regions.unlistedCount', { count })}</p>;
}
