import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { SaveIndicator } from '../components/SaveIndicator.tsx';
import { useAutosave, useDebounced } from '../platform/use-autosave.ts';
import { useApi } from '../platform/api-context.tsx';
import { draftOf, draftProblems, hasProblems, updateInput, type EntryDraft } from './entry-draft.ts';
import { EntryReadOnly } from './EntryReadOnly.tsx';
import { EntrySourceCell } from './EntrySourceCell.tsx';
import { LocalDateInput } from '../components/LocalDateInput.tsx';
import { TimeField } from './LocalTimeInput.tsx';
import { PeopleEditor } from './PeopleEditor.tsx';

interface VisitPlanEntryRowProps {
  reviewId: number;
  entry: VisitPlanEntry;
  sourceLabel: string;
  itemTitle: (item: number) => string;
  /** The scale's item numbers, for the items a note informs. */
  scaleItems: readonly number[];
  readOnly: boolean;
  onSaved: (entry: VisitPlanEntry) => void;
  onRemove: (entry: VisitPlanEntry, label: string) => void;
}

const TEXT_SAVE_DELAY_MS = 800;

/**
 * One data source to request, interview or observation: who and the people met, the date with start and end times,
 * done, and a note linked to the items it informs; each saved as it changes. A value that cannot be saved (no such
 * date or time, the end before the start, a role without a name, no such item) is shown at its field and the row
 * says "not saved" until it is corrected: nothing is dropped silently.
 */
export function VisitPlanEntryRow(props: VisitPlanEntryRowProps) {
  const { reviewId, entry, sourceLabel, scaleItems, readOnly, onSaved } = props;
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  const custom = entry.kind === 'custom';
  const problems = draftProblems(draft, scaleItems, custom);
  const autosave = useAutosave('visitPlan.update', async (value: EntryDraft) => {
    onSaved(await api.call('visitPlan.update', updateInput(reviewId, entry, value, scaleItems)));
  });
  const debounced = useDebounced(autosave.save, TEXT_SAVE_DELAY_MS);
  function change(next: EntryDraft, at: 'now' | 'later') {
    setDraft(next);
    if (hasProblems(draftProblems(next, scaleItems, custom))) return;
    debounced.call(next);
    if (at === 'now') debounced.flush();
  }
  const unreadableIn = (field: string) => (invalid: boolean) =>
    setUnreadable((previous) => {
      const next = new Set(previous);
      if (invalid) next.add(field);
      else next.delete(field);
      return next;
    });

  if (readOnly) return <EntryReadOnly entry={entry} sourceLabel={sourceLabel} itemTitle={props.itemTitle} />;
  const field = (name: string) => `${id}-${name}`;
  const itemsErrorId = field('items-error');
  const notSaved = unreadable.size > 0 || hasProblems(problems);
  return (
    <tr className={draft.done ? 'plan-row is-done' : 'plan-row'}>
      <td className="col-done">
        <input id={field('done')} type="checkbox" checked={draft.done} onChange={(e) => change({ ...draft, done: e.target.checked }, 'now')} />
        <label htmlFor={field('done')} className="visually-hidden">
          {t('consensus.plan.doneFor', { source: sourceLabel })}
        </label>
      </td>
      <EntrySourceCell
        entry={entry}
        sourceLabel={sourceLabel}
        itemTitle={props.itemTitle}
        done={draft.done}
        label={custom ? { id: field('label'), value: draft.label, missing: problems.labelMissing } : null}
        onLabel={(label) => change({ ...draft, label }, 'later')}
        onBlur={debounced.flush}
        onRemove={() => props.onRemove(entry, sourceLabel)}
      />
      <td className="col-who">
        <label htmlFor={field('who')} className="visually-hidden">
          {t('consensus.plan.whoFor', { source: sourceLabel })}
        </label>
        <input id={field('who')} type="text" autoComplete="off" value={draft.who} onChange={(e) => change({ ...draft, who: e.target.value }, 'later')} onBlur={debounced.flush} />
        {entry.category !== 'request' && (
          <PeopleEditor idPrefix={id} source={sourceLabel} people={draft.people} nameless={problems.namelessPeople}
            onChange={(people, at) => change({ ...draft, people }, at)} onBlur={debounced.flush} />
        )}
      </td>
      <td className="col-when">
        <label htmlFor={field('when')} className="visually-hidden">
          {t('consensus.plan.whenFor', { source: sourceLabel })}
        </label>
        <LocalDateInput id={field('when')} value={draft.plannedDate} onChange={(plannedDate) => change({ ...draft, plannedDate }, 'later')}
          onBlur={debounced.flush} onInvalidChange={unreadableIn('date')} />
        {entry.category !== 'request' && (
          <div className="plan-times">
            <TimeField id={field('start')} label={t('consensus.plan.start')} fullLabel={t('consensus.plan.startFor', { source: sourceLabel })}
              value={draft.startTime} onChange={(startTime) => change({ ...draft, startTime }, 'later')} onBlur={debounced.flush}
              onInvalidChange={unreadableIn('start')} />
            <TimeField id={field('end')} label={t('consensus.plan.end')} fullLabel={t('consensus.plan.endFor', { source: sourceLabel })}
              value={draft.endTime} onChange={(endTime) => change({ ...draft, endTime }, 'later')} onBlur={debounced.flush}
              onInvalidChange={unreadableIn('end')} otherError={problems.endBeforeStart ? t('consensus.plan.endBeforeStart') : null} />
          </div>
        )}
      </td>
      <td className="col-note">
        <label htmlFor={field('note')} className="visually-hidden">
          {t('consensus.plan.noteFor', { source: sourceLabel })}
        </label>
        <textarea id={field('note')} rows={2} value={draft.note} onChange={(e) => change({ ...draft, note: e.target.value }, 'later')} onBlur={debounced.flush} />
        <label htmlFor={field('items')} className="plan-note-items-label">
          <span aria-hidden="true">{t('consensus.plan.noteItems')}</span>
          <span className="visually-hidden">{t('consensus.plan.noteItemsFor', { source: sourceLabel })}</span>
        </label>
        <input id={field('items')} type="text" autoComplete="off" inputMode="numeric" value={draft.noteItems}
          aria-invalid={problems.unknownItems.length > 0 || undefined} aria-describedby={itemsErrorId}
          onChange={(e) => change({ ...draft, noteItems: e.target.value }, 'later')} onBlur={debounced.flush} />
        <span id={itemsErrorId} className={problems.unknownItems.length ? 'field-error date-hint' : 'field-hint date-hint'}>
          {problems.unknownItems.length
            ? t('consensus.plan.noteItemsInvalid', { items: problems.unknownItems.join(', '), max: Math.max(...scaleItems) })
            : t('consensus.plan.noteItemsHint')}
        </span>
        {notSaved ? (
          <p role="status" className="save-state save-state--error">
            <span aria-hidden="true" className="save-state__icon">
              {'⚠'}
            </span>{' '}
            {t('consensus.save.notSaved')}
          </p>
        ) : (
          <SaveIndicator state={autosave.state} onRetry={autosave.retry} />
        )}
      </td>
    </tr>
  );
}
