import { useTranslation } from 'react-i18next';
import type { JudgedCertificate } from '../../electron/contract/trust-contract.ts';
import { useFocusWhen } from '../components/use-focus-when.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { ConfirmTrustedSigner } from '../components/ConfirmTrustedSigner.tsx';
import { SignerTrustVerdict } from '../components/SignerTrustVerdict.tsx';

interface JudgedSignerProps {
  signer: JudgedCertificate;
  /** Trusts this unknown signer once the user confirmed its fingerprint; absent once imported. */
  onTrust?: (() => Promise<void>) | undefined;
  /** The signer was just confirmed: focus comes back to its verdict (the control that held it is gone). */
  focus: boolean;
}

/** One signer of a bundle's report: name from the certificate, the verdict as the verify page says it, fingerprint. */
export function JudgedSigner({ signer, onTrust, focus }: JudgedSignerProps) {
  const { t } = useTranslation();
  const verdict = useFocusWhen<HTMLElement>(focus);
  return (
    <>
      <dl className="report-facts report-facts--stacked">
        <div>
          <dt>{t('exchange.import.trust.signer')}</dt>
          <dd>{signer.name}</dd>
        </div>
        <div>
          <dt>{t('trust.verdictLabel')}</dt>
          <dd ref={verdict} tabIndex={-1}>
            <SignerTrustVerdict trust={signer.trust} />
          </dd>
        </div>
        <div>
          <dt>{t('exchange.import.trust.fingerprint')}</dt>
          <dd>
            <Fingerprint value={signer.fingerprint} />
          </dd>
        </div>
      </dl>
      {onTrust && signer.trust.kind === 'unknown' && <ConfirmTrustedSigner signerName={signer.name} fingerprint={signer.fingerprint} onConfirm={onTrust} />}
    </>
  );
}
