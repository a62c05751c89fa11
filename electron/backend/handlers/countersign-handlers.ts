import { createHash } from 'node:crypto';
import { checkReportExtension } from '../../../exchange/report-extension.ts';
import { signPdf } from '../../../reports/signing/sign-pdf.ts';
import { SigningError } from '../../../reports/signing/signing-error.ts';
import { verifyPdf } from '../../../reports/signing/verify-pdf.ts';
import { localDate } from '../../../scales/review-rules/local-date.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { CallName, CallOutput } from '../../contract/contract.ts';
import { appendAudit } from '../store/audit-log.ts';
import { getIdentityRow, insertSignedReport, latestSignedReport } from '../store/reports-store.ts';
import { listReviewers } from '../store/reviews-store.ts';
import { unsealedIdentity } from './bundle-handlers.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { requireReviewRow } from './review-views.ts';

type Signer = CallOutput<'reports.countersign'>['signers'][number];

const conflict = (code: string, path: string, message: string): never => {
  throw new ApiFailure('conflict', { reason: code, issues: [{ path, code, message }] });
};

/** Who signed the report, from the certificates in its signatures (never its unsigned names), with their roles in the review. */
function signersOf(ctx: HandlerContext, reviewId: number, pdf: Buffer): Signer[] {
  const reviewers = listReviewers(ctx.db, reviewId);
  return verifyPdf(pdf).signatures.map((s) => ({
    name: s.signerName ?? '',
    role: reviewers.find((r) => r.name === s.signerName)?.role ?? null,
    date: s.signingTime ? localDate(s.signingTime) : '',
    certificateFingerprint: s.certificateFingerprint ?? '',
  }));
}

export const countersignHandlers: HandlerGroup<'reports.countersign' | 'reports.attachCountersigned'> = {
  /**
   * The second reviewer, on their machine, adds their signature to the report the lead signed: the report must
   * verify as it is, this identity must be one of the review's reviewers and not have signed yet. Nothing is stored
   * here; the lead attaches the returned file (reports.attachCountersigned).
   */
  'reports.countersign': async ({ reviewId, pdfBase64, identityId, storagePassphrase }, ctx) => {
    const pdf = Buffer.from(pdfBase64, 'base64');
    const identityRow = ctx.db.transaction(() => {
      const row = getIdentityRow(ctx.db, identityId);
      if (!row) throw new ApiFailure('not-found', { entity: 'identity', id: identityId });
      requireReviewRow(ctx, reviewId);
      if (!listReviewers(ctx.db, reviewId).some((r) => r.name === row.name)) {
        conflict('not-a-reviewer', 'identityId', `${row.name} is not a reviewer of this review`);
      }
      return row;
    }).immediate();
    const verification = verifyPdf(pdf);
    if (!verification.valid || verification.signatures.length === 0) {
      conflict('report-not-signed', 'pdfBase64', `the file is not a signed report that verifies: ${verification.problems.map((p) => p.message).join('; ') || 'no signature'}`);
    }
    if (verification.signatures.some((s) => s.certificateFingerprint === identityRow.certificate_fingerprint)) {
      conflict('already-signed-by-identity', 'identityId', `${identityRow.name} has already signed this report`);
    }
    const identity = await unsealedIdentity(ctx, identityId, storagePassphrase);
    let signed: Buffer;
    try {
      signed = await signPdf(pdf, identity, { reason: 'IPS fidelity review report', name: identityRow.name });
    } catch (error) {
      if (error instanceof SigningError) throw new ApiFailure('invalid-input', { issues: [{ path: 'identityId', code: error.code, message: error.message }] });
      throw error;
    }
    return ctx.db.transaction(() => {
      appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'review', entityId: reviewId, action: 'countersign-report', newValue: { fingerprint: identityRow.certificate_fingerprint } });
      return { pdfBase64: signed.toString('base64'), fileName: `report-countersigned-${localDate(new Date(ctx.now()))}.pdf`, signers: signersOf(ctx, reviewId, signed) };
    }).immediate();
  },

  /** The lead attaches the report the other reviewer countersigned: only the stored report extended by valid signatures. */
  'reports.attachCountersigned': ({ reviewId, pdfBase64 }, ctx) => {
    requireReviewRow(ctx, reviewId);
    const stored = latestSignedReport(ctx.db, reviewId);
    if (!stored) return conflict('no-signed-report', 'reviewId', 'this review has no signed report to extend: sign it first');
    const incoming = Buffer.from(pdfBase64, 'base64');
    const extension = checkReportExtension(Buffer.from(stored.pdf), incoming);
    if (!extension.ok) return conflict(extension.code, 'pdfBase64', extension.message);
    if (extension.addedSignatures === 0) return conflict('no-new-signature', 'pdfBase64', 'the file is the stored report with no further signature');
    const signers = signersOf(ctx, reviewId, incoming);
    const at = ctx.now();
    const id = insertSignedReport(ctx.db, {
      review_id: reviewId, language: stored.language, pdf: incoming, sha256: createHash('sha256').update(incoming).digest('hex'),
      signers: JSON.stringify(signers), created_at: at,
    });
    appendAudit(ctx.db, { actor: ctx.actor, at, entity: 'review', entityId: reviewId, action: 'attach-countersigned-report', newValue: { reportId: id, added: signers.slice(-extension.addedSignatures).map((s) => s.certificateFingerprint) } });
    return { reportId: id, addedSignatures: extension.addedSignatures, signers };
  },
};
