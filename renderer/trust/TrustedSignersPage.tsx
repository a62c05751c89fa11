import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedCertificateInfo } from '../../electron/contract/trust-contract.ts';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError, useApiQuery } from '../platform/use-api-query.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { TrustedCertificateTable } from './TrustedCertificateTable.tsx';
import { useTrustErrorText } from '../components/trust-error-text.ts';
import './trust.css';

/**
 * Trusted signers (#/settings/trusted-signers): the confirmed signer certificates and the root certificates, each
 * removable; adding a root from a certificate file; the app's own identities, trusted without being listed.
 */
export function TrustedSignersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const trustErrorText = useTrustErrorText();
  useDocumentTitle(t('trust.page.title'));
  const list = useApiQuery('trust.list', {});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function act(work: () => Promise<string>, call: 'trust.addRoot' | 'trust.remove') {
    setBusy(true);
    setProblem(null);
    setStatus(null);
    try {
      setStatus(await work());
      list.reload();
    } catch (caught) {
      setProblem(trustErrorText(asApiClientError(call, caught)));
    } finally {
      setBusy(false);
    }
  }

  const remove = (certificate: TrustedCertificateInfo) =>
    void act(async () => {
      await api.call('trust.remove', { id: certificate.id });
      return t('trust.page.removed', { name: certificate.name });
    }, 'trust.remove');

  async function addRoot(file: File) {
    let certificateBase64: string;
    try {
      certificateBase64 = await readFileAsBase64(file);
    } catch {
      setProblem(t('trust.page.unreadable'));
      return;
    }
    await act(async () => t('trust.page.rootAdded', { name: (await api.call('trust.addRoot', { certificateBase64 })).name }), 'trust.addRoot');
  }

  const data = list.data;
  return (
    <div className="trusted-signers-page">
      <h1>{t('trust.page.title')}</h1>
      <p className="intro">{t('trust.page.intro')}</p>
      <StatusMessage message={status} />
      {problem && <ErrorAlert message={problem} />}
      {list.status === 'error' && <ErrorAlert message={errorMessage(list.error)} onRetry={list.reload} />}
      {data === undefined && list.status === 'loading' && <p className="muted">{t('trust.page.loading')}</p>}
      {data && (
        <>
          <section aria-labelledby="trusted-signers-heading">
            <h2 id="trusted-signers-heading">{t('trust.page.signersHeading')}</h2>
            {data.signers.length === 0 ? (
              <p className="empty-state">{t('trust.page.signersEmpty')}</p>
            ) : (
              <TrustedCertificateTable caption={t('trust.page.signersHeading')} certificates={data.signers} disabled={busy} onRemove={remove} />
            )}
          </section>
          <section aria-labelledby="trusted-roots-heading">
            <h2 id="trusted-roots-heading">{t('trust.page.rootsHeading')}</h2>
            {data.roots.length === 0 ? (
              <p className="empty-state">{t('trust.page.rootsEmpty')}</p>
            ) : (
              <TrustedCertificateTable caption={t('trust.page.rootsHeading')} certificates={data.roots} disabled={busy} onRemove={remove} />
            )}
            <FileDropPicker label={t('trust.page.addRoot')} hint={t('trust.page.addRootHint')} accept=".pem,.crt,.cer,application/x-x509-ca-cert,application/pkix-cert" onFile={(file) => void addRoot(file)} />
          </section>
          <section aria-labelledby="own-identities-heading">
            <h2 id="own-identities-heading">{t('trust.page.ownHeading')}</h2>
            <p>{t('trust.page.ownIntro')}</p>
            {data.ownIdentities.length === 0 ? (
              <p className="empty-state">{t('trust.page.ownEmpty')}</p>
            ) : (
              <ul className="own-identities">
                {data.ownIdentities.map((identity) => (
                  <li key={identity.identityId}>
                    <strong>{identity.name}</strong>
                    {identity.organisation ? `, ${identity.organisation}` : ''} <Fingerprint value={identity.fingerprint} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
