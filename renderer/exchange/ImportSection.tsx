import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../electron/contract/api-error.ts';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { JudgedCertificate } from '../../electron/contract/trust-contract.ts';
import { hrefFor } from '../app/routes.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import type { ApiClientError } from '../platform/api-client.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { offeredFileText } from '../platform/offered-file-text.ts';
import { useOfferedFile } from '../platform/use-offered-file.ts';
import { readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { useTrustErrorText } from '../components/trust-error-text.ts';
import { kindOfFile, MAX_BUNDLE_BYTES, MAX_REVIEW_FILE_BYTES, type ImportKind } from './bundle-file.ts';
import { BundlePlan } from './BundlePlan.tsx';
import { FileProblems } from './FileProblems.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { ImportWarningDialog } from './ImportWarningDialog.tsx';

type Inspected = Extract<CallOutput<'bundles.inspect'>, { ok: true }>;
type ImportState =
  | { status: 'idle' }
  | { status: 'checking'; fileName: string }
  | { status: 'refused'; fileName: string; problems: ApiIssue[] }
  | { status: 'failed'; fileName: string; message: string }
  | { status: 'planned'; fileName: string; bundleBase64: string; plan: Inspected; replace: Set<string>; importing: boolean; focusPlace: string | null }
  | { status: 'imported'; fileName: string; result: CallOutput<'bundles.import'> }
  | { status: 'review-imported'; fileName: string; reviewId: number; created: boolean };

type Planned = Extract<ImportState, { status: 'planned' }>;

/**
 * Import: a bundle (.ipsreview) is checked first (bundles.inspect) and shown review by review with what the import
 * would do, and who sent it and signed its reports, judged; newer revisions replace the ones here only when ticked;
 * an unknown signer can be confirmed once, and the bundle is then judged again; a bundle with an impostor's
 * certificate is imported only after a confirmation that repeats the warning. A single review file (.json) is
 * imported at once (reviews.importFile). A file the desktop shell opened (menu Import…, a double-clicked bundle)
 * arrives here.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const trustErrorText = useTrustErrorText();
  const offered = useOfferedFile();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [trustStatus, setTrustStatus] = useState<string | null>(null);
  const [trustError, setTrustError] = useState<string | null>(null);
  const request = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.status !== 'idle' && state.status !== 'checking' && !(state.status === 'planned' && state.importing)) heading.current?.focus();
  }, [state.status]);

  useEffect(() => {
    if (offered) void take(offered.fileName, offered.kind, offered.base64);
    // take is recreated each render; the offered file arrives once, and only its arrival should start a check.
  }, [offered]);

  const refusedOrFailed = (fileName: string, error: ApiClientError, reviewFile = false): ImportState => {
    if (error.code === 'invalid-review-file' || (error.code === 'invalid-input' && error.issues.length)) return { status: 'refused', fileName, problems: error.issues };
    if (reviewFile && error.code === 'conflict') return { status: 'failed', fileName, message: t('exchange.import.reviewExists') };
    return { status: 'failed', fileName, message: errorMessage(error) };
  };

  async function take(fileName: string, kind: ImportKind, base64: string) {
    const mine = ++request.current;
    const settle = (next: ImportState) => mine === request.current && setState(next);
    setState({ status: 'checking', fileName });
    setTrustStatus(null);
    setTrustError(null);
    if (kind === 'review') {
      let file: unknown;
      try {
        file = JSON.parse(offeredFileText({ base64 }));
      } catch {
        return settle({ status: 'failed', fileName, message: t('exchange.import.notJson', { file: fileName }) });
      }
      try {
        const imported = await api.call('reviews.importFile', { file });
        return settle({ status: 'review-imported', fileName, reviewId: imported.reviewId, created: imported.created });
      } catch (caught) {
        return settle(refusedOrFailed(fileName, asApiClientError('reviews.importFile', caught), true));
      }
    }
    try {
      const plan = await api.call('bundles.inspect', { bundleBase64: base64 });
      settle(plan.ok ? { status: 'planned', fileName, bundleBase64: base64, plan, replace: new Set(), importing: false, focusPlace: null } : { status: 'refused', fileName, problems: plan.problems });
    } catch (caught) {
      settle(refusedOrFailed(fileName, asApiClientError('bundles.inspect', caught)));
    }
  }

  async function choose(file: File) {
    const kind = kindOfFile(file.name);
    if (file.size > (kind === 'review' ? MAX_REVIEW_FILE_BYTES : MAX_BUNDLE_BYTES)) {
      ++request.current;
      return setState({ status: 'failed', fileName: file.name, message: t('exchange.import.tooLarge') });
    }
    let base64: string;
    try {
      base64 = await readFileAsBase64(file);
    } catch {
      return setState({ status: 'failed', fileName: file.name, message: t('exchange.import.unreadable') });
    }
    await take(file.name, kind, base64);
  }

  /** The user confirmed the fingerprint: trust the signer, then show the same bundle judged again, focus back on its verdict. */
  async function trustSigner(planned: Planned, signer: JudgedCertificate, place: string) {
    const mine = request.current;
    setTrustError(null);
    try {
      const added = await api.call('trust.addSigner', { certificateBase64: signer.certificateBase64, fingerprint: signer.fingerprint });
      setTrustStatus(t('trust.add.added', { name: added.name }));
    } catch (caught) {
      return setTrustError(trustErrorText(asApiClientError('trust.addSigner', caught)));
    }
    let plan: CallOutput<'bundles.inspect'>;
    try {
      plan = await api.call('bundles.inspect', { bundleBase64: planned.bundleBase64 });
    } catch (caught) {
      return setTrustError(errorMessage(asApiClientError('bundles.inspect', caught)));
    }
    if (mine !== request.current) return;
    setState((current) => {
      if (current.status !== 'planned' || current.bundleBase64 !== planned.bundleBase64) return current;
      return plan.ok ? { ...current, plan, focusPlace: place } : { status: 'refused', fileName: current.fileName, problems: plan.problems };
    });
  }

  async function importPlanned() {
    setConfirming(false);
    if (state.status !== 'planned' || state.importing) return;
    const planned = state;
    setTrustStatus(null);
    setState({ ...planned, importing: true });
    try {
      const result = await api.call('bundles.import', { bundleBase64: planned.bundleBase64, replace: [...planned.replace] });
      setState({ status: 'imported', fileName: planned.fileName, result });
    } catch (caught) {
      setState(refusedOrFailed(planned.fileName, asApiClientError('bundles.import', caught)));
    }
  }

  const busyText = state.status === 'checking' ? t('exchange.import.checking', { file: state.fileName })
    : state.status === 'planned' && state.importing ? t('exchange.import.importing', { file: state.fileName }) : trustStatus;
  const refused = state.status === 'planned' && state.plan.reviews.some((r) => r.outcome === 'refused');
  const actionable = !refused && state.status === 'planned' && state.plan.reviews.some((r) => r.outcome === 'new' || r.outcome === 'report-added' || (r.outcome === 'newer' && state.replace.has(r.reviewUid)));
  const headingText = state.status === 'refused' || state.status === 'failed' ? t('exchange.import.refusedHeading', { file: state.fileName })
    : state.status === 'planned' ? t('exchange.import.planHeading', { file: state.fileName })
      : state.status === 'imported' || state.status === 'review-imported' ? t('exchange.import.doneHeading', { file: state.fileName }) : null;

  return (
    <section className="report-section exchange-section" aria-labelledby="exchange-import-heading">
      <h2 id="exchange-import-heading">{t('exchange.import.heading')}</h2>
      <FileDropPicker label={t('exchange.import.file')} hint={t('exchange.import.fileHint')} accept=".ipsreview,.json,application/json" onFile={(file) => void choose(file)} />
      <StatusMessage message={busyText} />
      {headingText && (
        <div className="exchange-result">
          <h3 ref={heading} tabIndex={-1}>
            {headingText}
          </h3>
          {state.status === 'refused' && <FileProblems problems={state.problems} />}
          {state.status === 'failed' && <ErrorAlert message={state.message} />}
          {state.status === 'planned' && (
            <>
              {state.plan.exporter.trust.kind === 'unknown' && <p className="field-hint">{t('exchange.import.trustNote')}</p>}
              {trustError && <ErrorAlert message={trustError} />}
              <BundlePlan
                exporter={state.plan.exporter} createdAt={state.plan.createdAt} reviews={state.plan.reviews} impostors={state.plan.impostors}
                replace={state.replace} onReplace={(replace) => setState({ ...state, replace })}
                onTrustSigner={(signer, place) => trustSigner(state, signer, place)} focusPlace={state.focusPlace}
              />
              {state.plan.scalesToAdd.length > 0 && (
                <p>{t('exchange.import.scalesToAdd', { scales: state.plan.scalesToAdd.map((s) => `${s.id} ${s.version}`).join(', ') })}</p>
              )}
              {state.plan.warnings.length > 0 && <p className="field-hint">{t('exchange.import.warnings', { fields: state.plan.warnings.map((w) => w.path).join(', ') })}</p>}
              {actionable ? (
                <button
                  type="button" className="primary" aria-disabled={state.importing || undefined}
                  onClick={() => (state.plan.impostors.length > 0 && !state.importing ? setConfirming(true) : void importPlanned())}
                >
                  {t('exchange.import.submit')}
                </button>
              ) : refused ? (
                <p role="alert" className="error-alert">{t('exchange.import.refusedNote')}</p>
              ) : (
                <p>{t('exchange.import.nothingToDo')}</p>
              )}
              {confirming && (
                <ImportWarningDialog impostors={state.plan.impostors} reviews={state.plan.reviews} onImport={() => void importPlanned()} onClose={() => setConfirming(false)} />
              )}
            </>
          )}
          {state.status === 'imported' && <ImportSummary result={state.result} />}
          {state.status === 'review-imported' && (
            <p>
              {t(state.created ? 'exchange.import.reviewCreated' : 'exchange.import.reviewUnchanged', { file: state.fileName })}{' '}
              <a href={hrefFor({ name: 'review', reviewId: state.reviewId })}>{t('exchange.import.openReview')}</a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
