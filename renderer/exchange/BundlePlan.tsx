import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../electron/contract/contract.ts';
import type { JudgedCertificate } from '../../electron/contract/trust-contract.ts';
import { ScoreValue } from '../components/ScoreValue.tsx';
import { useFocusWhen } from '../components/use-focus-when.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Fingerprint } from '../components/Fingerprint.tsx';
import { useBandLabel } from '../scales/band-labels.tsx';
import { ConfirmTrustedSigner } from '../components/ConfirmTrustedSigner.tsx';
import { SignerTrustVerdict } from '../components/SignerTrustVerdict.tsx';
import { BundleSigners } from './BundleSigners.tsx';
import { ImportRefusal } from './ImportRefusal.tsx';
import { ImpostorWarnings } from './ImpostorWarnings.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useRegionNames } from '../components/use-region-name.ts';

type Inspected = Extract<CallOutput<'bundles.inspect'>, { ok: true }>;
type PlannedReview = Inspected['reviews'][number];
type ImportedReview = CallOutput<'bundles.import'>['reviews'][number];

interface BundlePlanProps {
  exporter: Inspected['exporter'];
  createdAt?: string;
  reviews: readonly (PlannedReview | ImportedReview)[];
  /** Certificates in a known reviewer's name with another key: a red warning at the top. */
  impostors: Inspected['impostors'];
  /** Before the import: the newer revisions the user chose to replace; absent once imported. */
  replace?: ReadonlySet<string>;
  onReplace?: (replace: Set<string>) => void;
  /** Before the import: trusts an unknown signer or exporter once the user confirmed its fingerprint (`place`: where). */
  onTrustSigner?: (signer: JudgedCertificate, place: string) => Promise<void>;
  /** The place whose signer was just confirmed, to bring focus back to. */
  focusPlace?: string | null;
}

/** Where the exporter's verdict is shown (see BundleSigners' places). */
export const EXPORTER_PLACE = 'exporter';

/**
 * Who made the bundle (judged as a signer is), any impostor first, each review with what the import does (or did)
 * with it, newer revisions to choose, and who signed each signed report.
 */
export function BundlePlan({ exporter, createdAt, reviews, impostors, replace, onReplace, onTrustSigner, focusPlace }: BundlePlanProps) {
  const { t } = useTranslation();
  const regionNames = useRegionNames();
  const exporterVerdict = useFocusWhen<HTMLElement>(focusPlace === EXPORTER_PLACE);
  const exporterAsSigner: JudgedCertificate = { name: exporter.name, fingerprint: exporter.certificateFingerprint, trust: exporter.trust, certificateBase64: exporter.certificateBase64 };
  const format = useFormat();
  const bandLabel = useBandLabel();
  const id = useId();
  const dates = (review: PlannedReview | ImportedReview) => review.visitDates.map(format.date).join(', ');
  const toggle = (uid: string, on: boolean) => {
    const next = new Set(replace);
    if (on) next.add(uid);
    else next.delete(uid);
    onReplace?.(next);
  };
  return (
    <>
      <ImpostorWarnings impostors={impostors} reviews={reviews} />
      <dl className="report-facts">
        <div>
          <dt>{t('exchange.import.exporter')}</dt>
          <dd>{exporter.organisation ? `${exporter.name}, ${exporter.organisation}` : exporter.name}</dd>
        </div>
        <div className="report-facts__wide">
          <dt>{t('exchange.import.fingerprint')}</dt>
          <dd>
            <Fingerprint value={exporter.certificateFingerprint} />
          </dd>
        </div>
        {createdAt && (
          <div>
            <dt>{t('exchange.import.createdAt')}</dt>
            <dd>{format.dateTime(createdAt)}</dd>
          </div>
        )}
        <div className="report-facts__wide">
          <dt>{t('trust.verdictLabel')}</dt>
          <dd ref={exporterVerdict} tabIndex={-1}>
            <SignerTrustVerdict trust={exporter.trust} />
          </dd>
        </div>
      </dl>
      {onTrustSigner && exporter.trust.kind === 'unknown' && (
        <ConfirmTrustedSigner signerName={exporter.name} fingerprint={exporter.certificateFingerprint} onConfirm={() => onTrustSigner(exporterAsSigner, EXPORTER_PLACE)} />
      )}
      <ScrollRegion label={t('exchange.import.table.caption')}>
        <table className="data-table exchange-plan">
          <caption>{t('exchange.import.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.import.table.site')}</th>
              <th scope="col">{t('exchange.import.table.dates')}</th>
              <th scope="col">{t('exchange.import.table.kind')}</th>
              <th scope="col">{t('exchange.import.table.status')}</th>
              <th scope="col">{t('exchange.import.table.revision')}</th>
              <th scope="col">{t('exchange.import.table.total')}</th>
              <th scope="col">{t('exchange.import.table.band')}</th>
              <th scope="col">{t('exchange.import.table.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.reviewUid}>
                <th scope="row">{review.regionName ? `${review.siteName} – ${regionNames.nameOfRow(review)}` : review.siteName}</th>
                <td>{dates(review)}</td>
                <td>{t(`reviewKind.${review.kind}`)}</td>
                <td>{t(`reviewStatus.${review.status}`)}</td>
                <td className="nowrap">
                  {review.localRevision !== null && review.localRevision !== review.revision
                    ? t('exchange.import.revision', { revision: review.revision, local: review.localRevision })
                    : review.revision}
                </td>
                <td className="wrap-words">
                  <ScoreValue score={review.score} />
                </td>
                <td className="nowrap">{bandLabel(review.score.band, review.scale)}</td>
                <td>
                  <span className={`exchange-outcome exchange-outcome--${review.outcome}`}>{t(`exchange.import.outcome.${review.outcome}`)}</span>
                  {review.reason && <p className="field-hint">{t(`exchange.import.reason.${review.reason}`)}</p>}
                  {review.refusal && <ImportRefusal refusal={review.refusal} />}
                  {review.outcome === 'newer' && replace && (
                    <div className="field--checkbox">
                      <input
                        id={`${id}-${review.reviewUid}`}
                        type="checkbox"
                        checked={replace.has(review.reviewUid)}
                        onChange={(event) => toggle(review.reviewUid, event.target.checked)}
                        aria-describedby={`${id}-replace-hint`}
                      />
                      <label htmlFor={`${id}-${review.reviewUid}`}>{t('exchange.import.replace', { site: review.siteName, dates: dates(review) })}</label>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {replace && reviews.some((r) => r.outcome === 'newer') && (
        <p id={`${id}-replace-hint`} className="field-hint">
          {t('exchange.import.replaceHint')}
        </p>
      )}
      <BundleSigners reviews={reviews} onTrustSigner={onTrustSigner} focusPlace={focusPlace} />
    </>
  );
}
