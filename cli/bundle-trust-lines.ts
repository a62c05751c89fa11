import type { TFunction } from 'i18next';
import type { CallOutput } from '../electron/contract/contract.ts';
import type { JudgedCertificate } from '../electron/contract/trust-contract.ts';
import { trustVerdict } from './verify-command.ts';

type Inspected = Extract<CallOutput<'bundles.inspect'>, { ok: true }>;
type Impostor = Inspected['impostors'][number];

/** Where a review is, for a line about it: its site and id. */
export const reviewPlace = (review: { siteName: string; reviewUid: string }) => `${review.siteName} (${review.reviewUid})`;

/**
 * A signer (or the exporter) with the verdict in verify's words; an impostor's line starts with the warning word
 * (the verdict's own first word), so it cannot be read past.
 */
function judgedLine(judged: Pick<JudgedCertificate, 'name' | 'fingerprint' | 'trust'>, role: 'signer' | 'exporter', t: TFunction): string {
  const verdict = trustVerdict(judged.trust, t);
  if (judged.trust.kind === 'impostor') return t(`bundle.trust.impostor.${role}`, { verdict, name: judged.name, fingerprint: judged.fingerprint });
  return t(`bundle.trust.${role}`, { verdict, name: judged.name, fingerprint: judged.fingerprint });
}

/** Who sent the bundle and who signed each of its signed reports, judged (indented under the bundle's line). */
export function trustLines(plan: Inspected, t: TFunction): string[] {
  const exporter = { name: plan.exporter.name, fingerprint: plan.exporter.certificateFingerprint, trust: plan.exporter.trust };
  return [
    `  ${judgedLine(exporter, 'exporter', t)}`,
    ...plan.reviews.flatMap((review) => (review.reportVerdict ? [
      `  ${t(`bundle.trust.report.${review.reportVerdict.status}`, { review: reviewPlace(review) })}`,
      ...review.reportVerdict.signers.map((signer) => `    ${judgedLine(signer, 'signer', t)}`),
    ] : [])),
  ];
}

/** The impostors the user did not accept with --accept-impostor: each refuses the bundle, told with how to accept it. */
export function impostorRefusals(plan: Inspected, accepted: readonly string[], t: TFunction): string[] {
  return plan.impostors.filter((impostor) => !accepted.includes(impostor.fingerprint)).flatMap((impostor: Impostor) => [
    judgedLine(impostor, impostor.exporter ? 'exporter' : 'signer', t),
    `  ${t('bundle.refusal.impostorHint', { name: impostor.name, fingerprint: impostor.fingerprint })}`,
  ]);
}
