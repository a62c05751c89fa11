import type { BundleExporter } from '../../../exchange/bundle-format.ts';
import { getReviewOrigin } from '../store/review-origins-store.ts';
import type { ReviewRow } from '../store/reviews-store.ts';
import type { HandlerContext } from './handler-context.ts';
import { isTrustedExporter } from './trusted-exporter.ts';

/** An exporter as the user sees it: names from its certificate (null: recorded before names were kept), and its fingerprint. */
export interface BundleSender { name: string | null; organisation: string | null; certificateFingerprint: string }

export type SenderRefusalCode = 'exporter-changed' | 'own-review';

export interface SenderRefusal {
  code: SenderRefusalCode;
  message: string;
  /** Who sent the review here before; null for a review written in this database. */
  before: BundleSender | null;
  now: BundleSender;
}

export const senderOf = (exporter: BundleExporter): BundleSender =>
  ({ name: exporter.name, organisation: exporter.organisation ?? null, certificateFingerprint: exporter.certificateFingerprint });

const named = (sender: BundleSender) => `${sender.name ?? 'an exporter whose name was not recorded'} (${sender.certificateFingerprint})`;

/**
 * Whether this bundle's exporter may change a review that is here already: replace it by a newer revision, or add
 * a signed report to it. Exporter continuity: a review is continued only by the exporter certificate that sent it
 * (table review_origins), by a trusted signer (isTrustedExporter: the trust store and this app's own identities),
 * or by the certificate the user named for this import (`acceptExporter`, the CLI's --accept-exporter). A review
 * written here (no origin) is never replaced by an import, whatever the flags; a report for it is taken from a
 * trusted signer or the named certificate.
 */
export function senderRefusal(ctx: HandlerContext, existing: ReviewRow, change: 'replace' | 'add-report', exporter: BundleExporter, acceptExporter: string | undefined): SenderRefusal | null {
  const now = senderOf(exporter);
  const fingerprint = exporter.certificateFingerprint;
  const accepted = isTrustedExporter(ctx, fingerprint) || acceptExporter === fingerprint;
  const origin = getReviewOrigin(ctx.db, existing.id);
  if (!origin) {
    if (change === 'replace') {
      return { code: 'own-review', before: null, now, message: `review ${existing.uid} was written in this database; an import never replaces it (the bundle from ${named(now)} brings a newer revision of it)` };
    }
    if (accepted) return null;
    return { code: 'own-review', before: null, now, message: `review ${existing.uid} was written in this database; a signed report for it is taken only from a trusted signer (or this app's own identities), not from ${named(now)}` };
  }
  if (origin.exporter_fingerprint === fingerprint || accepted) return null;
  const before: BundleSender = { name: origin.exporter_name, organisation: origin.exporter_organisation, certificateFingerprint: origin.exporter_fingerprint };
  return {
    code: 'exporter-changed', before, now,
    message: `review ${existing.uid} was sent here by ${named(before)}; this bundle is from ${named(now)}, another certificate: a later revision or report is taken only from the exporter that sent the review`,
  };
}
