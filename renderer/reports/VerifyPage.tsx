import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useErrorMessage } from '../components/use-error-message.ts';
import { useApi } from '../platform/api-context.tsx';
import { asApiClientError } from '../platform/use-api-query.ts';
import { base64Length, readFileAsBase64 } from './pdf-bytes.ts';
import { FileDropPicker } from '../components/FileDropPicker.tsx';
import { isTooLarge } from './report-errors.ts';
import { useMessage, type Message } from './use-message.ts';
import { VerificationResult, type PdfVerification } from './VerificationResult.tsx';

/** The contract's limit for reports.verify's pdfBase64. */
const MAX_PDF_BASE64 = 70_000_000;

type VerifyState =
  | { status: 'idle' }
  | { status: 'checking'; fileName: string }
  | { status: 'done'; fileName: string; result: PdfVerification }
  | { status: 'failed'; fileName: string; problem: Message | string };

/**
 * Verifying a signed report someone sent (#/verify): every signature intact, nothing changed or added after
 * signing. Whose certificate it is, the check cannot say; the page tells the user how to find out.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const message = useMessage();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const request = useRef(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('reports.verify.title'));

  useEffect(() => {
    if (state.status === 'done') resultHeading.current?.focus();
  }, [state]);

  async function check(file: File) {
    const mine = ++request.current;
    const fileName = file.name;
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
      settle({ status: 'done', fileName, result: await api.call('reports.verify', { pdfBase64 }) });
    } catch (caught) {
      const error = asApiClientError('reports.verify', caught);
      settle({ status: 'failed', fileName, problem: isTooLarge(error) ? { key: 'reports.verify.tooLarge' } : errorMessage(error) });
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
      {state.status === 'done' && <VerificationResult fileName={state.fileName} result={state.result} headingRef={resultHeading} />}
    </div>
  );
}
