import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { asApiClientError } from '../platform/use-api-query.ts';
import { outcomeProblems, problemsFromApi, type OutcomeField, type OutcomeFormValues, type OutcomeProblem } from './outcome-form-values.ts';

interface OutcomeFormProps {
  title: string;
  initial: OutcomeFormValues;
  /** Saves; throws the API's error, which the form shows at its fields. */
  onSave: (values: OutcomeFormValues) => Promise<void>;
  onCancel: () => void;
}

/** hint: a message key of comparison.outcomes said with the field (the optional figures: empty is "not reported"). */
const FIELDS: { field: OutcomeField; type: 'date' | 'number'; hint?: 'optionalHint' | 'tenureHint' }[] = [
  { field: 'periodStart', type: 'date' },
  { field: 'periodEnd', type: 'date' },
  { field: 'clientsServed', type: 'number' },
  { field: 'inCompetitiveWork', type: 'number' },
  { field: 'workingOrStudying', type: 'number', hint: 'optionalHint' },
  { field: 'tenure6Months', type: 'number', hint: 'tenureHint' },
  { field: 'tenure12Months', type: 'number', hint: 'tenureHint' },
];

/**
 * One follow-up period: dates, clients served, in competitive work, and the optional figures THL also follows
 * (docs/employment-outcomes.md). Every problem is shown at its field.
 */
export function OutcomeForm({ title, initial, onSave, onCancel }: OutcomeFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<OutcomeField, OutcomeProblem>>>({});
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => firstRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const found = outcomeProblems(values);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSave(values);
    } catch (error) {
      const apiError = asApiClientError('outcomes.save', error);
      const atFields = problemsFromApi(apiError, format.date);
      if (atFields) setProblems(atFields);
      else setFailure(apiError);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="outcome-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`} className="visually-hidden">
        {title}
      </h3>
      {FIELDS.map(({ field, type, hint }, index) => {
        const problem = problems[field];
        const describedBy = [hint && `${id}-${field}-hint`, problem && `${id}-${field}-error`].filter(Boolean).join(' ');
        return (
          <div key={field} className="field">
            <label htmlFor={`${id}-${field}`}>{t(`comparison.outcomes.${field}`)}</label>
            {hint && (
              <p id={`${id}-${field}-hint`} className="field-hint">
                {t(`comparison.outcomes.${hint}`)}
              </p>
            )}
            <input
              ref={index === 0 ? firstRef : undefined}
              id={`${id}-${field}`}
              type={type}
              {...(type === 'number' ? { min: field === 'clientsServed' ? 1 : 0, step: 1, inputMode: 'numeric' as const } : {})}
              value={values[field]}
              aria-invalid={problem !== undefined}
              aria-describedby={describedBy || undefined}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
            {problem && (
              <p id={`${id}-${field}-error`} className="field-error">
                {problem.key === 'overlap'
                  ? t('comparison.outcomes.errors.overlap', { from: problem.values?.from ?? '', to: problem.values?.to ?? '' })
                  : problem.key === 'tenureOverWork'
                    ? t('comparison.outcomes.errors.tenureOverWork', { months: problem.values?.months ?? '' })
                    : t(`comparison.outcomes.errors.${problem.key}`)}
              </p>
            )}
          </div>
        );
      })}
      <div className="outcome-form__actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('comparison.outcomes.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('comparison.outcomes.cancel')}
        </button>
      </div>
      {failure && <ErrorAlert message={errorMessage(failure)} />}
    </form>
  );
}
