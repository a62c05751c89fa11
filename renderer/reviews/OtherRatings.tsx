import { useTranslation } from 'react-i18next';

export interface OtherRating {
  reviewer: string;
  score: number | null;
  reason: string | null;
}

/** Once every reviewer has completed, each sees the others' decisions on the item (before consensus). */
export function OtherRatings({ ratings }: { ratings: readonly OtherRating[] }) {
  const { t } = useTranslation();
  if (ratings.length === 0) return null;
  return (
    <div className="other-ratings">
      <h3>{t('review.item.otherRatings')}</h3>
      <ul>
        {ratings.map((rating) => (
          <li key={rating.reviewer}>
            {t('review.item.otherRating', {
              reviewer: rating.reviewer,
              value:
                rating.score !== null ? String(rating.score)
                : rating.reason ? t(`review.reason.${rating.reason as 'no-data'}`)
                : t('review.nav.missing'),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
