import { localDate } from '../../../scales/review-rules/local-date.ts';
import { createHash, randomBytes } from 'node:crypto';
import { renderReviewReport, ReportInputError } from '../../../reports/report-from-review.ts';
import { createSelfSignedIdentity, readIdentity } from '../../../reports/signing/identity.ts';
import { openSealedIdentity, sealIdentity } from '../../../reports/signing/sealed-identity.ts';
import { signPdf } from '../../../reports/signing/sign-pdf.ts';
import { SigningError } from '../../../reports/signing/signing-error.ts';
import { verifyPdf } from '../../../reports/signing/verify-pdf.ts';
import { ApiFailure } from '../../contract/api-error.ts';
import type { CallName, CallOutput } from '../../contract/contract.ts';
import { appendAudit } from '../store/audit-log.ts';
import { listRecommendations, listReviewRowsForSite, setReviewStatusRow, type ReviewRow } from '../store/reviews-store.ts';
import {
  getIdentityRow, insertIdentityRow, insertSignedReport, latestSignedReport, listIdentityRows, type IdentityRow, type SignedReportRow,
} from '../store/reports-store.ts';
import { readTrustAnchors } from '../store/trust-store.ts';
import { previousActionPlanExtras } from './action-plan-report.ts';
import { previousReviewExtras } from './previous-review-report.ts';
import { exportReview } from './exchange-handlers.ts';
import type { HandlerContext, HandlerGroup } from './handler-context.ts';
import { verificationView } from './verification-view.ts';
import { visitReportExtras } from './visit-plan-handlers.ts';
import { requireReviewRow, reviewDetail, reviewSummary } from './review-views.ts';

type ReportCalls = 'identities.list' | 'identities.keyStore' | 'identities.create' | 'identities.import' | 'reports.render' | 'reports.sign' | 'reports.get' | 'reports.verify';

/** Five years: long enough for a reviewer's career stage, short enough that keys get renewed. */
const IDENTITY_VALID_DAYS = 1826;

const identityInfo = (row: IdentityRow): CallOutput<'identities.list'>[number] => ({
  id: row.id, name: row.name, role: row.role, organisation: row.organisation, certificateFingerprint: row.certificate_fingerprint, notAfter: row.not_after,
  protection: row.protection,
});

const reportInfo = (row: SignedReportRow) => ({
  reportId: row.id, reviewId: row.review_id, language: row.language, sha256: row.sha256, createdAt: row.created_at,
  signers: JSON.parse(row.signers) as CallOutput<'reports.sign'>['signers'],
});

/** Signing and identity failures as input problems the UI can show at the right field. */
function asApiFailure(error: unknown, field: string): never {
  if (error instanceof SigningError) {
    throw new ApiFailure('invalid-input', { issues: [{ path: field, code: error.code, message: error.message }] });
  }
  if (error instanceof ReportInputError) {
    throw new ApiFailure('conflict', { issues: error.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) });
  }
  throw error;
}

type Protection = { protection: 'passphrase' | 'system'; storagePassphrase?: string | undefined };

/**
 * The storage secret to seal a new key with: the reviewer's passphrase, or 32 random bytes wrapped by the OS key
 * store (kept in the row; useless without this OS user's keychain).
 */
function newStorageSecret(ctx: HandlerContext, { protection, storagePassphrase }: Protection): { secret: string; wrapped: Buffer | null } {
  if (protection === 'passphrase') return { secret: storagePassphrase!, wrapped: null };
  if (!ctx.keyVault) throw new ApiFailure('conflict', { reason: 'system-key-store-unavailable', issues: [{ path: 'protection', code: 'system-key-store-unavailable', message: 'this app has no system key store here; use a storage passphrase' }] });
  const secret = randomBytes(32).toString('base64');
  return { secret, wrapped: ctx.keyVault.wrap(secret) };
}

/** The storage secret of a kept identity, from the OS key store or the passphrase given with the call. */
export function storedSecret(ctx: HandlerContext, row: IdentityRow, storagePassphrase: string | undefined): string {
  if (row.protection === 'passphrase') {
    if (storagePassphrase === undefined) {
      throw new ApiFailure('invalid-input', { issues: [{ path: 'storagePassphrase', code: 'required', message: 'this identity is protected by a passphrase' }] });
    }
    return storagePassphrase;
  }
  if (!ctx.keyVault || !row.wrapped_secret) {
    throw new ApiFailure('conflict', { reason: 'system-key-store-unavailable', issues: [{ path: 'identityId', code: 'system-key-store-unavailable', message: 'this identity is kept by the system key store, which is not available here' }] });
  }
  try {
    return ctx.keyVault.unwrap(row.wrapped_secret);
  } catch {
    // Another OS user, another machine, or a reset keychain: the key cannot be reached, and nothing else can open it.
    throw new ApiFailure('conflict', { reason: 'system-key-store-refused', issues: [{ path: 'identityId', code: 'system-key-store-refused', message: 'the system key store could not unlock this identity (another user or computer?)' }] });
  }
}

async function storeIdentity(ctx: HandlerContext, p12: Buffer, p12Passphrase: string, storage: Protection, role: string | undefined) {
  const identity = (() => {
    try {
      return readIdentity(p12, p12Passphrase);
    } catch (error) {
      return asApiFailure(error, 'p12Base64');
    }
  })();
  const { secret, wrapped } = newStorageSecret(ctx, storage);
  const sealed = await sealIdentity(p12, p12Passphrase, secret);
  return ctx.db.transaction(() => {
    const existing = listIdentityRows(ctx.db).find((r) => r.certificate_fingerprint === identity.certificateFingerprint);
    if (existing) throw new ApiFailure('conflict', { reason: 'identity-exists', id: existing.id });
    const id = insertIdentityRow(ctx.db, {
      name: identity.commonName, role: role ?? null, organisation: identity.organisation ?? null,
      certificate_fingerprint: identity.certificateFingerprint, not_after: identity.notAfter.toISOString(),
      sealed: JSON.stringify(sealed), created_at: ctx.now(), protection: storage.protection, wrapped_secret: wrapped,
    });
    // The audit log records the certificate, never key material.
    appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'identity', entityId: id, action: 'create', newValue: { name: identity.commonName, fingerprint: identity.certificateFingerprint, protection: storage.protection } });
    return identityInfo(getIdentityRow(ctx.db, id)!);
  }).immediate();
}

/** Everything the report needs from the store, read in one transaction. */
function reportSource(ctx: HandlerContext, reviewId: number) {
  return ctx.db.transaction(() => {
    const row = requireReviewRow(ctx, reviewId);
    const detail = reviewDetail(ctx, row);
    const history = listReviewRowsForSite(ctx.db, row.site_id)
      .filter((other) => other.id !== row.id && JSON.parse(other.visit_dates)[0] <= JSON.parse(row.visit_dates)[0])
      .map((other) => reviewSummary(ctx, other))
      .map((s) => ({ date: s.visitDates[0]!, total: s.score.total, estimate: s.score.estimate, band: s.score.band, kind: s.kind }));
    const overall = listRecommendations(ctx.db, reviewId).find((r) => r.item === null)?.text;
    const previousPlan = previousActionPlanExtras(ctx, row);
    const visits = visitReportExtras(ctx, row);
    const previousReview = previousReviewExtras(ctx, row);
    return {
      row,
      file: exportReview(ctx, row),
      reviewers: detail.reviewers,
      undecided: detail.checks.undecided,
      history,
      extras: {
        ...(detail.strengths ? { strengths: detail.strengths } : {}),
        ...(overall ? { overallRecommendations: overall } : {}),
        ...(previousPlan ? { previousActionPlan: previousPlan } : {}),
        ...(visits ? { visits } : {}),
        ...(previousReview ? { previousReview } : {}),
      },
      signed: latestSignedReport(ctx.db, reviewId),
    };
  }).immediate();
}

/** The report with a reserved, empty signature field per reviewer of the review; signatures fill them later. */
async function render(ctx: HandlerContext, source: ReturnType<typeof reportSource>, language: 'fi' | 'sv' | 'en') {
  try {
    return (await renderReviewReport(source.file, ctx.registry, { language, reportDate: localDate(new Date(ctx.now())), history: source.history, extras: source.extras })).pdf;
  } catch (error) {
    return asApiFailure(error, 'reviewId');
  }
}

export const reportHandlers: HandlerGroup<ReportCalls> = {
  'identities.list': (_input, ctx) => listIdentityRows(ctx.db).map(identityInfo),

  'identities.keyStore': (_input, ctx) => ({ systemAvailable: ctx.keyVault !== undefined }),

  'identities.create': async ({ name, role, organisation, protection, storagePassphrase }, ctx) => {
    // The PKCS#12's own passphrase is random and lives only inside the sealed envelope.
    const p12Passphrase = randomBytes(24).toString('base64url');
    const p12 = await createSelfSignedIdentity({ name, role, organisation, validDays: IDENTITY_VALID_DAYS, passphrase: p12Passphrase });
    return storeIdentity(ctx, p12, p12Passphrase, { protection, storagePassphrase }, role);
  },

  'identities.import': async ({ p12Base64, p12Passphrase, role, protection, storagePassphrase }, ctx) =>
    storeIdentity(ctx, Buffer.from(p12Base64, 'base64'), p12Passphrase, { protection, storagePassphrase }, role),

  'reports.render': async ({ reviewId, language }, ctx) => {
    const source = reportSource(ctx, reviewId);
    return { pdfBase64: (await render(ctx, source, language)).toString('base64') };
  },

  'reports.sign': async ({ reviewId, language, identityId, storagePassphrase }, ctx) => {
    const source = reportSource(ctx, reviewId);
    const identityRow = ctx.db.transaction(() => getIdentityRow(ctx.db, identityId)).immediate();
    if (!identityRow) throw new ApiFailure('not-found', { entity: 'identity', id: identityId });
    if (source.undecided.length) throw new ApiFailure('conflict', { reason: 'undecided-items', items: source.undecided });
    const previous = source.signed;
    const earlierSigners = previous ? reportInfo(previous).signers : [];
    if (earlierSigners.some((s) => s.certificateFingerprint === identityRow.certificate_fingerprint)) {
      throw new ApiFailure('conflict', { reason: 'already-signed-by-identity' });
    }
    if (previous && previous.language !== language) throw new ApiFailure('conflict', { reason: 'report-language-fixed', language: previous.language });

    let identity;
    try {
      identity = await openSealedIdentity(JSON.parse(identityRow.sealed), storedSecret(ctx, identityRow, storagePassphrase));
    } catch (error) {
      return asApiFailure(error, 'storagePassphrase');
    }
    const signer = { name: identityRow.name, role: identityRow.role, date: localDate(new Date(ctx.now())), certificateFingerprint: identityRow.certificate_fingerprint };
    // Rendered once, with a reserved place per reviewer; every signer signs the stored bytes, and each signature adds
    // its own visible block (in the place of the reviewer its certificate names) in its own incremental update.
    const unsigned = previous ? previous.pdf : await render(ctx, source, language);
    let signed: Buffer;
    try {
      signed = await signPdf(Buffer.from(unsigned), identity, { reason: 'IPS fidelity review report', name: identityRow.name });
    } catch (error) {
      return asApiFailure(error, 'identityId');
    }

    return ctx.db.transaction(() => {
      const now = requireReviewRow(ctx, reviewId);
      // Someone changed the review or signed meanwhile: the signed bytes may no longer match; start again.
      if (now.updated_at !== source.row.updated_at || latestSignedReport(ctx.db, reviewId)?.id !== previous?.id) {
        throw new ApiFailure('conflict', { reason: 'changed-while-signing' });
      }
      const signers = [...earlierSigners, signer];
      const id = insertSignedReport(ctx.db, {
        review_id: reviewId, language, pdf: signed, sha256: createHash('sha256').update(signed).digest('hex'),
        signers: JSON.stringify(signers), created_at: ctx.now(),
      });
      finalize(ctx, now);
      appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'review', entityId: reviewId, action: 'sign-report', newValue: { reportId: id, signer: signer.name, fingerprint: signer.certificateFingerprint } });
      const row = latestSignedReport(ctx.db, reviewId)!;
      return reportInfo(row);
    }).immediate();
  },

  'reports.get': ({ reviewId }, ctx) => {
    requireReviewRow(ctx, reviewId);
    const row = latestSignedReport(ctx.db, reviewId);
    return row ? { ...reportInfo(row), pdfBase64: Buffer.from(row.pdf).toString('base64') } : null;
  },

  /** Intact and complete (the verifier), and who signed, judged against the trust store (trust-store.ts). */
  'reports.verify': ({ pdfBase64 }, ctx) =>
    verificationView(verifyPdf(Buffer.from(pdfBase64, 'base64')), readTrustAnchors(ctx.db)),
};

/** Signing is the reviewers' final word: the review becomes read-only (corrections go through an amendment). */
function finalize(ctx: HandlerContext, row: ReviewRow) {
  if (row.status === 'final') return;
  setReviewStatusRow(ctx.db, row.id, 'final', ctx.now());
  appendAudit(ctx.db, { actor: ctx.actor, at: ctx.now(), entity: 'review', entityId: row.id, action: 'set-status', oldValue: row.status, newValue: 'final' });
}
