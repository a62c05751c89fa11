import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApiQuery } from '../platform/use-api-query.ts';
import { ReviewWorkspace } from './ReviewWorkspace.tsx';
import type { ReviewDetailView } from './use-review-detail.ts';

/** Loads the scale version the review is scored with, then shows the workspace. */
export function ReviewEditor({ detail, review }: { detail: ReviewDetail; review: ReviewDetailView }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const scale = useApiQuery('scales.get', { id: detail.scale.id, version: detail.scale.version });
  if (scale.status === 'error') return <ErrorAlert message={errorMessage(scale.error)} onRetry={scale.reload} />;
  if (!scale.data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <ReviewWorkspace
      detail={detail}
      current={review.current}
      scale={scale.data.scale}
      viewerId={review.viewerId}
      onViewerChange={review.chooseViewer}
      reloadDetail={review.query.reload}
    />
  );
}
