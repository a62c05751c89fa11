import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { formatClockTime } from '../../scales/display-format.ts';
import { useFormat } from '../i18n/use-format.ts';
import { EntrySourceCell } from './EntrySourceCell.tsx';

interface EntryReadOnlyProps {
  entry: VisitPlanEntry;
  sourceLabel: string;
  itemTitle: (item: number) => string;
}

/** A plan row of a final review, as it was recorded: readable, not editable. */
export function EntryReadOnly({ entry, sourceLabel, itemTitle }: EntryReadOnlyProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = (value: string) => formatClockTime(value, format.language);
  const times = [entry.startTime, entry.endTime].filter((v): v is string => v !== null).map(time).join('–');
  return (
    <tr className={entry.done ? 'plan-row is-done' : 'plan-row'}>
      <td className="col-done">{entry.done ? t('consensus.plan.doneYes') : t('consensus.plan.doneNo')}</td>
      <EntrySourceCell entry={entry} sourceLabel={sourceLabel} itemTitle={itemTitle} done={entry.done} label={null} />
      <td className="col-who">
        {entry.who ?? (entry.people.length === 0 ? t('sites.noValue') : null)}
        {entry.people.length > 0 && (
          <ul className="plain-list plan-people-list" aria-label={t('consensus.plan.people.heading')}>
            {entry.people.map((person, index) => (
              <li key={index}>{person.role ? `${person.name} (${person.role})` : person.name}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="col-when">
        {entry.plannedDate ? format.date(entry.plannedDate) : t('sites.noValue')}
        {times && <span className="plan-time-text">{times}</span>}
      </td>
      <td className="col-note">
        {entry.note ?? ''}
        {entry.noteItems.length > 0 && <span className="cell-note">{t('consensus.plan.noteItemsList', { items: entry.noteItems.join(', ') })}</span>}
      </td>
    </tr>
  );
}
