import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { localized } from '../../scales/display-format.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { hrefFor } from '../app/routes.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { EditorMode } from './editor-mode.ts';
import type { SaveSnapshot } from '../platform/save-queue.ts';
import { SaveStatus } from './SaveStatus.tsx';
import type { SaveTarget } from './use-review-session.ts';
import { ScaleDiffersMarker } from '../components/ScaleDiffersMarker.tsx';

interface ReviewHeaderProps {
  detail: ReviewDetail;
  scale: ScaleVersionData;
  mode: EditorMode;
  saveState: SaveSnapshot<SaveTarget>;
  onRetrySave: () => void;
  onReviewerChange: (reviewerId: number) => void;
}

/** Which review this is (site, kind, dates, status, scale version, reviewers), who is rating, and the save state. */
export function ReviewHeader({ detail, scale, mode, saveState, onRetrySave, onReviewerChange }: ReviewHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const reviewers = detail.reviewers.map((r) => (r.role ? t('review.editor.reviewerWithRole', { name: r.name, role: r.role }) : r.name)).join(', ');
  return (
    <header className="review-header">
      <div className="review-header__main">
        <h1>{t('review.editor.title', { kind: t(`reviewKind.${detail.kind}`), site: detail.site.name })}</h1>
        <dl className="review-facts">
          <div>
            <dt>{t('review.editor.number')}</dt>
            <dd>{t('review.editor.numberValue', { id: detail.id })}</dd>
          </div>
          {detail.reviewingOrganisation && (
            <div>
              <dt>{t('review.editor.reviewingOrganisation')}</dt>
              <dd>{detail.reviewingOrganisation}</dd>
            </div>
          )}
          <div>
            <dt>{t('review.editor.dates')}</dt>
            <dd>{detail.visitDates.map(format.date).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('review.editor.status')}</dt>
            <dd>
              <span className={`status-badge status-badge--${detail.status}`}>{t(`reviewStatus.${detail.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('review.editor.scale')}</dt>
            <dd>
              {t('review.editor.scaleValue', { title: localized(scale.title, format.language), version: scale.version })}
              {detail.scale.differsFromShipped && <> <ScaleDiffersMarker /></>}
            </dd>
          </div>
          <div>
            <dt>{t('review.editor.reviewers')}</dt>
            <dd>{reviewers}</dd>
          </div>
        </dl>
      </div>
      <div className="review-header__side">
        <p className="review-header__links">
          <a href={hrefFor({ name: 'visit-plan', reviewId: detail.id })}>{t('review.editor.visitPlan')}</a>
          <a href={hrefFor({ name: 'report', reviewId: detail.id })}>{t('reports.editorLink')}</a>
          <a href={hrefFor({ name: 'action-plan', reviewId: detail.id })}>{t('actionPlan.editorLink')}</a>
          <a href={hrefFor({ name: 'laptops', reviewId: detail.id })}>{t('laptops.headerLink')}</a>
        </p>
        {mode.kind === 'reviewer' && detail.reviewers.length > 1 && (
          <div className="field reviewer-select">
            <label htmlFor={`${id}-reviewer`}>{t('review.editor.ratingAs')}</label>
            <select id={`${id}-reviewer`} value={mode.reviewerId} onChange={(e) => onReviewerChange(Number(e.target.value))}>
              {detail.reviewers.map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <SaveStatus state={saveState} onRetry={onRetrySave} />
      </div>
    </header>
  );
}
