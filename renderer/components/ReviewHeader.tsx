import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { useFormat } from '../i18n/use-format.ts';
import './review-header.css';

interface ReviewHeaderProps {
  review: ReviewDetail;
  title: string;
  /** Links to the review's other views, after the title. */
  links?: ReactNode;
}

/** The top of a review's consensus and visit-plan views: the way back, the title, and what review this is. */
export function ReviewHeader({ review, title, links }: ReviewHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p className="back-links">
        <a href={hrefFor({ name: 'site', siteId: review.siteId })} className="back-link">
          {t('consensus.header.backToSite', { site: review.site.name })}
        </a>
        <a href={hrefFor({ name: 'review', reviewId: review.id })} className="back-link">
          {t('consensus.header.backToReview')}
        </a>
      </p>
      <div className="page-heading">
        <h1>{title}</h1>
        {links && (
          <nav aria-label={t('consensus.header.views')} className="view-links">
            {links}
          </nav>
        )}
      </div>
      <p className="review-meta">
        {t('consensus.header.meta', {
          kind: t(`reviewKind.${review.kind}`),
          dates: review.visitDates.map(format.date).join(', '),
          status: t(`reviewStatus.${review.status}`),
        })}
      </p>
    </>
  );
}
