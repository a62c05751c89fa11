import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { SaveIndicator } from '../consensus/SaveIndicator.tsx';
import { useAutosave, useDebounced } from '../platform/use-autosave.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useApi } from '../platform/api-context.tsx';
import { LocalDateInput } from './LocalDateInput.tsx';

interface Draft {
  who: string;
  plannedDate: string;
  done: boolean;
  note: string;
}

interface VisitPlanEntryRowProps {
  reviewId: number;
  entry: VisitPlanEntry;
  sourceLabel: string;
  itemTitle: (item: number) => string;
  readOnly: boolean;
  onSaved: (entry: VisitPlanEntry) => void;
}

const TEXT_SAVE_DELAY_MS = 800;
const blankToNull = (text: string) => (text.trim() === '' ? null : text);

/** One data source to request, interview or observation: who, when, done and a note, each saved as it changes. */
export function VisitPlanEntryRow({ reviewId, entry, sourceLabel, itemTitle, readOnly, onSaved }: VisitPlanEntryRowProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({ who: entry.who ?? '', plannedDate: entry.plannedDate ?? '', done: entry.done, note: entry.note ?? '' }));
  const [dateInvalid, setDateInvalid] = useState(false);
  const autosave = useAutosave('visitPlan.update', async (value: Draft) => {
    const saved = await api.call('visitPlan.update', {
      reviewId,
      entryId: entry.id,
      who: blankToNull(value.who.trim()),
      plannedDate: value.plannedDate === '' ? null : value.plannedDate,
      done: value.done,
      note: blankToNull(value.note),
    });
    onSaved(saved);
  });
  const debounced = useDebounced(autosave.save, TEXT_SAVE_DELAY_MS);
  function change(next: Draft, at: 'now' | 'later') {
    setDraft(next);
    debounced.call(next);
    if (at === 'now') debounced.flush();
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <tr className={draft.done ? 'plan-row is-done' : 'plan-row'}>
      <td className="col-done">
        {readOnly ? (
          <span>{entry.done ? t('consensus.plan.doneYes') : t('consensus.plan.doneNo')}</span>
        ) : (
          <>
            <input id={field('done')} type="checkbox" checked={draft.done} onChange={(e) => change({ ...draft, done: e.target.checked }, 'now')} />
            <label htmlFor={field('done')} className="visually-hidden">
              {t('consensus.plan.doneFor', { source: sourceLabel })}
            </label>
          </>
        )}
      </td>
      <th scope="row" className="col-source">
        <span className="source-label">{sourceLabel}</span>
        {draft.done && <span className="cell-note">{t('consensus.plan.doneMark')}</span>}
        <details className="source-items">
          <summary>{t('consensus.plan.itemsSummary', { items: entry.items.join(', '), count: entry.items.length })}</summary>
          <ul className="plain-list">
            {entry.items.map((item) => (
              <li key={item}>{itemTitle(item)}</li>
            ))}
          </ul>
        </details>
      </th>
      <td className="col-who">
        {readOnly ? (
          entry.who ?? t('sites.noValue')
        ) : (
          <>
            <label htmlFor={field('who')} className="visually-hidden">
              {t('consensus.plan.whoFor', { source: sourceLabel })}
            </label>
            <input
              id={field('who')}
              type="text"
              autoComplete="off"
              value={draft.who}
              onChange={(e) => change({ ...draft, who: e.target.value }, 'later')}
              onBlur={debounced.flush}
            />
          </>
        )}
      </td>
      <td className="col-when">
        {readOnly ? (
          entry.plannedDate ? format.date(entry.plannedDate) : t('sites.noValue')
        ) : (
          <>
            <label htmlFor={field('when')} className="visually-hidden">
              {t('consensus.plan.whenFor', { source: sourceLabel })}
            </label>
            <LocalDateInput
              id={field('when')}
              value={draft.plannedDate}
              onChange={(plannedDate) => change({ ...draft, plannedDate }, 'later')}
              onBlur={debounced.flush}
              onInvalidChange={setDateInvalid}
            />
          </>
        )}
      </td>
      <td className="col-note">
        {readOnly ? (
          entry.note ?? ''
        ) : (
          <>
            <label htmlFor={field('note')} className="visually-hidden">
              {t('consensus.plan.noteFor', { source: sourceLabel })}
            </label>
            <textarea
              id={field('note')}
              rows={2}
              value={draft.note}
              onChange={(e) => change({ ...draft, note: e.target.value }, 'later')}
              onBlur={debounced.flush}
            />
            {dateInvalid ? (
              <p role="status" className="save-state save-state--error">
                <span aria-hidden="true" className="save-state__icon">
                  {'⚠'}
                </span>{' '}
                {t('consensus.save.notSaved')}
              </p>
            ) : (
              <SaveIndicator state={autosave.state} onRetry={autosave.retry} />
            )}
          </>
        )}
      </td>
    </tr>
  );
}
