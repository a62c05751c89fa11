import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPlan, ActionPlanRow } from '../../electron/contract/action-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { useSaveQueue } from '../platform/use-save-queue.ts';
import { ActionPlanRowFields, type RowDraft } from './ActionPlanRowFields.tsx';
import { ActionPlanSaveStatus, type PlanSaveTarget } from './ActionPlanSaveStatus.tsx';
import { countRows, useProgressText } from './use-progress-text.ts';

/** Typing waits this long for a pause before it is saved (as in the review editor); leaving a field saves at once. */
const TEXT_SAVE_DELAY_MS = 800;

const updateInput = (id: number, draft: RowDraft) => ({
  id,
  goal: draft.goal,
  owner: draft.owner.trim() === '' ? null : draft.owner.trim(),
  dueDate: draft.dueDate === '' ? null : draft.dueDate,
  status: draft.status,
  notes: draft.notes.trim() === '' ? null : draft.notes,
});

/**
 * The plan's rows, edited in place and saved through the review editor's save queue (one request at a time,
 * the latest value per row, failures kept and retried), plus the items that still wait for a row.
 */
export function ActionPlanEditor({ initial }: { initial: ActionPlan }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useUiLanguage();
  const errorMessage = useErrorMessage();
  const progressText = useProgressText();
  const [plan, setPlan] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [createError, setCreateError] = useState<ApiClientError | null>(null);
  const [creating, setCreating] = useState(false);
  // Rows whose due date field holds text that is no date: not saved, so the status must not say "saved".
  const [invalidDates, setInvalidDates] = useState<ReadonlySet<number>>(new Set());
  const markInvalidDate = (item: number, invalid: boolean) =>
    setInvalidDates((current) => {
      const next = new Set(current);
      if (invalid) next.add(item);
      else next.delete(item);
      return next;
    });
  const rowsHeading = useRef<HTMLHeadingElement>(null);
  const { queue, snapshot } = useSaveQueue<PlanSaveTarget>({});

  const replaceRow = (row: ActionPlanRow) => setPlan((p) => ({ ...p, rows: p.rows.map((r) => (r.id === row.id ? row : r)) }));

  function change(row: ActionPlanRow, draft: RowDraft, at: 'now' | 'later') {
    const save = async (value: RowDraft) => replaceRow(await api.call('actionPlan.update', updateInput(row.id, value)));
    queue.set(`row:${row.id}`, draft, save, { item: row.item }, at === 'later' ? TEXT_SAVE_DELAY_MS : 0);
  }

  // Through the queue, so an edit of this row still waiting is replaced by the removal instead of following it.
  function remove(row: ActionPlanRow) {
    queue.set(`row:${row.id}`, { removed: true }, async () => {
      await api.call('actionPlan.remove', { id: row.id });
      setPlan(await api.call('actionPlan.get', { reviewId: row.reviewId }));
      setMessage(t('actionPlan.rows.removed', { number: row.item }));
      rowsHeading.current?.focus();
    }, { item: row.item });
  }

  async function create() {
    setCreating(true);
    setCreateError(null);
    try {
      const result = await api.call('actionPlan.createFromReview', { reviewId: plan.reviewId });
      setPlan(result);
      setMessage(t('actionPlan.candidates.added', { count: result.added.length }));
      rowsHeading.current?.focus();
    } catch (error) {
      setCreateError(asApiClientError('actionPlan.createFromReview', error));
    } finally {
      setCreating(false);
    }
  }

  return (
    <>
      {plan.rows.length > 0 && (
        <section className="panel action-plan-summary" aria-labelledby="action-plan-progress-heading">
          <h2 id="action-plan-progress-heading">{t('actionPlan.progress.heading')}</h2>
          <p className="figure-value">{progressText(countRows(plan.rows))}</p>
        </section>
      )}
      <ActionPlanSaveStatus state={snapshot} invalidDates={[...invalidDates].sort((a, b) => a - b)} onRetry={() => queue.retryNow()} />

      <section aria-labelledby="action-plan-candidates-heading">
        <h2 id="action-plan-candidates-heading">{t('actionPlan.candidates.heading')}</h2>
        {plan.candidates.length === 0 ? (
          <p className="muted">{plan.rows.length > 0 ? t('actionPlan.candidates.allPlanned') : t('actionPlan.candidates.none')}</p>
        ) : (
          <>
            <p>{t('actionPlan.candidates.intro', { count: plan.candidates.length })}</p>
            <ul className="action-plan-candidates">
              {plan.candidates.map((c) => (
                <li key={c.item}>{t('actionPlan.candidates.item', { number: c.item, title: localized(c.title, language), score: c.score })}</li>
              ))}
            </ul>
            <button type="button" className="primary" disabled={creating} onClick={() => void create()}>
              {creating ? t('actionPlan.candidates.creating') : t('actionPlan.candidates.create', { count: plan.candidates.length })}
            </button>
          </>
        )}
        {createError && <ErrorAlert message={errorMessage(createError)} />}
      </section>

      <section aria-labelledby="action-plan-rows-heading">
        <h2 id="action-plan-rows-heading" ref={rowsHeading} tabIndex={-1}>
          {t('actionPlan.rows.heading')}
        </h2>
        <StatusMessage message={message} />
        {plan.rows.length === 0 ? (
          <p className="empty-state">{t('actionPlan.rows.empty')}</p>
        ) : (
          <ol className="action-rows">
            {plan.rows.map((row) => (
              <ActionPlanRowFields
                key={row.id}
                row={row}
                today={plan.today}
                onChange={(draft, at) => change(row, draft, at)}
                onBlur={() => queue.flush(`row:${row.id}`)}
                onRemove={() => remove(row)}
                onInvalidDate={(invalid) => markInvalidDate(row.item, invalid)}
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
