import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { issuesOf, issueText } from './issue-text.ts';

/**
 * On the lead's laptop: attach the report the other reviewer countersigned. Previewed first (who signed, whether
 * it verifies); attached only as the stored report extended by valid signatures (reports.attachCountersigned).
 */
export function AttachReportSection({ reviewId, onAttached }: { reviewId: number; onAttached: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [file, setFile] = useState<{ base64: string; verification: CallOutput<'reports.verify'> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new input after each import: choosing the same file again must be checked again (an input fires no change for it).
  const [pickerKey, setPickerKey] = useState(0);

  async function choose(chosen: File) {
    setError(null);
    setDone(null);
    setFile(null);
    try {
      const base64 = await readFileAsBase64(chosen);
      setFile({ base64, verification: await api.call('reports.verify', { pdfBase64: base64 }) });
    } catch (caught) {
      setError(errorMessage(asApiClientError('reports.verify', caught)));
    }
  }

  async function attach() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('reports.attachCountersigned', { reviewId, pdfBase64: file.base64 });
      setDone(t('laptops.attach.done', { signers: result.signers.map((s) => s.name).join(', ') }));
      setFile(null);
      setPickerKey((k) => k + 1);
      onAttached();
    } catch (caught) {
      const issues = issuesOf(caught);
      setError(issues.length ? issues.map((p) => issueText(p, t as never, (k) => i18n.exists(k))).join(' ') : errorMessage(asApiClientError('reports.attachCountersigned', caught)));
    } finally {
      setBusy(false);
    }
  }

  const verification = file?.verification;
  return (
    <section className="laptops-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('laptops.attach.heading')}</h2>
      <p>{t('laptops.attach.intro')}</p>
      <FileDropPicker key={pickerKey} label={t('laptops.attach.file')} hint={t('laptops.attach.fileHint')} accept=".pdf,application/pdf" onFile={(f) => void choose(f)} />
      {verification && (
        <div className="laptops-preview" role="group" aria-label={t('laptops.attach.previewLabel')}>
          <p>{verification.valid ? t('laptops.attach.valid') : t('laptops.attach.invalid')}</p>
          <ul>
            {verification.signatures.map((s) => (
              <li key={s.number}>{t('laptops.attach.signature', { name: s.signerName ?? '?', intact: s.intact ? t('laptops.attach.intact') : t('laptops.attach.notIntact') })}</li>
            ))}
          </ul>
          <p>
            <button type="button" onClick={() => void attach()} disabled={busy}>{t('laptops.attach.button')}</button>
          </p>
        </div>
      )}
      {error && <ErrorAlert message={error} />}
      {done && <p role="status" className="laptops-result">{done}</p>}
    </section>
  );
}
