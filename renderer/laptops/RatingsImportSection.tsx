import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { issuesOf, issueText } from './issue-text.ts';

type Preview = Extract<CallOutput<'reviewerRatings.inspect'>, { ok: true }>['preview'];

/**
 * Import a reviewer's ratings: the file is checked and previewed first (who signed it, which reviewer, how many
 * items; never the scores, which stay hidden until both reviewers have completed), then imported on request.
 */
export function RatingsImportSection({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [file, setFile] = useState<{ base64: string; preview: Preview | null } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new input after each import: choosing the same file again must be checked again (an input fires no change for it).
  const [pickerKey, setPickerKey] = useState(0);
  const exists = (key: string) => i18n.exists(key);
  const tt = t as never;

  async function choose(chosen: File) {
    setDone(null);
    setProblems([]);
    setFile(null);
    try {
      const base64 = await readFileAsBase64(chosen);
      const inspected = await api.call('reviewerRatings.inspect', { fileBase64: base64 });
      if (!inspected.ok) setProblems(inspected.problems.map((p) => issueText(p, tt, exists)));
      else setFile({ base64, preview: inspected.preview });
    } catch (caught) {
      setProblems([errorMessage(asApiClientError('reviewerRatings.inspect', caught))]);
    }
  }

  async function importRatings() {
    if (!file) return;
    setBusy(true);
    try {
      const result = await api.call('reviewerRatings.import', { fileBase64: file.base64 });
      setDone(t(`laptops.import.done.${result.outcome}`, { count: result.ratedItems, name: file.preview?.reviewer.name ?? '' }));
      setFile(null);
      setPickerKey((k) => k + 1);
      onImported();
    } catch (caught) {
      const issues = issuesOf(caught);
      setProblems(issues.length ? issues.map((p) => issueText(p, tt, exists)) : [errorMessage(asApiClientError('reviewerRatings.import', caught))]);
    } finally {
      setBusy(false);
    }
  }

  const preview = file?.preview ?? null;
  const refusal = preview?.refusal ?? null;
  return (
    <section className="laptops-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('laptops.import.heading')}</h2>
      <p>{t('laptops.import.intro')}</p>
      <FileDropPicker key={pickerKey} label={t('laptops.import.file')} hint={t('laptops.import.fileHint')} accept=".ipsratings,application/json" onFile={(f) => void choose(f)} />
      {problems.length > 0 && <ErrorAlert message={problems.join(' ')} />}
      {preview && (
        <div className="laptops-preview" aria-label={t('laptops.import.previewLabel')} role="group">
          <dl>
            <dt>{t('laptops.import.signedBy')}</dt>
            <dd>{preview.exporter.name}{preview.exporter.organisation ? `, ${preview.exporter.organisation}` : ''} <Fingerprint value={preview.exporter.certificateFingerprint} /></dd>
            <dt>{t('laptops.import.reviewer')}</dt>
            <dd>{preview.reviewer.name}</dd>
            <dt>{t('laptops.import.site')}</dt>
            <dd>{preview.siteName ?? t('laptops.import.reviewNotHere')}</dd>
            <dt>{t('laptops.import.content')}</dt>
            <dd>{t('laptops.import.counts', { rated: preview.ratedItems, notRated: preview.notRatedItems, recommendations: preview.recommendations })}</dd>
            <dt>{t('laptops.import.state')}</dt>
            <dd>{preview.complete ? t('laptops.import.complete') : t('laptops.import.notComplete')}</dd>
          </dl>
          <p className="muted">{t('laptops.import.hiddenNote')}</p>
          {refusal ? (
            <div role="alert" className="laptops-refusal">
              <p>{issueText(refusal, tt, exists, {
                before: refusal.before?.name ?? '', beforeFingerprint: refusal.before?.certificateFingerprint ?? '',
                incoming: preview.exporter.name, incomingFingerprint: preview.exporter.certificateFingerprint,
              })}</p>
            </div>
          ) : (
            <p>
              <button type="button" onClick={() => void importRatings()} disabled={busy}>
                {t(`laptops.import.button.${preview.outcome === 'newer' ? 'newer' : 'new'}`, { name: preview.reviewer.name })}
              </button>
            </p>
          )}
        </div>
      )}
      {done && <p role="status" className="laptops-result">{done}</p>}
    </section>
  );
}
