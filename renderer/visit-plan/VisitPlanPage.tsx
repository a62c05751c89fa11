import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { hrefFor } from '../app/routes.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ReviewHeader } from '../components/ReviewHeader.tsx';
import { useUiLanguage } from '../i18n/use-format.ts';
import { useApi } from '../platform/api-context.tsx';
import type { ApiClientError } from '../platform/api-client.ts';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { usePlanEntryLabel } from '../components/use-plan-entry-label.ts';
import { PlanSummary } from './PlanSummary.tsx';
import { VisitPlanGroup, type PlanCategory } from './VisitPlanGroup.tsx';
import { VisitRequestSection } from './VisitRequestSection.tsx';
import './visit-plan-schedule.css';
import './visit-plan.css';

const CATEGORIES: readonly PlanCategory[] = ['request', 'interview', 'observation'];

/**
 * The visit plan of a review (#/reviews/ID/plan), built by the backend from the scale's data sources: documents
 * and data to request, interviews and observations to schedule, with who, when, done and a note; and the items
 * still lacking evidence.
 */
export function VisitPlanPage({ reviewId }: { reviewId: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const review = useApiQuery('reviews.get', { id: reviewId });
  const title = review.data ? t('consensus.plan.title', { site: review.data.site.name }) : null;
  useDocumentTitle(title);

  return (
    <div className="visit-plan-page">
      {review.status === 'error' && (
        <ErrorAlert message={errorMessage(review.error)} onRetry={review.error.code === 'not-found' ? undefined : review.reload} />
      )}
      {!review.data && review.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {review.data && title && (
        <>
          <ReviewHeader
            review={review.data}
            title={title}
            links={
              review.data.reviewers.length >= 2 ? <a href={hrefFor({ name: 'consensus', reviewId })}>{t('consensus.header.toConsensus')}</a> : undefined
            }
          />
          <p className="intro">{t('consensus.plan.intro')}</p>
          <VisitPlan review={review.data} />
        </>
      )}
    </div>
  );
}

function VisitPlan({ review }: { review: ReviewDetail }) {
  const errorMessage = useErrorMessage();
  const { t } = useTranslation();
  const api = useApi();
  const plan = useApiQuery('visitPlan.list', { reviewId: review.id });
  const scale = useApiQuery('scales.get', { id: review.scale.id, version: review.scale.version });
  const [saved, setSaved] = useState<ReadonlyMap<number, VisitPlanEntry>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [removeError, setRemoveError] = useState<ApiClientError | null>(null);
  const onSaved = useCallback((entry: VisitPlanEntry) => setSaved((previous) => new Map(previous).set(entry.id, entry)), []);
  const onAdded = useCallback((label: string) => {
    setAnnouncement(t('consensus.plan.custom.added', { source: label }));
    plan.reload();
  }, [plan.reload, t]);
  const onRemove = useCallback(async (entry: VisitPlanEntry, label: string) => {
    setRemoveError(null);
    try {
      await api.call('visitPlan.removeEntry', { reviewId: review.id, entryId: entry.id });
      setAnnouncement(t('consensus.plan.custom.removed', { source: label }));
      // The removed row's button is gone: focus goes to the heading of its kind, not to the page's start.
      document.getElementById(`plan-${entry.category}-heading`)?.focus();
      plan.reload();
    } catch (caught) {
      setRemoveError(asApiClientError('visitPlan.removeEntry', caught));
    }
  }, [api, review.id, plan.reload, t]);

  if (plan.status === 'error' && !plan.data) return <ErrorAlert message={errorMessage(plan.error)} onRetry={plan.reload} />;
  if (scale.status === 'error') return <ErrorAlert message={errorMessage(scale.error)} onRetry={scale.reload} />;
  if (!plan.data || !scale.data) return <p className="muted">{t('app.loading')}</p>;
  const entries = plan.data.map((entry) => saved.get(entry.id) ?? entry);
  return (
    <>
      <VisitPlanContent review={review} entries={entries} scale={scale.data.scale} onSaved={onSaved} onAdded={onAdded} onRemove={(e, l) => void onRemove(e, l)} />
      <p role="status" className="visually-hidden">{announcement}</p>
      {removeError && <ErrorAlert message={errorMessage(removeError)} />}
      {plan.status === 'error' && <ErrorAlert message={errorMessage(plan.error)} onRetry={plan.reload} />}
    </>
  );
}

interface VisitPlanContentProps {
  review: ReviewDetail;
  entries: readonly VisitPlanEntry[];
  scale: CallOutput<'scales.get'>['scale'];
  onSaved: (entry: VisitPlanEntry) => void;
  onAdded: (label: string) => void;
  onRemove: (entry: VisitPlanEntry, label: string) => void;
}

function VisitPlanContent({ review, entries, scale, onSaved, onAdded, onRemove }: VisitPlanContentProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const sourceLabel = usePlanEntryLabel(scale);
  const itemTitle = (item: number) => {
    const definition = scale.items.find((i) => i.number === item);
    return t('consensus.itemTitle', { number: item, title: definition ? localized(definition.title, language) : '' });
  };
  const scaleItems = scale.items.map((item) => item.number);
  // A final review's plan is its record of the visit: shown as it was, no longer changed.
  const readOnly = review.status === 'final';
  return (
    <>
      <PlanSummary
        reviewId={review.id}
        open={entries.filter((e) => !e.done).length}
        total={entries.length}
        missingEvidence={review.checks.missingEvidence}
        itemTitle={itemTitle}
      />
      <VisitRequestSection reviewId={review.id} />
      {readOnly && <p className="notice notice--final">{t('consensus.plan.readOnly')}</p>}
      {CATEGORIES.map((category) => (
        <VisitPlanGroup
          key={category}
          category={category}
          reviewId={review.id}
          entries={entries.filter((e) => e.category === category)}
          sourceLabel={sourceLabel}
          itemTitle={itemTitle}
          scaleItems={scaleItems}
          readOnly={readOnly}
          onSaved={onSaved}
          onAdded={onAdded}
          onRemove={onRemove}
        />
      ))}
    </>
  );
}
