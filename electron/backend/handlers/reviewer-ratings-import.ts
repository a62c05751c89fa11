import type { CheckedReviewerRatings } from '../../../exchange/reviewer-ratings-read.ts';
import { ratingProblems } from '../../../scales/scoring.ts';
import { RATINGS_WRITABLE_IN } from '../../../scales/review-rules/workflow.ts';
import { ApiFailure, type ApiIssue } from '../../contract/api-error.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  countReviewerRatings, deleteReviewerRatings, getReviewerRatingSource, setReviewerRatingSource,
} from '../store/reviewer-rating-sources-store.ts';
import {
  getReviewRowByUid, listReviewerRecommendations, listReviewers, setReviewerCompletedAt, setReviewerRecommendationRow, touchReview, upsertReviewerRating,
  type ReviewRow,
} from '../store/reviews-store.ts';
import { getSite } from '../store/sites-store.ts';
import type { HandlerContext } from './handler-context.ts';

export interface Person { name: string; organisation: string | null; certificateFingerprint: string }

/** Why a reviewer's file may not be imported here; `before` names the person whose file is here, when it is another's. */
export type RatingsRefusal = ApiIssue & { before: Person | null };

export interface RatingsImportPlan {
  row: ReviewRow | null;
  reviewerId: number | null;
  outcome: 'new' | 'newer' | 'refused';
  refusal: RatingsRefusal | null;
}

const refuse = (code: string, path: string, message: string, before: Person | null = null): RatingsRefusal => ({ code, path, message, before });
const person = (p: { name: string; organisation?: string | null | undefined; certificateFingerprint: string }): Person =>
  ({ name: p.name, organisation: p.organisation ?? null, certificateFingerprint: p.certificateFingerprint });

/**
 * What importing the file would do, checked in order: the review is here (by uid) with the same scale text and
 * still open for individual ratings; the reviewer is the review's (same place, same name); the reviewer's ratings
 * here came from the same certificate (another person's file never replaces them) and from an older file; or the
 * reviewer has not typed any ratings on this machine. Attackers' cases first: nothing is written on a refusal.
 */
export function planRatingsImport(ctx: HandlerContext, file: CheckedReviewerRatings): RatingsImportPlan {
  const { content } = file;
  const row = getReviewRowByUid(ctx.db, content.review.id) ?? null;
  const plan = (outcome: RatingsImportPlan['outcome'], refusal: RatingsRefusal | null, reviewerId: number | null = null): RatingsImportPlan =>
    ({ row, reviewerId, outcome, refusal });
  if (!row) return plan('refused', refuse('review-not-here', 'content.review.id', `this database does not hold review ${content.review.id}: import the review (its bundle) from the lead reviewer first`));
  const { scale } = content.review;
  if (scale.id !== row.scale_id || scale.version !== row.scale_version || scale.contentHash !== row.scale_hash) {
    return plan('refused', refuse('scale-mismatch', 'content.review.scale', `the ratings were made with ${scale.id} ${scale.version}; the review here uses ${row.scale_id} ${row.scale_version}`));
  }
  const reviewers = listReviewers(ctx.db, row.id);
  if (!RATINGS_WRITABLE_IN.includes(row.status)) {
    return plan('refused', refuse('review-not-open', 'content.review.id', `the review here is ${row.status}: individual ratings can no longer change`));
  }
  const reviewer = reviewers.find((r) => r.position === content.reviewer.position);
  if (!reviewer || reviewer.name !== content.reviewer.name) {
    return plan('refused', refuse('reviewer-not-in-review', 'content.reviewer', `the review here has no reviewer ${content.reviewer.name} in place ${content.reviewer.position}`));
  }
  const source = getReviewerRatingSource(ctx.db, reviewer.id);
  const incoming = person(content.exporter);
  if (!source) {
    if (countReviewerRatings(ctx.db, reviewer.id) > 0 || listReviewerRecommendations(ctx.db, row.id).some((r) => r.reviewerId === reviewer.id)) {
      return plan('refused', refuse('reviewer-rated-here', 'content.reviewer', `${reviewer.name} already has ratings typed on this machine; they are not replaced by a file`), reviewer.id);
    }
    return plan('new', null, reviewer.id);
  }
  const before: Person = { name: source.signer_name, organisation: source.signer_organisation, certificateFingerprint: source.certificate_fingerprint };
  if (source.certificate_fingerprint !== incoming.certificateFingerprint) {
    return plan('refused', refuse('other-person', 'signature.certificate',
      `${reviewer.name}'s ratings here came from ${before.name} (${before.certificateFingerprint}); this file is signed by ${incoming.name} (${incoming.certificateFingerprint}), another person`, before), reviewer.id);
  }
  if (Date.parse(content.createdAt) < Date.parse(source.exported_at)) {
    return plan('refused', refuse('older-version', 'content.createdAt', `this file (${content.createdAt}) is older than the one imported (${source.exported_at})`, before), reviewer.id);
  }
  if (content.createdAt === source.exported_at) {
    return plan('refused', refuse('already-imported', 'content.createdAt', `this file (${content.createdAt}) is already imported`, before), reviewer.id);
  }
  return plan('newer', null, reviewer.id);
}

/** Every rating passes the review's scale as if typed here (rating-handlers.ts checkAgainstScale). */
function scaleIssues(ctx: HandlerContext, row: ReviewRow, file: CheckedReviewerRatings): ApiIssue[] {
  const scale = ctx.registry.get(row.scale_id, row.scale_version);
  if (!scale) return [{ path: 'content.review.scale', code: 'scale-unavailable', message: `${row.scale_id} ${row.scale_version} is not loaded here` }];
  const issues = ratingProblems(scale.data, file.content.ratings.map((r) => ({ item: r.item, score: r.score, reason: r.reason ?? undefined })), 'content.ratings')
    .filter((p) => p.code !== 'reason-missing')
    .map((p) => ({ path: p.path, code: p.code, message: p.message }));
  const items = new Set(scale.data.items.map((i) => i.number));
  for (const r of file.content.recommendations) {
    if (r.item !== null && !items.has(r.item)) issues.push({ path: 'content.recommendations', code: 'unknown-item', message: `item ${r.item} is not in the scale` });
  }
  return issues;
}

/** Writes the file's ratings over the reviewer's (call inside one transaction); refused plans throw, writing nothing. */
export function applyRatingsImport(ctx: HandlerContext, file: CheckedReviewerRatings): { reviewId: number; reviewerId: number; outcome: 'new' | 'newer'; ratedItems: number } {
  const plan = planRatingsImport(ctx, file);
  if (plan.outcome === 'refused' || !plan.row || plan.reviewerId === null) {
    const refusal = plan.refusal!;
    throw new ApiFailure('conflict', { reason: refusal.code, ...(refusal.before ? { before: refusal.before } : {}), issues: [{ path: refusal.path, code: refusal.code, message: refusal.message }] });
  }
  const issues = scaleIssues(ctx, plan.row, file);
  if (issues.length) throw new ApiFailure('invalid-input', { reason: 'invalid-ratings', issues });
  const { content } = file;
  const at = ctx.now();
  deleteReviewerRatings(ctx.db, plan.reviewerId);
  for (const r of content.ratings) upsertReviewerRating(ctx.db, plan.reviewerId, r, at);
  setReviewerCompletedAt(ctx.db, plan.reviewerId, content.completedAt);
  setReviewerRatingSource(ctx.db, {
    reviewer_id: plan.reviewerId, certificate_fingerprint: content.exporter.certificateFingerprint, signer_name: content.exporter.name,
    signer_organisation: content.exporter.organisation ?? null, exported_at: content.createdAt, imported_at: at,
  });
  for (const r of listReviewerRecommendations(ctx.db, plan.row.id).filter((r) => r.reviewerId === plan.reviewerId)) {
    setReviewerRecommendationRow(ctx.db, plan.reviewerId, r.item, '', at);
  }
  for (const r of content.recommendations) setReviewerRecommendationRow(ctx.db, plan.reviewerId, r.item, r.text, at);
  touchReview(ctx.db, plan.row.id, at);
  // The audit records who sent what, never the ratings themselves (they may still be hidden from the lead).
  appendAudit(ctx.db, {
    actor: ctx.actor, at, entity: 'reviewer', entityId: plan.reviewerId, action: 'import-ratings',
    newValue: { outcome: plan.outcome, exportedAt: content.createdAt, fingerprint: content.exporter.certificateFingerprint, items: content.ratings.length },
  });
  return { reviewId: plan.row.id, reviewerId: plan.reviewerId, outcome: plan.outcome, ratedItems: content.ratings.length };
}

export function siteNameOf(ctx: HandlerContext, row: ReviewRow | null): string | null {
  return row ? getSite(ctx.db, row.site_id)?.name ?? null : null;
}
