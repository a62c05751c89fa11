import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_PLAN_LIMITS, type ActionPlan, type ActionPlanRow } from '../../electron/contract/action-plan-contract.ts';
import { localized } from '../../scales/display-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';

const FREE = 'free';

/**
 * "Add a row": about any item of the scale (also one that has rows already) or a free row with a title of its own.
 * A free row without a title is not sent; the field says why.
 */
export function ActionPlanAddRow({ plan, onAdded }: { plan: ActionPlan; onAdded: (row: ActionPlanRow) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useUiLanguage();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [subject, setSubject] = useState<string>(String(plan.items[0]?.item ?? FREE));
  const [title, setTitle] = useState('');
  const [titleMissing, setTitleMissing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  const free = subject === FREE;

  async function add() {
    if (free && title.trim() === '') {
      setTitleMissing(true);
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    setAdding(true);
    setError(null);
    try {
      const row = await api.call('actionPlan.addRow', { reviewId: plan.reviewId, ...(free ? { freeTitle: title.trim() } : { item: Number(subject) }) });
      setTitle('');
      onAdded(row);
    } catch (caught) {
      setError(asApiClientError('actionPlan.addRow', caught));
    } finally {
      setAdding(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="action-plan-add">
      <h2 id={`${id}-heading`}>{t('actionPlan.add.heading')}</h2>
      <div className="action-plan-add__fields">
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('actionPlan.add.subject')}</label>
          <select id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)}>
            {plan.items.map((i) => (
              <option key={i.item} value={String(i.item)}>
                {t('actionPlan.rows.item', { number: i.item, title: localized(i.title, language) })}
              </option>
            ))}
            <option value={FREE}>{t('actionPlan.add.free')}</option>
          </select>
        </div>
        {free && (
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('actionPlan.add.title')}</label>
            <input id={`${id}-title`} type="text" autoComplete="off" maxLength={ACTION_PLAN_LIMITS.freeTitle} value={title}
              aria-invalid={titleMissing ? true : undefined} aria-describedby={`${id}-title-hint`}
              onChange={(e) => {
                setTitle(e.target.value);
                if (e.target.value.trim() !== '') setTitleMissing(false);
              }} />
            <p id={`${id}-title-hint`} className={titleMissing ? 'field-error' : 'field-hint'}>
              {titleMissing ? t('actionPlan.add.titleMissing') : t('actionPlan.add.titleHint')}
            </p>
          </div>
        )}
      </div>
      <button type="button" disabled={adding} onClick={() => void add()}>
        {adding ? t('actionPlan.add.adding') : t('actionPlan.add.button')}
      </button>
      {error && <ErrorAlert message={errorMessage(error)} />}
    </section>
  );
}
