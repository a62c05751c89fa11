import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ExportSigner, type StoredIdentity } from '../components/ExportSigner.tsx';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { issuesOf, issueText } from './issue-text.ts';

/** On the second reviewer's laptop: sign the report the lead signed, and save it to send back. Nothing is stored here. */
export function CountersignSection({ review, identities }: { review: ReviewDetail; identities: readonly StoredIdentity[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [pdf, setPdf] = useState<string | null>(null);
  const [identityId, setIdentityId] = useState<number | null>(identities.length === 1 ? identities[0]!.id : null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CallOutput<'reports.countersign'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function countersign() {
    if (pdf === null || identityId === null) {
      setError(t('laptops.countersign.chooseBoth'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const chosen = identities.find((i) => i.id === identityId);
      setResult(await api.call('reports.countersign', { reviewId: review.id, pdfBase64: pdf, identityId, ...(chosen?.protection === 'passphrase' ? { storagePassphrase: passphrase } : {}) }));
    } catch (caught) {
      const issues = issuesOf(caught);
      setError(issues.length ? issues.map((p) => issueText(p, t as never, (k) => i18n.exists(k))).join(' ') : errorMessage(asApiClientError('reports.countersign', caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="laptops-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('laptops.countersign.heading')}</h2>
      <p>{t('laptops.countersign.intro')}</p>
      <FileDropPicker label={t('laptops.countersign.file')} hint={t('laptops.countersign.fileHint')} accept=".pdf,application/pdf" onFile={(f) => {
        setResult(null);
        void readFileAsBase64(f).then(setPdf);
      }} />
      <ExportSigner identities={identities} identityId={identityId} onIdentity={setIdentityId} passphrase={passphrase} onPassphrase={setPassphrase} errors={{}} />
      <p>
        <button type="button" onClick={() => void countersign()} disabled={busy}>{t('laptops.countersign.button')}</button>
      </p>
      {error && <ErrorAlert message={error} />}
      {result && (
        <div role="status" className="laptops-result">
          <p>{t('laptops.countersign.done', { signers: result.signers.map((s) => s.name).join(', ') })}</p>
          <DownloadLink base64={result.pdfBase64} type="application/pdf" fileName={result.fileName}>
            {t('laptops.countersign.save', { file: result.fileName })}
          </DownloadLink>
        </div>
      )}
    </section>
  );
}
