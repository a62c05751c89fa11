import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmploymentOutcome } from '../../electron/contract/comparison-contract.ts';
import { formatPercent } from '../i18n/number-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { OutcomeForm } from './OutcomeForm.tsx';
import { EMPTY_OUTCOME, OPTIONAL_FIGURES, outcomeFigures, outcomeFormValues, type OutcomeFormValues } from './outcome-form-values.ts';
import './employment-outcomes.css';

type Editing = { mode: 'add' } | { mode: 'edit'; outcome: EmploymentOutcome } | null;

/**
 * A site's employment outcomes (issue 6): per follow-up period, IPS clients served and how many were in competitive
 * work, and optionally (issue 13) how many were working or studying and how many of those in work had held it at
 * least 6 and 12 months. The comparison sets them against fidelity.
 */
export function EmploymentOutcomes({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const outcomes = useApiQuery('outcomes.list', { siteId });
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiClientError | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const period = (o: { periodStart: string; periodEnd: string }) => ({ from: format.date(o.periodStart), to: format.date(o.periodEnd) });

  async function save(values: OutcomeFormValues) {
    const id = editing?.mode === 'edit' ? editing.outcome.id : undefined;
    const saved = await api.call('outcomes.save', {
      ...(id === undefined ? {} : { id }),
      siteId,
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      ...outcomeFigures(values),
    });
    setEditing(null);
    setStatus(t('comparison.outcomes.saved', period(saved)));
    outcomes.reload();
    addRef.current?.focus();
  }

  async function remove(outcome: EmploymentOutcome) {
    setFailure(null);
    try {
      await api.call('outcomes.delete', { id: outcome.id });
      setConfirming(null);
      setStatus(t('comparison.outcomes.deleted', period(outcome)));
      outcomes.reload();
      addRef.current?.focus();
    } catch (error) {
      setFailure(asApiClientError('outcomes.delete', error));
    }
  }

  return (
    <section aria-labelledby="employment-outcomes-heading" className="employment-outcomes">
      <h2 id="employment-outcomes-heading">{t('comparison.outcomes.title')}</h2>
      <p className="muted">{t('comparison.outcomes.intro')}</p>
      <StatusMessage message={status} />
      {outcomes.status === 'error' && <ErrorAlert message={errorMessage(outcomes.error)} onRetry={outcomes.reload} />}
      {failure && <ErrorAlert message={errorMessage(failure)} />}
      {outcomes.data && outcomes.data.length === 0 && <p className="empty-state">{t('comparison.outcomes.none')}</p>}
      {outcomes.data && outcomes.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('comparison.outcomes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('comparison.outcomes.period')}</th>
              <th scope="col">{t('comparison.outcomes.clientsServed')}</th>
              <th scope="col">{t('comparison.outcomes.inCompetitiveWork')}</th>
              <th scope="col">{t('comparison.outcomes.rate')}</th>
              {OPTIONAL_FIGURES.map((field) => (
                <th key={field} scope="col">{t(`comparison.outcomes.columns.${field}`)}</th>
              ))}
              <th scope="col">{t('comparison.outcomes.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.data.map((o) => (
              <tr key={o.id}>
                <th scope="row" className="nowrap">{`${period(o).from}–${period(o).to}`}</th>
                <td>{o.clientsServed}</td>
                <td>{o.inCompetitiveWork}</td>
                <td>{formatPercent(o.inCompetitiveWork / o.clientsServed, format.language)}</td>
                {OPTIONAL_FIGURES.map((field) => (
                  <td key={field}>{o[field] ?? <NotReported />}</td>
                ))}
                <td>
                  {confirming === o.id ? (
                    <span role="group" aria-label={t('comparison.outcomes.confirmDelete', period(o))} className="outcome-confirm">
                      <span>{t('comparison.outcomes.confirmDelete', period(o))}</span>{' '}
                      <button type="button" className="small" autoFocus onClick={() => void remove(o)}>
                        {t('comparison.outcomes.delete')}
                      </button>{' '}
                      <button type="button" className="small" onClick={() => setConfirming(null)}>
                        {t('comparison.outcomes.cancel')}
                      </button>
                    </span>
                  ) : (
                    <>
                      <button type="button" className="small" aria-label={t('comparison.outcomes.editLabel', period(o))} onClick={() => setEditing({ mode: 'edit', outcome: o })}>
                        {t('comparison.outcomes.edit')}
                      </button>{' '}
                      <button type="button" className="small" aria-label={t('comparison.outcomes.deleteLabel', period(o))} onClick={() => setConfirming(o.id)}>
                        {t('comparison.outcomes.delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <OutcomeForm
          key={editing.mode === 'edit' ? editing.outcome.id : 'new'}
          title={editing.mode === 'edit' ? t('comparison.outcomes.editTitle', period(editing.outcome)) : t('comparison.outcomes.addTitle')}
          initial={editing.mode === 'edit' ? outcomeFormValues(editing.outcome) : EMPTY_OUTCOME}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <button ref={addRef} type="button" onClick={() => setEditing({ mode: 'add' })}>
            {t('comparison.outcomes.add')}
          </button>
        </p>
      )}
    </section>
  );
}

/** A figure the period did not report: a dash to the eye, words to a screen reader. */
function NotReported() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('comparison.outcomes.notReported')}</span>
    </>
  );
}
