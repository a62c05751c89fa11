import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { localized } from '../../scales/display-format.ts';
import { hrefFor } from '../app/routes.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApiQuery } from '../platform/use-api-query.ts';

interface UndecidedItemsProps {
  id: string;
  review: ReviewDetail;
  items: readonly number[];
  /** 'error' after signing was refused; 'warning' when known before trying. */
  tone: 'warning' | 'error';
}

/** The items that keep the report from being signed, by number and title, and the way to the review to decide them. */
export function UndecidedItems({ id, review, items, tone }: UndecidedItemsProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const scale = useApiQuery('scales.get', { id: review.scale.id, version: review.scale.version });
  const titleOf = (item: number) => {
    const definition = scale.data?.scale.items.find((i) => i.number === item);
    return definition ? localized(definition.title, language) : '';
  };
  return (
    <div className={`undecided undecided--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <p id={id} className="undecided__title">
        {t('reports.errors.undecided')}
      </p>
      <ul aria-labelledby={id}>
        {items.map((item) => (
          <li key={item}>{t('reports.errors.undecidedItem', { number: item, title: titleOf(item) })}</li>
        ))}
      </ul>
      <p>
        <a href={hrefFor({ name: 'review', reviewId: review.id })}>{t('reports.page.toReview')}</a>
      </p>
    </div>
  );
}
