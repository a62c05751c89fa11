import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPlan, ActionPlanRow } from '../../electron/contract/action-plan-contract.ts';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { useSaveQueue } from '../platform/use-save-queue.ts';
import { ActionPlanAddRow } from './ActionPlanAddRow.tsx';
import { ActionPlanCandidates } from './ActionPlanCandidates.tsx';
import { ActionPlanRowFields, useRowLabel, type RowDraft } from './ActionPlanRowFields.tsx';
import { ActionPlanSaveStatus, type PlanSaveTarget } from './ActionPlanSaveStatus.tsx';
import { countRows, useProgressText } from './use-progress-text.ts';

/** Typing waits this long for a pause before it is saved (as in the review editor); leaving a field saves at once. */
const TEXT_SAVE_DELAY_MS = 800;

const updateInput = (row: ActionPlanRow, draft: RowDraft) => ({
  id: row.id,
  // A free row's blank title is not sent (the field shows why); the rest of the row still saves.
  ...(row.item === null && draft.freeTitle.trim() !== '' ? { freeTitle: draft.freeTitle.trim() } : {}),
  goal: draft.goal,
  owner: draft.owner.trim() === '' ? null : draft.owner.trim(),
  dueDate: draft.dueDate === '' ? null : draft.dueDate,
  status: draft.status,
  notes: draft.notes.trim() === '' ? null : draft.notes,
});

/** A set of row ids kept in state, with a toggle. */
function useRowSet() {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  const mark = (id: number, on: boolean) =>
    setIds((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return [ids, mark] as const;
}

/**
 * The plan's rows, edited in place and saved through the review editor's save queue (one request at a time,
 * the latest value per row, failures kept and retried), the rows the review proposes, and a form to add any row.
 */
export function ActionPlanEditor({ initial }: { initial: ActionPlan }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const progressText = useProgressText();
  const rowLabel = useRowLabel();
  const [plan, setPlan] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [added, setAdded] = useState<number | null>(null);
  // Rows whose due date field holds text that is no date, or whose free title is blank: not saved, so the status
  // must not say "saved".
  const [invalidDates, markInvalidDate] = useRowSet();
  const [blankTitles, markBlankTitle] = useRowSet();
  const rowsHeading = useRef<HTMLHeadingElement>(null);
  const { queue, snapshot } = useSaveQueue<PlanSaveTarget>({});

  const replaceRow = (row: ActionPlanRow) => setPlan((p) => ({ ...p, rows: p.rows.map((r) => (r.id === row.id ? row : r)) }));
  const labelsOf = (ids: ReadonlySet<number>) => plan.rows.filter((r) => ids.has(r.id)).map(rowLabel);

  function change(row: ActionPlanRow, draft: RowDraft, at: 'now' | 'later') {
    if (row.item === null) markBlankTitle(row.id, draft.freeTitle.trim() === '');
    const save = async (value: RowDraft) => replaceRow(await api.call('actionPlan.update', updateInput(row, value)));
    queue.set(`row:${row.id}`, draft, save, { label: rowLabel(row) }, at === 'later' ? TEXT_SAVE_DELAY_MS : 0);
  }

  // Through the queue, so an edit of this row still waiting is replaced by the removal instead of following it.
  function remove(row: ActionPlanRow) {
    queue.set(`row:${row.id}`, { removed: true }, async () => {
      await api.call('actionPlan.remove', { id: row.id });
      markInvalidDate(row.id, false);
      markBlankTitle(row.id, false);
      setPlan(await api.call('actionPlan.get', { reviewId: row.reviewId }));
      setMessage(t('actionPlan.rows.removed', { label: rowLabel(row) }));
      rowsHeading.current?.focus();
    }, { label: rowLabel(row) });
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
      setCreateError(errorMessage(asApiClientError('actionPlan.createFromReview', error)));
    } finally {
      setCreating(false);
    }
  }

  async function rowAdded(row: ActionPlanRow) {
    try {
      // Again from the backend: the new row takes its place in the plan's order, and the proposals follow.
      setPlan(await api.call('actionPlan.get', { reviewId: plan.reviewId }));
    } catch {
      setPlan((p) => ({ ...p, rows: [...p.rows, row] }));
    }
    setAdded(row.id);
    setMessage(t('actionPlan.add.added', { label: rowLabel(row) }));
  }

  return (
    <>
      {plan.rows.length > 0 && (
        <section className="panel action-plan-summary" aria-labelledby="action-plan-progress-heading">
          <h2 id="action-plan-progress-heading">{t('actionPlan.progress.heading')}</h2>
          <p className="figure-value">{progressText(countRows(plan.rows))}</p>
        </section>
      )}
      <ActionPlanSaveStatus state={snapshot} invalidDates={labelsOf(invalidDates)} blankTitles={blankTitles.size} onRetry={() => queue.retryNow()} />

      <ActionPlanCandidates plan={plan} creating={creating} error={createError} onCreate={() => void create()} />

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
                focusOnMount={row.id === added}
                onChange={(draft, at) => change(row, draft, at)}
                onBlur={() => queue.flush(`row:${row.id}`)}
                onRemove={() => remove(row)}
                onInvalidDate={(invalid) => markInvalidDate(row.id, invalid)}
              />
            ))}
          </ol>
        )}
      </section>

      <ActionPlanAddRow plan={plan} onAdded={(row) => void rowAdded(row)} />
    </>
  );
}
