import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { FieldError } from './FieldError.tsx';
import type { DateRow, FieldProblem } from './new-review-values.ts';

interface VisitDatesFieldsetProps {
  idPrefix: string;
  rows: readonly DateRow[];
  problems: Record<string, FieldProblem>;
  onChange: (rows: DateRow[]) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
}

/** One or more visit days (a review visit often takes two); the API needs at least one. */
export function VisitDatesFieldset({ idPrefix, rows, problems, onChange, onAdd, onRemove }: VisitDatesFieldsetProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const inputId = (index: number) => `${idPrefix}-date-${index}`;
  const hintId = `${idPrefix}-date-hint`;
  return (
    <fieldset className="form-group" id={`${idPrefix}-visitDates`} tabIndex={-1}>
      <legend>{t('review.new.visitDates')}</legend>
      <p id={hintId} className="field-hint">
        {t('review.new.dateHint', { example: formatIsoDate('2026-11-23', language) })}
      </p>
      <ul className="row-list">
        {rows.map((row, index) => {
          const errorId = `${inputId(index)}-error`;
          const problem = problems[`visitDates.${index}`];
          return (
            <li key={row.key} className="row-list__row">
              <div className="field">
                <label htmlFor={inputId(index)}>{t('review.new.visitDate', { number: index + 1 })}</label>
                <input
                  id={inputId(index)}
                  type="text"
                  className="date-input"
                  autoComplete="off"
                  required
                  value={row.text}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={[hintId, problem ? errorId : ''].filter(Boolean).join(' ')}
                  onChange={(e) => onChange(rows.map((r) => (r.key === row.key ? { ...r, text: e.target.value } : r)))}
                />
                <FieldError id={errorId} problem={problem} />
              </div>
              {rows.length > 1 && (
                <button type="button" className="row-list__remove" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                  {t('review.new.removeVisitDate', { number: index + 1 })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <FieldError id={`${idPrefix}-visitDates-error`} problem={problems.visitDates} />
      <button type="button" onClick={onAdd}>
        {t('review.new.addVisitDate')}
      </button>
    </fieldset>
  );
}
