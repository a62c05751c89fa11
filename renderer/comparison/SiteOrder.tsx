import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Order = 'totalDesc' | 'totalAsc' | 'name';

/** Sites in the order chosen; the API gives them highest total first, sites without a total last. */
export function ordered<T extends { siteName: string; total: number | null }>(sites: readonly T[], order: Order): T[] {
  if (order === 'totalDesc') return [...sites];
  if (order === 'name') return [...sites].sort((a, b) => a.siteName.localeCompare(b.siteName, 'fi'));
  return [...sites].sort((a, b) => (a.total === null ? 1 : b.total === null ? -1 : a.total - b.total));
}

export function OrderSelect({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-order`}>{t('comparison.siteTotals.sort')}</label>
      <select id={`${id}-order`} value={order} onChange={(e) => onChange(e.target.value as Order)}>
        <option value="totalDesc">{t('comparison.siteTotals.sortTotalDesc')}</option>
        <option value="totalAsc">{t('comparison.siteTotals.sortTotalAsc')}</option>
        <option value="name">{t('comparison.siteTotals.sortName')}</option>
      </select>
    </div>
  );
}
