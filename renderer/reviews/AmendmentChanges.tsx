import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';

type Change = NonNullable<ReviewDetail['amendment']>['changes'][number];
type Outcome = Change['before'];

/** What an amendment changed against the original, item by item ("Kriteeri 7: 3 → 4"). */
export function AmendmentChanges({ changes, onGoToItem }: { changes: readonly Change[]; onGoToItem: (item: number) => void }) {
  const { t } = useTranslation();
  const outcome = (value: Outcome) =>
    value === null ? t('review.amendment.none')
    : value.score !== null ? String(value.score)
    : value.reason ? t('review.amendment.notRated', { reason: t(`review.reason.${value.reason as 'no-data'}`) })
    : t('review.amendment.none');
  if (changes.length === 0) return <p className="muted">{t('review.amendment.noChanges')}</p>;
  return (
    <div className="amendment-changes">
      <h2 id="amendment-changes-heading">{t('review.amendment.changes', { count: changes.length })}</h2>
      <ul aria-labelledby="amendment-changes-heading">
        {changes.map((change) => (
          <li key={change.item}>
            <button type="button" className="review-link-button" onClick={() => onGoToItem(change.item)}>
              {t('review.amendment.change', { item: change.item, before: outcome(change.before), after: outcome(change.after) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
