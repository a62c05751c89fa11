import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../electron/contract/settings-contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';

/**
 * The identity the report page chooses for signing until the reviewer chooses another (settings.reviewerIdentityId),
 * or none; saved as soon as it is chosen.
 */
export function DefaultIdentityField({ settings }: { settings: Settings | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const identities = useApiQuery('identities.list', {});
  const [chosen, setChosen] = useState<number | null | undefined>(undefined);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiClientError | null>(null);
  const latestSave = useRef(0);

  const list = identities.data ?? [];
  const stored = chosen !== undefined ? chosen : (settings?.reviewerIdentityId ?? null);
  const value = stored !== null && list.some((identity) => identity.id === stored) ? String(stored) : '';

  async function save(identityId: number | null) {
    const previous = chosen;
    const save = ++latestSave.current;
    setChosen(identityId);
    setStatus(null);
    setError(null);
    try {
      await api.call('settings.update', { reviewerIdentityId: identityId });
      if (save === latestSave.current) setStatus(t('settings.signing.saved'));
    } catch (caught) {
      if (save !== latestSave.current) return;
      setChosen(previous);
      setError(asApiClientError('settings.update', caught));
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.signing.heading')}</h2>
      {identities.status === 'error' && <ErrorAlert message={errorMessage(identities.error)} onRetry={identities.reload} />}
      {identities.data === undefined ? (
        identities.status === 'loading' && <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="field">
          <label htmlFor={id}>{t('settings.signing.defaultIdentity')}</label>
          <select
            id={id}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(event) => void save(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t('settings.signing.none')}</option>
            {list.map((identity) => (
              <option key={identity.id} value={identity.id}>
                {t('reports.identity.option', {
                  name: identity.name,
                  details: [identity.role, identity.organisation, `${identity.certificateFingerprint.slice(0, 11)}…`].filter(Boolean).join(', '),
                })}
              </option>
            ))}
          </select>
          <p id={`${id}-hint`} className="muted">
            {t(list.length === 0 ? 'settings.signing.noIdentities' : 'settings.signing.hint')}
          </p>
        </div>
      )}
      <StatusMessage message={status} />
      {error && <ErrorAlert message={errorMessage(error)} />}
    </section>
  );
}
