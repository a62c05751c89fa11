import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../platform/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { base64Length, readFileAsBase64 } from '../platform/pdf-bytes.ts';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { isTooLarge } from './report-errors.ts';
import { useTrustErrorText } from '../components/trust-error-text.ts';
import { useMessage, type Message } from '../platform/use-message.ts';
import { VerificationResult, type PdfVerification } from './VerificationResult.tsx';
import './reports.css';

/** The contract's limit for reports.verify's pdfBase64. */
const MAX_PDF_BASE64 = 70_000_000;

type VerifyState =
  | { status: 'idle' }
  | { status: 'checking'; fileName: string }
  | { status: 'done'; fileName: string; pdfBase64: string; result: PdfVerification }
  | { status: 'failed'; fileName: string; problem: Message | string };

/**
 * Verifying a signed report someone sent (#/verify): every signature intact, nothing changed or added after
 * signing, and who signed, judged against the trusted signers; an unknown signer can be confirmed and trusted here.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const message = useMessage();
  const errorMessage = useErrorMessage();
  const trustErrorText = useTrustErrorText();
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const [trustStatus, setTrustStatus] = useState<string | null>(null);
  const [trustError, setTrustError] = useState<string | null>(null);
  const request = useRef(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('reports.verify.title'));

  useEffect(() => {
    if (state.status === 'done') resultHeading.current?.focus();
  }, [state]);

  async function check(file: File) {
    const mine = ++request.current;
    const fileName = file.name;
    setTrustStatus(null);
    setTrustError(null);
    const settle = (next: VerifyState) => {
      if (mine === request.current) setState(next);
    };
    if (MAX_PDF_BASE64 < base64Length(file.size)) return settle({ status: 'failed', fileName, problem: { key: 'reports.verify.tooLarge' } });
    setState({ status: 'checking', fileName });
    let pdfBase64: string;
    try {
      pdfBase64 = await readFileAsBase64(file);
    } catch {
      return settle({ status: 'failed', fileName, problem: { key: 'reports.verify.unreadable' } });
    }
    try {
      settle({ status: 'done', fileName, pdfBase64, result: await api.call('reports.verify', { pdfBase64 }) });
    } catch (caught) {
      const error = asApiClientError('reports.verify', caught);
      settle({ status: 'failed', fileName, problem: isTooLarge(error) ? { key: 'reports.verify.tooLarge' } : errorMessage(error) });
    }
  }

  /** The user confirmed the fingerprint: trust the signer, then show the same file judged again. */
  async function trustSigner(done: Extract<VerifyState, { status: 'done' }>, signature: PdfVerification['signatures'][number]) {
    setTrustError(null);
    try {
      const added = await api.call('trust.addSigner', { pdfBase64: done.pdfBase64, signature: signature.number, fingerprint: signature.certificateFingerprint! });
      const result = await api.call('reports.verify', { pdfBase64: done.pdfBase64 });
      setState((current) => (current === done ? { ...done, result } : current));
      setTrustStatus(t('trust.add.added', { name: added.name }));
    } catch (caught) {
      setTrustError(trustErrorText(asApiClientError('trust.addSigner', caught)));
    }
  }

  return (
    <div className="verify-page">
      <h1>{t('reports.verify.title')}</h1>
      <p className="intro">{t('reports.verify.intro')}</p>
      <FileDropPicker label={t('reports.verify.file')} hint={t('reports.verify.fileHint')} accept=".pdf,application/pdf" onFile={(file) => void check(file)} />
      <p role="status" className="busy-status">
        {state.status === 'checking' ? t('reports.verify.checking', { file: state.fileName }) : ''}
      </p>
      {state.status === 'failed' && <ErrorAlert message={typeof state.problem === 'string' ? state.problem : message(state.problem)} />}
      <StatusMessage message={trustStatus} />
      {trustError && <ErrorAlert message={trustError} />}
      {state.status === 'done' && (
        <VerificationResult fileName={state.fileName} result={state.result} headingRef={resultHeading} onTrustSigner={(signature) => trustSigner(state, signature)} />
      )}
    </div>
  );
}
