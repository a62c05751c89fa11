import { useTranslation } from 'react-i18next';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';

interface EntrySourceCellProps {
  entry: VisitPlanEntry;
  sourceLabel: string;
  itemTitle: (item: number) => string;
  done: boolean;
  /** A custom row's editable name; null for the scale's rows and the team meeting. */
  label: { id: string; value: string; missing: boolean } | null;
  onLabel?: (label: string) => void;
  onBlur?: () => void;
  onRemove?: () => void;
}

/** The row header: the source (or the reviewers' own row, named and removable) and the items it serves. */
export function EntrySourceCell({ entry, sourceLabel, itemTitle, done, label, onLabel, onBlur, onRemove }: EntrySourceCellProps) {
  const { t } = useTranslation();
  return (
    <th scope="row" className="col-source">
      <span className="source-label">{sourceLabel}</span>
      {done && <span className="cell-note">{t('consensus.plan.doneMark')}</span>}
      {entry.kind === 'custom' && <span className="cell-note">{t('consensus.plan.custom.own')}</span>}
      {label && (
        <div className="plan-custom-label">
          <label htmlFor={label.id} className="visually-hidden">
            {t('consensus.plan.custom.labelFor', { source: sourceLabel })}
          </label>
          <input id={label.id} type="text" autoComplete="off" value={label.value} aria-invalid={label.missing || undefined}
            aria-describedby={label.missing ? `${label.id}-error` : undefined} onChange={(e) => onLabel?.(e.target.value)} onBlur={onBlur} />
          {label.missing && <span id={`${label.id}-error`} className="field-error">{t('consensus.plan.custom.labelMissing')}</span>}
          <button type="button" className="small" aria-label={t('consensus.plan.custom.removeFor', { source: sourceLabel })} onClick={onRemove}>
            {t('consensus.plan.custom.remove')}
          </button>
        </div>
      )}
      {entry.items.length > 0 && (
        <details className="source-items">
          <summary>{t('consensus.plan.itemsSummary', { items: entry.items.join(', '), count: entry.items.length })}</summary>
          <ul className="plain-list">
            {entry.items.map((item) => (
              <li key={item}>{itemTitle(item)}</li>
            ))}
          </ul>
        </details>
      )}
    </th>
  );
}
