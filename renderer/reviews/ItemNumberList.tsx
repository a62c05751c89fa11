import { useTranslation } from 'react-i18next';

interface ItemNumberListProps {
  id: string;
  title: string;
  items: readonly number[];
  titleOf: (item: number) => string;
  onGoToItem: (item: number) => void;
  tone?: 'warning' | 'error';
}

/** A short list of items to look at ("items without evidence"), each a button that opens the item. */
export function ItemNumberList({ id, title, items, titleOf, onGoToItem, tone = 'warning' }: ItemNumberListProps) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className={`item-list-notice item-list-notice--${tone}`}>
      <p id={id} className="item-list-notice__title">
        {t('review.checks.listTitle', { title, count: items.length })}
      </p>
      <ul className="item-number-list" aria-labelledby={id}>
        {items.map((item) => (
          <li key={item}>
            <button type="button" className="item-number" aria-label={t('review.checks.goToItem', { item, title: titleOf(item) })} title={titleOf(item)} onClick={() => onGoToItem(item)}>
              {item}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
