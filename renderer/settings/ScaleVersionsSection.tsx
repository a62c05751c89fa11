import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { localized } from '../../scales/display-format.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ScaleDiffersMarker } from '../components/ScaleDiffersMarker.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { ScaleDifferencesView } from './ScaleDifferencesView.tsx';

type ScaleChoice = CallOutput<'scales.list'>[number];
type Compared = { scale: ScaleChoice; result: CallOutput<'scales.differences'> };

/**
 * Every scale version, which one new reviews default to, and which came in review bundles (marked where it differs
 * from the shipped scale). A version becomes the default only here, after its differences from the shipped version
 * have been shown (scales.differences, then scales.adopt); the shipped version can be taken back at any time.
 */
export function ScaleVersionsSection({ adopted, onAdopted }: { adopted: Readonly<Record<string, string>> | undefined; onAdopted: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = useUiLanguage();
  const errorMessage = useErrorMessage();
  const id = useId();
  const scales = useApiQuery('scales.list', {});
  const [compared, setCompared] = useState<Compared | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiClientError | null>(null);

  async function compare(scale: ScaleChoice) {
    setStatus(null);
    setError(null);
    try {
      setCompared({ scale, result: await api.call('scales.differences', { id: scale.id, version: scale.version }) });
    } catch (caught) {
      setError(asApiClientError('scales.differences', caught));
    }
  }

  async function adopt(scale: ScaleChoice, version: string | null) {
    setError(null);
    try {
      const result = await api.call('scales.adopt', { id: scale.id, version });
      setStatus(t(version === null ? 'settings.scales.backToShipped' : 'settings.scales.adopted', { version: result.defaultVersion ?? '' }));
      setCompared(null);
      scales.reload();
      onAdopted();
    } catch (caught) {
      setError(asApiClientError('scales.adopt', caught));
    }
  }

  const list = scales.data ?? [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.scales.heading')}</h2>
      <p className="intro">{t('settings.scales.intro')}</p>
      {scales.status === 'error' && <ErrorAlert message={errorMessage(scales.error)} onRetry={scales.reload} />}
      <StatusMessage message={status} />
      {error && <ErrorAlert message={errorMessage(error)} />}
      {list.length > 0 && (
        <table className="data-table">
          <caption>{t('settings.scales.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.scales.version')}</th>
              <th scope="col">{t('settings.scales.origin')}</th>
              <th scope="col">{t('settings.scales.use')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((scale) => (
              <tr key={`${scale.id}@${scale.version}`}>
                <th scope="row">
                  {`${localized(scale.title, language)} ${scale.version}`}
                  {scale.differsFromShipped && <> <ScaleDiffersMarker /></>}
                </th>
                <td>{t(scale.shipped ? 'settings.scales.shipped' : 'settings.scales.received')}</td>
                <td>
                  {scale.isDefault ? (
                    <>
                      <strong>{t('settings.scales.isDefault')}</strong>
                      {adopted?.[scale.id] !== undefined && (
                        <button type="button" className="link-button" onClick={() => void adopt(scale, null)}>{t('settings.scales.useShipped')}</button>
                      )}
                    </>
                  ) : (
                    <button type="button" onClick={() => void compare(scale)}>{t('settings.scales.compare', { version: scale.version })}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {compared && (
        <div className="scale-adoption" aria-live="polite">
          <h3>{t('settings.scales.differencesHeading', { version: compared.scale.version })}</h3>
          {compared.result.differences && compared.result.shipped ? (
            <ScaleDifferencesView scaleId={compared.scale.id} differences={compared.result.differences} shippedVersion={compared.result.shipped.version} />
          ) : (
            <p>{t('settings.scales.noShipped')}</p>
          )}
          <p className="field-hint field-hint--warning">{t('settings.scales.adoptWarning')}</p>
          <button type="button" className="primary" onClick={() => void adopt(compared.scale, compared.scale.version)}>
            {t('settings.scales.adopt', { version: compared.scale.version })}
          </button>{' '}
          <button type="button" onClick={() => setCompared(null)}>{t('settings.scales.cancel')}</button>
        </div>
      )}
    </section>
  );
}
