import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPlanCategory } from '../../electron/contract/visit-plan-contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import type { ApiClientError } from '../platform/api-client.ts';

interface AddCustomRowProps {
  reviewId: number;
  category: VisitPlanCategory;
  onAdded: (label: string) => void;
}

/** A row of the reviewers' own under a kind (e.g. the Kela contact, a client's family member). */
export function AddCustomRow({ reviewId, category, onAdded }: AddCustomRowProps) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [label, setLabel] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (label.trim() === '') {
      setMissing(true);
      document.getElementById(`${id}-label`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call('visitPlan.addEntry', { reviewId, category, label: label.trim() });
      onAdded(label.trim());
      setLabel('');
    } catch (caught) {
      setError(asApiClientError('visitPlan.addEntry', caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="plan-add-row" onSubmit={(e) => void add(e)} noValidate>
      <label htmlFor={`${id}-label`}>{t('consensus.plan.custom.newLabel')}</label>
      <input id={`${id}-label`} type="text" autoComplete="off" value={label} aria-invalid={missing || undefined} aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setLabel(e.target.value);
          if (e.target.value.trim() !== '') setMissing(false);
        }} />
      <button type="submit" aria-disabled={busy || undefined}>{t(`consensus.plan.custom.add.${category}`)}</button>
      <span id={`${id}-hint`} className={missing ? 'field-error' : 'field-hint'}>
        {missing ? t('consensus.plan.custom.labelMissing') : t('consensus.plan.custom.newLabelHint')}
      </span>
      {error && <ErrorAlert message={errorMessage(error)} />}
    </form>
  );
}
