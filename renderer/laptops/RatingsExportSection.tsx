import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { ExportSigner, type StoredIdentity } from '../components/ExportSigner.tsx';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { issuesOf, issueText } from './issue-text.ts';

/** Export my ratings: one reviewer's own work on this machine, signed, as a file for the lead reviewer. */
export function RatingsExportSection({ review, identities }: { review: ReviewDetail; identities: readonly StoredIdentity[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [reviewerId, setReviewerId] = useState<number | null>(null);
  const [identityId, setIdentityId] = useState<number | null>(identities.length === 1 ? identities[0]!.id : null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CallOutput<'reviewerRatings.export'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function exportRatings() {
    if (reviewerId === null || identityId === null) {
      setError(t('laptops.export.chooseBoth'));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const chosen = identities.find((i) => i.id === identityId);
      setResult(await api.call('reviewerRatings.export', { reviewId: review.id, reviewerId, identityId, ...(chosen?.protection === 'passphrase' ? { storagePassphrase: passphrase } : {}) }));
    } catch (caught) {
      const issues = issuesOf(caught);
      setError(issues.length ? issues.map((issue) => issueText(issue, t as never, (k) => i18n.exists(k))).join(' ') : errorMessage(asApiClientError('reviewerRatings.export', caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="laptops-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('laptops.export.heading')}</h2>
      <p>{t('laptops.export.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-reviewer`}>{t('laptops.export.reviewer')}</label>
        <select id={`${id}-reviewer`} value={reviewerId ?? ''} onChange={(e) => setReviewerId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('laptops.export.chooseReviewer')}</option>
          {review.reviewers.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </div>
      <ExportSigner identities={identities} identityId={identityId} onIdentity={setIdentityId} passphrase={passphrase} onPassphrase={setPassphrase} errors={{}} />
      <p>
        <button type="button" onClick={() => void exportRatings()} disabled={busy}>{t('laptops.export.button')}</button>
      </p>
      {error && <ErrorAlert message={error} />}
      {result && (
        <div role="status" className="laptops-result">
          <p>{t('laptops.export.done', { count: result.ratedItems })}</p>
          <DownloadLink base64={result.fileBase64} type="application/json" fileName={result.fileName}>
            {t('laptops.export.save', { file: result.fileName })}
          </DownloadLink>
        </div>
      )}
    </section>
  );
}
