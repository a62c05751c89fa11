import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { formatClockTime } from '../../scales/display-format.ts';
import type { ScaleVersionData } from '../../scales/scale-schema.ts';
import { usePlanEntryLabel } from '../components/use-plan-entry-label.ts';
import { useFormat } from '../i18n/use-format.ts';

interface ItemVisitNotesProps {
  scale: ScaleVersionData;
  /** The plan rows whose note informs this item. */
  entries: readonly VisitPlanEntry[];
}

/**
 * "From the visit": the visit plan's notes linked to this item. The plan is the team's shared record of the visit,
 * not a reviewer's ratings, so every reviewer sees the same notes, also while rating blind.
 */
export function ItemVisitNotes({ scale, entries }: ItemVisitNotesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = usePlanEntryLabel(scale);
  if (entries.length === 0) return null;
  return (
    <section className="item-visit-notes" aria-labelledby="item-visit-notes-heading">
      <h3 id="item-visit-notes-heading">{t('consensus.plan.fromVisit.heading')}</h3>
      <p className="field-hint">{t('consensus.plan.fromVisit.intro')}</p>
      <ul className="item-visit-notes__list">
        {entries.map((entry) => {
          const when = [
            entry.plannedDate ? format.date(entry.plannedDate) : null,
            [entry.startTime, entry.endTime].filter((v): v is string => v !== null).map((v) => formatClockTime(v, format.language)).join('–') || null,
          ].filter(Boolean).join(' ');
          return (
            <li key={entry.id}>
              <strong>{label(entry)}</strong>
              {when && <span className="item-visit-notes__when">{` · ${when}`}</span>}
              <p className="item-visit-notes__text">{entry.note}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
