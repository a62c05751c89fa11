import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { ReportLanguageField, type ReportLanguage } from './ReportLanguageField.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { SignedReportPanel, type SignedReport } from './SignedReportPanel.tsx';
import { SigningSection } from './SigningSection.tsx';
import { useMessage, type Message } from '../platform/use-message.ts';

interface ReportWorkspaceProps {
  review: ReviewDetail;
  signed: SignedReport | null;
  /** Signing changed the review (final) and its report, or someone else did: load both again. */
  reload: () => void;
}

/**
 * Before signing: the language and the preview. After: the signed report first, since that is what is sent;
 * the language is then fixed, and another reviewer can still add a signature.
 */
export function ReportWorkspace({ review, signed, reload }: ReportWorkspaceProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const [chosen, setChosen] = useState<ReportLanguage>(review.language ?? 'fi');
  const [languageProblem, setLanguageProblem] = useState<Message | null>(null);
  const [status, setStatus] = useState<Message | null>(null);
  const signedHeading = useRef<HTMLHeadingElement>(null);
  const awaitedSigners = useRef<number | null>(null);
  const language = signed?.language ?? chosen;

  // After signing, move to the signed report once it has been loaded again with the new signer.
  useEffect(() => {
    if (awaitedSigners.current !== null && signed && signed.signers.length >= awaitedSigners.current) {
      awaitedSigners.current = null;
      signedHeading.current?.focus();
    }
  }, [signed]);

  return (
    <div className="report-workspace">
      <p className="intro">{t('reports.page.intro')}</p>
      {review.status === 'final' && (
        <p className="notice notice--final" role="note">
          {t('reports.page.finalNotice')} <a href={hrefFor({ name: 'review', reviewId: review.id })}>{t('reports.page.toReview')}</a>
        </p>
      )}
      <StatusMessage message={status ? message(status) : null} />
      {signed ? (
        <SignedReportPanel review={review} report={signed} headingRef={signedHeading} />
      ) : (
        <section className="panel report-section" aria-labelledby="report-preview-heading">
          <h2 id="report-preview-heading">{t('reports.preview.heading')}</h2>
          <ReportLanguageField
            language={chosen}
            onChange={(next) => {
              setChosen(next);
              setLanguageProblem(null);
            }}
            error={languageProblem ? message(languageProblem) : null}
          />
          <ReportPreview review={review} language={chosen} />
        </section>
      )}
      <SigningSection
        review={review}
        language={language}
        signed={signed}
        onSigned={(report) => {
          const signer = report.signers.at(-1);
          awaitedSigners.current = report.signers.length;
          setStatus({ key: 'reports.sign.done', values: { name: signer?.name ?? '' } });
          reload();
        }}
        onLanguageProblem={(problem) => {
          // Someone signed in another language meanwhile: show it, and load the signed report.
          setLanguageProblem(problem);
          reload();
        }}
      />
    </div>
  );
}
