import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_PLAN_LIMITS, ActionPlanStatus, type ActionPlanRow } from '../../electron/contract/action-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { LocalDateInput } from '../components/LocalDateInput.tsx';

export interface RowDraft {
  /** A free row's title ('' for an item row). */
  freeTitle: string;
  goal: string;
  owner: string;
  dueDate: string;
  status: ActionPlanStatus;
  notes: string;
}

export const draftOf = (row: ActionPlanRow): RowDraft => ({
  freeTitle: row.freeTitle ?? '', goal: row.goal, owner: row.owner ?? '', dueDate: row.dueDate ?? '', status: row.status, notes: row.notes ?? '',
});

interface ActionPlanRowFieldsProps {
  row: ActionPlanRow;
  /** Today as the backend judges overdue (YYYY-MM-DD). */
  today: string;
  /** Typed text waits for a pause ('later'); a chosen status goes at once ('now'). */
  onChange: (draft: RowDraft, at: 'now' | 'later') => void;
  /** Leaving a field sends what was typed. */
  onBlur: () => void;
  onRemove: () => void;
  /** The due date field holds text that is no date (or no longer does). */
  onInvalidDate?: (invalid: boolean) => void;
  /** A row just added: its first field takes the focus. */
  focusOnMount?: boolean;
}

/** How a row is named in messages: "kriteeri 4", or a free row's title. */
export function useRowLabel(): (row: Pick<ActionPlanRow, 'item' | 'freeTitle'>) => string {
  const { t } = useTranslation();
  return (row) => (row.item === null ? row.freeTitle ?? '' : t('actionPlan.rows.labelItem', { number: row.item }));
}

/**
 * One action: the item and its score (or, for a free row, its editable title), then goal, owner, due date, status
 * and notes, each labelled.
 */
export function ActionPlanRowFields({ row, today, onChange, onBlur, onRemove, onInvalidDate, focusOnMount }: ActionPlanRowFieldsProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const rowLabel = useRowLabel();
  const id = useId();
  const firstField = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnMount) firstField.current?.focus();
  }, [focusOnMount]);
  const [draft, setDraft] = useState<RowDraft>(() => draftOf(row));
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // The confirmation takes the focus, and gives it back to the remove button when cancelled.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const change = (next: RowDraft, at: 'now' | 'later') => {
    setDraft(next);
    onChange(next, at);
  };
  const overdue = draft.dueDate !== '' && draft.dueDate < today && (draft.status === 'open' || draft.status === 'in-progress');
  const field = (name: string) => `${id}-${name}`;
  // A free row keeps the title it was saved with as its legend while the title field is edited.
  const title = row.item === null ? `${t('actionPlan.rows.free')}: ${row.freeTitle ?? ''}` : t('actionPlan.rows.item', { number: row.item, title: localized(row.title, language) });
  const freeTitleMissing = row.item === null && draft.freeTitle.trim() === '';

  return (
    <li className={`action-row action-row--${draft.status}`}>
      <fieldset>
        <legend>{title}</legend>
        {(row.item !== null || overdue) && (
          <p className="action-row__meta">
            {row.item !== null && <span>{row.score === null ? t('actionPlan.rows.notScored') : t('actionPlan.rows.score', { score: row.score })}</span>}
            {overdue && <span className="action-row__overdue">{t('actionPlan.rows.overdue')}</span>}
          </p>
        )}
        <div className="action-row__fields">
          {row.item === null && (
            <div className="field action-row__goal">
              <label htmlFor={field('title')}>{t('actionPlan.rows.freeTitle')}</label>
              <input id={field('title')} ref={firstField} type="text" autoComplete="off" maxLength={ACTION_PLAN_LIMITS.freeTitle} value={draft.freeTitle}
                aria-invalid={freeTitleMissing ? true : undefined} aria-describedby={freeTitleMissing ? field('title-error') : undefined}
                onChange={(e) => change({ ...draft, freeTitle: e.target.value }, 'later')} onBlur={onBlur} />
              {freeTitleMissing && <p id={field('title-error')} className="field-error">{t('actionPlan.add.titleMissing')}</p>}
            </div>
          )}
          <div className="field action-row__goal">
            <label htmlFor={field('goal')}>{t('actionPlan.rows.goal')}</label>
            <p id={field('goal-hint')} className="field-hint">
              {t('actionPlan.rows.goalHint')}
            </p>
            <textarea id={field('goal')} ref={row.item === null ? undefined : firstField} rows={2} maxLength={ACTION_PLAN_LIMITS.goal} value={draft.goal} aria-describedby={field('goal-hint')}
              onChange={(e) => change({ ...draft, goal: e.target.value }, 'later')} onBlur={onBlur} />
          </div>
          <div className="field">
            <label htmlFor={field('owner')}>{t('actionPlan.rows.owner')}</label>
            <input id={field('owner')} type="text" autoComplete="off" maxLength={ACTION_PLAN_LIMITS.owner} value={draft.owner}
              onChange={(e) => change({ ...draft, owner: e.target.value }, 'later')} onBlur={onBlur} />
          </div>
          <div className="field">
            <label htmlFor={field('due')}>{t('actionPlan.rows.dueDate')}</label>
            <LocalDateInput id={field('due')} value={draft.dueDate} onChange={(dueDate) => change({ ...draft, dueDate }, 'later')} onBlur={onBlur}
              onInvalidChange={onInvalidDate} />
          </div>
          <div className="field">
            <label htmlFor={field('status')}>{t('actionPlan.rows.status')}</label>
            <select id={field('status')} value={draft.status} onChange={(e) => change({ ...draft, status: ActionPlanStatus.parse(e.target.value) }, 'now')}>
              {ActionPlanStatus.options.map((status) => (
                <option key={status} value={status}>
                  {t(`actionPlan.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field action-row__notes">
            <label htmlFor={field('notes')}>{t('actionPlan.rows.notes')}</label>
            <textarea id={field('notes')} rows={2} maxLength={20_000} value={draft.notes}
              onChange={(e) => change({ ...draft, notes: e.target.value }, 'later')} onBlur={onBlur} />
          </div>
        </div>
        {confirming ? (
          <div className="action-row__confirm">
            <p>{t('actionPlan.rows.removeConfirm', { label: rowLabel(row) })}</p>
            <button type="button" className="danger" onClick={onRemove}>
              {t('actionPlan.rows.removeYes')}
            </button>
            <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
              {t('actionPlan.rows.removeNo')}
            </button>
          </div>
        ) : (
          <button type="button" ref={removeRef} className="link-button action-row__remove" onClick={() => setConfirming(true)}>
            {t('actionPlan.rows.remove')}
          </button>
        )}
      </fieldset>
    </li>
  );
}
