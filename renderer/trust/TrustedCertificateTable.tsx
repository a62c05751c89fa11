import { useTranslation } from 'react-i18next';
import type { TrustedCertificateInfo } from '../../electron/contract/trust-contract.ts';
import { formatLocalDateTime } from '../../scales/display-format.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useUiLanguage } from '../i18n/use-format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

interface TrustedCertificateTableProps {
  caption: string;
  certificates: TrustedCertificateInfo[];
  disabled: boolean;
  onRemove: (certificate: TrustedCertificateInfo) => void;
}

/** Trusted signers or roots: name, organisation, fingerprint, validity and note, each with a Remove button named by it. */
export function TrustedCertificateTable({ caption, certificates, disabled, onRemove }: TrustedCertificateTableProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <ScrollRegion label={caption}>
      <table className="data-table trusted-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trust.page.name')}</th>
            <th scope="col">{t('trust.page.organisation')}</th>
            <th scope="col">{t('trust.page.fingerprint')}</th>
            <th scope="col">{t('trust.page.validUntil')}</th>
            <th scope="col">{t('trust.page.note')}</th>
            <th scope="col">{t('trust.page.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => (
            <tr key={certificate.id}>
              <th scope="row">{certificate.name}</th>
              <td>{certificate.organisation ?? ''}</td>
              <td>
                <Fingerprint value={certificate.fingerprint} />
              </td>
              <td className="nowrap">{formatLocalDateTime(certificate.notAfter, language)}</td>
              <td>{certificate.note ?? ''}</td>
              <td className="nowrap actions">
                <button type="button" disabled={disabled} onClick={() => onRemove(certificate)}>
                  {t('trust.page.remove', { name: certificate.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
