import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { SignerTrustVerdict } from '../components/SignerTrustVerdict.tsx';

type Impostor = Extract<CallOutput<'bundles.inspect'>, { ok: true }>['impostors'][number];

interface ImpostorWarningsProps {
  impostors: readonly Impostor[];
  reviews: readonly { reviewUid: string; siteName: string }[];
}

/**
 * Each certificate in the bundle that carries a known reviewer's name with another key: the verify page's red
 * warning (icon and words), which certificate, and what it signed. Shown at the top of the preview and again in
 * the import's confirmation.
 */
export function ImpostorWarnings({ impostors, reviews }: ImpostorWarningsProps) {
  const { t } = useTranslation();
  if (impostors.length === 0) return null;
  const site = (uid: string) => reviews.find((r) => r.reviewUid === uid)?.siteName ?? uid;
  return (
    <div className="trust-warning bundle-impostors">
      {impostors.map((impostor) => (
        <div key={impostor.fingerprint} className="bundle-impostor">
          <p>
            <SignerTrustVerdict trust={impostor.trust} />
          </p>
          <p>
            {t('exchange.import.trust.impostorCertificate', { name: impostor.name })} <Fingerprint value={impostor.fingerprint} />.
            {impostor.exporter && <> {t('exchange.import.trust.impostorSignedBundle')}</>}
            {impostor.reviewUids.length > 0 && <> {t('exchange.import.trust.impostorSignedReports', { sites: impostor.reviewUids.map(site).join(', ') })}</>}
          </p>
        </div>
      ))}
      <p>{t('exchange.import.trust.impostorNote')}</p>
    </div>
  );
}
