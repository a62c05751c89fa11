import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import type { EditorMode } from './editor-mode.ts';
import { AmendmentChanges } from './AmendmentChanges.tsx';

interface ReviewNoticesProps {
  detail: ReviewDetail;
  mode: EditorMode;
  onAmend: () => void;
  onGoToItem: (item: number) => void;
}

/** What the user must know before editing: read-only, amended, an amendment, hidden or locked ratings. */
export function ReviewNotices({ detail, mode, onAmend, onGoToItem }: ReviewNoticesProps) {
  const { t } = useTranslation();
  return (
    <div className="review-notices">
      {mode.kind === 'final' && (
        <div id="final-notice" tabIndex={-1} className="review-notice review-notice--final" role="note" aria-labelledby="final-notice-title">
          <p>
            <strong id="final-notice-title">{t('review.final.banner')}</strong> {t('review.final.explain')}
          </p>
          {detail.amendedBy !== null ? (
            <p>
              <a href={hrefFor({ name: 'review', reviewId: detail.amendedBy })}>{t('review.final.amendedBy', { id: detail.amendedBy })}</a>
            </p>
          ) : (
            <button type="button" onClick={onAmend}>
              {t('review.final.amend')}
            </button>
          )}
        </div>
      )}
      {detail.amendment && (
        <div className="review-notice review-notice--amendment" role="note" aria-labelledby="amendment-notice-title">
          <p>
            <strong id="amendment-notice-title">
              <a href={hrefFor({ name: 'review', reviewId: detail.amendment.originalId })}>{t('review.amendment.amends', { id: detail.amendment.originalId })}</a>
            </strong>{' '}
            {t('review.amendment.reason', { reason: detail.amendment.reason })}
          </p>
          <AmendmentChanges changes={detail.amendment.changes} onGoToItem={onGoToItem} />
        </div>
      )}
      {mode.kind === 'reviewer' && detail.ratingsHidden && (
        <p className="review-notice review-notice--info" role="note">
          {t('review.reviewers.ratingsHidden')}
        </p>
      )}
      {mode.kind === 'reviewer' && mode.locked && (
        <p className="review-notice review-notice--info" role="note">
          {t('review.reviewers.lockedNote')}
        </p>
      )}
      {mode.kind === 'consensus-elsewhere' && (
        <p className="review-notice review-notice--info" role="note">
          {t('review.consensusElsewhere.note')}{' '}
          <a href={hrefFor({ name: 'consensus', reviewId: detail.id })}>{t('review.consensusElsewhere.link')}</a>
        </p>
      )}
    </div>
  );
}
