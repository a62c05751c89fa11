import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { ReviewDetail } from '../../electron/contract/entities.ts';
import { hrefFor } from '../app/routes.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

export type SignedReport = NonNullable<CallOutput<'reports.get'>>;

interface SignedReportPanelProps {
  review: ReviewDetail;
  report: SignedReport;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The signed report kept with the review: who signed (and with which certificate), its SHA-256, and the file. */
export function SignedReportPanel({ review, report, headingRef }: SignedReportPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const fileName = t('reports.fileName.signed', { site: review.site.name, date: review.visitDates[0] ?? '' });
  return (
    <section className="panel report-section signed-report" aria-labelledby="signed-report-heading">
      <h2 id="signed-report-heading" ref={headingRef} tabIndex={-1}>
        {t('reports.signed.heading')}
      </h2>
      <p className="report-actions">
        <DownloadLink type="application/pdf" className="button-link button-link--primary" base64={report.pdfBase64} fileName={fileName}>
          {t('reports.signed.save')}
        </DownloadLink>
        <a href={hrefFor({ name: 'verify' })}>{t('reports.page.toVerify')}</a>
      </p>
      <ScrollRegion label={t('reports.signed.signers')}>
        <table className="data-table signers-table">
          <caption>{t('reports.signed.signers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.signed.name')}</th>
              <th scope="col">{t('reports.signed.role')}</th>
              <th scope="col">{t('reports.signed.date')}</th>
              <th scope="col">{t('reports.signed.fingerprint')}</th>
            </tr>
          </thead>
          <tbody>
            {report.signers.map((signer) => (
              <tr key={signer.certificateFingerprint}>
                <th scope="row">{signer.name}</th>
                <td>{signer.role ?? t('reports.signed.noValue')}</td>
                <td className="nowrap">{format.date(signer.date)}</td>
                <td>
                  <Fingerprint value={signer.certificateFingerprint} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <dl className="report-facts">
        <div>
          <dt>{t('reports.signed.language')}</dt>
          <dd>{t(`reports.language.name.${report.language}`)}</dd>
        </div>
        <div>
          <dt>{t('reports.signed.signedAt')}</dt>
          <dd>{format.dateTime(report.createdAt)}</dd>
        </div>
        <div className="report-facts__wide">
          <dt>{t('reports.signed.sha256')}</dt>
          <dd>
            <code className="hash">{report.sha256}</code>
            <span className="field-hint hash-hint">{t('reports.signed.sha256Hint')}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
