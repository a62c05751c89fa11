import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../electron/contract/entities.ts';
import { RegionCode } from '../../scales/regions/fi-regions.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import type { ApiClientError } from '../platform/api-client.ts';
import { asApiClientError } from '../platform/use-api-query.ts';
import { RegionSelect } from './RegionSelect.tsx';
import './region-prompt.css';

/**
 * On the page of a site whose region is free text that migration 013 (or a bundle from an older app) could not
 * match to the list: says so and lets the user pick the listed region, saved at once.
 */
export function UnlistedRegionPrompt({ site, onSaved }: { site: Site; onSaved: (saved: Site) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<ApiClientError | null>(null);
  const [needChoice, setNeedChoice] = useState(false);
  if (!site.region || site.region.code !== null) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    const code = RegionCode.safeParse(choice);
    if (!code.success) {
      setNeedChoice(true);
      document.getElementById(`${id}-region`)?.focus();
      return;
    }
    try {
      onSaved(await api.call('sites.update', { id: site.id, changes: { regionCode: code.data } }));
    } catch (failure) {
      setError(asApiClientError('sites.update', failure));
    }
  }

  return (
    <section className="region-prompt" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('regions.promptTitle')}</h2>
      <p id={`${id}-hint`}>{t('regions.unlistedHint', { name: site.region.name })}</p>
      {error && <ErrorAlert message={errorMessage(error)} />}
      <form className="region-prompt__form" onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('regions.label')}</label>
          <RegionSelect
            id={`${id}-region`}
            value={choice}
            emptyLabel={t('regions.choose')}
            invalid={needChoice}
            describedBy={needChoice ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(value) => {
              setChoice(value);
              setNeedChoice(false);
            }}
          />
          {needChoice && (
            <p id={`${id}-error`} className="field-error">
              {t('regions.chooseFirst')}
            </p>
          )}
        </div>
        <button type="submit" className="primary">
          {t('regions.save')}
        </button>
      </form>
    </section>
  );
}
