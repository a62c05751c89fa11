import { useTranslation } from 'react-i18next';
import type { ReviewComparisonResult } from '../../electron/contract/review-comparison-contract.ts';
import { useFormat } from '../i18n/use-format.ts';

type ItemChange = NonNullable<Extract<ReviewComparisonResult, { comparable: true }>['items'][number]['change']>;

const ICON: Record<ItemChange | 'notCompared', string> = { up: '▲', down: '▼', same: '=', notCompared: '–' };

/** An item's change as an icon and words (never colour alone): "▲ Nousi 2", "▼ Laski 1", "= Ennallaan". */
export function ItemChangeText({ change, difference }: { change: ItemChange | null; difference: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const key = change ?? 'notCompared';
  return (
    <span className={`item-change item-change--${key}`}>
      <span aria-hidden="true" className="item-change__icon">
        {ICON[key]}
      </span>{' '}
      {t(`reviewComparison.change.${key}`, { by: format.decimal(Math.abs(difference ?? 0), 0) })}
    </span>
  );
}
