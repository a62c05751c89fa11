import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError.tsx';
import type { FieldProblem, ReviewerRow } from './new-review-values.ts';

interface ReviewersFieldsetProps {
  idPrefix: string;
  rows: readonly ReviewerRow[];
  problems: Record<string, FieldProblem>;
  onChange: (rows: ReviewerRow[]) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
}

/** One reviewer rates alone; two or more rate independently and then agree a consensus. */
export function ReviewersFieldset({ idPrefix, rows, problems, onChange, onAdd, onRemove }: ReviewersFieldsetProps) {
  const { t } = useTranslation();
  const set = (key: number, change: Partial<ReviewerRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset className="form-group" id={`${idPrefix}-reviewers`} tabIndex={-1} aria-describedby={`${idPrefix}-reviewers-hint`}>
      <legend>{t('review.new.reviewers')}</legend>
      <p id={`${idPrefix}-reviewers-hint`} className="field-hint">
        {t('review.new.reviewersHint')}
      </p>
      <ol className="row-list">
        {rows.map((row, index) => {
          const nameId = `${idPrefix}-reviewer-${index}-name`;
          const roleId = `${idPrefix}-reviewer-${index}-role`;
          const nameProblem = problems[`reviewers.${index}.name`];
          const roleProblem = problems[`reviewers.${index}.role`];
          return (
            <li key={row.key} className="row-list__row">
              <div className="field">
                <label htmlFor={nameId}>
                  {t('review.new.reviewerName', { number: index + 1 })} <span className="required-mark">{t('siteForm.required')}</span>
                </label>
                <input
                  id={nameId}
                  type="text"
                  autoComplete="name"
                  required
                  value={row.name}
                  aria-invalid={nameProblem ? true : undefined}
                  aria-describedby={nameProblem ? `${nameId}-error` : undefined}
                  onChange={(e) => set(row.key, { name: e.target.value })}
                />
                <FieldError id={`${nameId}-error`} problem={nameProblem} />
              </div>
              <div className="field">
                <label htmlFor={roleId}>{t('review.new.reviewerRole', { number: index + 1 })}</label>
                <input
                  id={roleId}
                  type="text"
                  autoComplete="organization-title"
                  list={`${idPrefix}-roles`}
                  value={row.role}
                  aria-invalid={roleProblem ? true : undefined}
                  aria-describedby={roleProblem ? `${roleId}-error` : undefined}
                  onChange={(e) => set(row.key, { role: e.target.value })}
                />
                <FieldError id={`${roleId}-error`} problem={roleProblem} />
              </div>
              {rows.length > 1 && (
                <button type="button" className="row-list__remove" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                  {t('review.new.removeReviewer', { number: index + 1 })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <datalist id={`${idPrefix}-roles`}>
        <option value={t('review.new.roleLead')} />
        <option value={t('review.new.roleReviewer')} />
        <option value={t('review.new.rolePeer')} />
      </datalist>
      <FieldError id={`${idPrefix}-reviewers-error`} problem={problems.reviewers} />
      <button type="button" onClick={onAdd}>
        {t('review.new.addReviewer')}
      </button>
    </fieldset>
  );
}
