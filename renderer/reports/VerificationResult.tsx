import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { formatDecimal, formatLocalDateTime } from '../../scales/display-format.ts';
import { useUiLanguage } from '../i18n/use-format.ts';
import { ConfirmTrustedSigner } from '../components/ConfirmTrustedSigner.tsx';
import { SignersSummary } from '../components/SignersSummary.tsx';
import { SignerTrustVerdict } from '../components/SignerTrustVerdict.tsx';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useMessage } from '../platform/use-message.ts';

export type PdfVerification = CallOutput<'reports.verify'>;

interface VerificationResultProps {
  fileName: string;
  result: PdfVerification;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Adds an unknown signer's certificate to the trusted signers (after the user confirmed its fingerprint). */
  onTrustSigner?: (signature: PdfVerification['signatures'][number]) => Promise<void>;
}

/**
 * The verdict first, in words and with a mark (not by colour alone), then what is wrong in plain language, then
 * each signature: who (judged against the trusted signers), when, with which certificate, what it covers and
 * whether it is intact. A known reviewer's name with another key is a red warning at the top as well.
 */
export function VerificationResult({ fileName, result, headingRef, onTrustSigner }: VerificationResultProps) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const language = useUiLanguage();
  const count = result.signatures.length;
  // A code this version does not know is shown in the backend's own (English) words.
  const problemText = (problem: PdfVerification['problems'][number]) => {
    const key = `reports.verify.problem.${problem.code}`;
    const text = i18n.exists(key) ? message({ key, values: problem.params }) : problem.message;
    return problem.signature ? t('reports.verify.problemForSignature', { number: problem.signature, message: text }) : text;
  };
  const unknown = t('reports.verify.unknown');
  return (
    <section className="verification" aria-labelledby="verification-heading">
      <h2 id="verification-heading" ref={headingRef} tabIndex={-1}>
        {t('reports.verify.resultHeading', { file: fileName })}
      </h2>
      <div className={result.valid ? 'verdict verdict--valid' : 'verdict verdict--invalid'}>
        <p className="verdict__summary">
          <span className="verdict__mark" aria-hidden="true">
            {result.valid ? '✓' : '✗'}
          </span>{' '}
          <strong className="verdict__word">{t(result.valid ? 'reports.verify.valid' : 'reports.verify.invalid')}</strong>{' '}
          {result.valid ? t('reports.verify.validExplain', { count }) : t('reports.verify.invalidExplain')}
        </p>
        {result.valid && <SignersSummary result={result} />}
        {!result.valid && (
          <ul className="verdict__problems">
            {result.problems.map((problem, index) => (
              <li key={index}>{problemText(problem)}</li>
            ))}
          </ul>
        )}
      </div>
      {result.trust?.kind === 'impostor' && (
        <p className="trust-warning">
          <SignerTrustVerdict trust={result.trust} />
        </p>
      )}
      {count > 0 && (
        <>
          <h3>{t('reports.verify.signaturesHeading')}</h3>
          <ol className="signature-list">
            {result.signatures.map((signature) => (
              <li key={signature.number} className="signature-card">
                <h4 id={`signature-${signature.number}-heading`}>{t('reports.verify.signature', { number: signature.number, count })}</h4>
                <dl className="report-facts report-facts--stacked">
                  <div>
                    <dt>{t('reports.verify.signer')}</dt>
                    <dd>{signature.signerName ?? unknown}</dd>
                  </div>
                  <div>
                    <dt>{t('trust.verdictLabel')}</dt>
                    <dd>
                      <SignerTrustVerdict trust={signature.trust} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('reports.verify.organisation')}</dt>
                    <dd>{signature.organisation ?? unknown}</dd>
                  </div>
                  <div>
                    <dt>{t('reports.verify.time')}</dt>
                    <dd>{signature.signingTime ? formatLocalDateTime(signature.signingTime, language) : unknown}</dd>
                  </div>
                  <div>
                    <dt>{t('reports.verify.fingerprint')}</dt>
                    <dd>{signature.certificateFingerprint ? <Fingerprint value={signature.certificateFingerprint} /> : unknown}</dd>
                  </div>
                  <div>
                    <dt>{t('reports.verify.revision')}</dt>
                    <dd>
                      {t(!signature.countersignedLater ? 'reports.verify.revisionWhole' : 'reports.verify.revisionEarlier', {
                        revision: signature.revision,
                        bytes: formatDecimal(signature.coveredBytes, language, 0),
                      })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('reports.verify.intact')}</dt>
                    <dd className={signature.intact ? 'intact intact--yes' : 'intact intact--no'}>
                      {t(signature.intact ? 'reports.verify.intactYes' : 'reports.verify.intactNo')}
                    </dd>
                  </div>
                </dl>
                {onTrustSigner && signature.intact && signature.trust.kind === 'unknown' && signature.certificateFingerprint && (
                  <ConfirmTrustedSigner
                    signerName={signature.signerName ?? signature.certificateFingerprint}
                    fingerprint={signature.certificateFingerprint}
                    onConfirm={() => onTrustSigner(signature)}
                  />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="notice trust-note">{t('reports.verify.trustNote')}</p>
    </section>
  );
}
