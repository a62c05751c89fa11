import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { useBandLabel } from '../scales/band-labels.tsx';

type Differences = NonNullable<CallOutput<'scales.differences'>['differences']>;

/**
 * What scores or reads differently under a version than under the shipped one: band limits, the total range,
 * items added or removed, and items whose key, title or anchors changed (scales/scale-diff.ts).
 */
export function ScaleDifferencesView({ scaleId, differences, shippedVersion }: { scaleId: string; differences: Differences; shippedVersion: string }) {
  const { t } = useTranslation();
  const bandLabel = useBandLabel();
  const range = (band: { min: number; max: number } | null) => (band ? t('settings.scales.range', { min: band.min, max: band.max }) : t('settings.scales.noBand'));
  const items = (numbers: readonly number[]) => numbers.join(', ');
  const none = differences.bands.length === 0 && !differences.totalRangeChanged && differences.itemsAdded.length === 0
    && differences.itemsRemoved.length === 0 && differences.itemsChanged.length === 0;
  if (none) return <p>{t('settings.scales.noDifferences', { shipped: shippedVersion })}</p>;
  return (
    <div className="scale-differences">
      {differences.bands.length > 0 && (
        <table className="data-table">
          <caption>{t('settings.scales.bandsCaption', { shipped: shippedVersion })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.scales.band')}</th>
              <th scope="col">{t('settings.scales.shippedLimits')}</th>
              <th scope="col">{t('settings.scales.otherLimits')}</th>
            </tr>
          </thead>
          <tbody>
            {differences.bands.map((band) => (
              <tr key={band.key}>
                <th scope="row">{bandLabel(band.key, { id: scaleId, version: shippedVersion })}</th>
                <td>{range(band.shipped)}</td>
                <td>{range(band.other)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul>
        {differences.totalRangeChanged && <li>{t('settings.scales.totalRangeChanged')}</li>}
        {differences.itemsAdded.length > 0 && <li>{t('settings.scales.itemsAdded', { items: items(differences.itemsAdded) })}</li>}
        {differences.itemsRemoved.length > 0 && <li>{t('settings.scales.itemsRemoved', { items: items(differences.itemsRemoved) })}</li>}
        {differences.itemsChanged.map((item) => (
          <li key={item.number}>
            {t('settings.scales.itemChanged', {
              item: item.number,
              what: [item.keyChanged && t('settings.scales.changedKey'), item.titleChanged && t('settings.scales.changedTitle'), item.anchorsChanged && t('settings.scales.changedAnchors')]
                .filter(Boolean).join(', '),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
