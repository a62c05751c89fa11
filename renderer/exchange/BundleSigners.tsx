import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { JudgedCertificate } from '../../electron/contract/trust-contract.ts';
import { useFormat } from '../i18n/use-format.ts';
import { JudgedSigner } from './JudgedSigner.tsx';

interface SignedReview {
  reviewUid: string;
  siteName: string;
  visitDates: readonly string[];
  reportVerdict: { status: 'complete' | 'incomplete'; signers: JudgedCertificate[] } | null;
}

interface BundleSignersProps {
  reviews: readonly SignedReview[];
  /** Trusts an unknown signer (after the user confirmed its fingerprint); `place` says where it was confirmed. */
  onTrustSigner?: ((signer: JudgedCertificate, place: string) => Promise<void>) | undefined;
  /** The place whose signer was just confirmed, to bring focus back to. */
  focusPlace?: string | null | undefined;
}

/** Where a report's signer is shown, for bringing focus back to it. */
export const signerPlace = (reviewUid: string, index: number) => `${reviewUid}/${index}`;

/** Each signed report of the bundle: whether every expected signer signed, and each signer judged. */
export function BundleSigners({ reviews, onTrustSigner, focusPlace }: BundleSignersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const signed = reviews.filter((r) => r.reportVerdict !== null);
  if (signed.length === 0) return null;
  return (
    <section className="bundle-signers" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('exchange.import.trust.signersHeading')}</h4>
      <ul className="bundle-signers__reports">
        {signed.map((review) => (
          <li key={review.reviewUid}>
            <p>{t(`exchange.import.trust.report.${review.reportVerdict!.status}`, { site: review.siteName, dates: review.visitDates.map(format.date).join(', ') })}</p>
            <ol className="signature-list">
              {review.reportVerdict!.signers.map((signer, index) => {
                const place = signerPlace(review.reviewUid, index);
                return (
                  <li key={place} className="signature-card">
                    <JudgedSigner signer={signer} focus={focusPlace === place} onTrust={onTrustSigner && (() => onTrustSigner(signer, place))} />
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
