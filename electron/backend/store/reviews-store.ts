import type { Database } from 'better-sqlite3';
import type { ConsensusRating, Reviewer, ReviewerRating, ReviewStatus } from '../../contract/entities.ts';
import type { ReviewKind } from '../../../scales/review-rules/review-kinds.ts';
import { cachedStatement } from './statement-cache.ts';
import { currentReason, NotRatedReason } from '../../../scales/scoring.ts';

export interface ReviewRow {
  id: number; uid: string; site_id: number; kind: ReviewKind; scale_id: string; scale_version: string;
  scale_hash: string; visit_dates: string; status: ReviewStatus; language: 'fi' | 'sv' | 'en' | null;
  revision: number; created_at: string; updated_at: string;
  strengths: string | null; amends_review_id: number | null; amendment_reason: string | null;
  reviewing_organisation: string | null;
}

export function getReviewRow(db: Database, id: number): ReviewRow | undefined {
  return db.prepare('SELECT * FROM reviews WHERE id = ?').get(id) as ReviewRow | undefined;
}

export function getReviewRowByUid(db: Database, uid: string): ReviewRow | undefined {
  return db.prepare('SELECT * FROM reviews WHERE uid = ?').get(uid) as ReviewRow | undefined;
}

export function listReviewRowsForSite(db: Database, siteId: number): ReviewRow[] {
  return db.prepare(`SELECT * FROM reviews WHERE site_id = ?
      ORDER BY json_extract(visit_dates, '$[0]') DESC, id DESC`).all(siteId) as ReviewRow[];
}

export interface NewReview {
  uid: string; siteId: number; kind: ReviewKind; reviewingOrganisation: string | null; scaleId: string; scaleVersion: string; scaleHash: string;
  visitDates: string[]; status: ReviewStatus; language: 'fi' | 'sv' | 'en' | null; revision: number;
}

export function insertReview(db: Database, review: NewReview, at: string): number {
  return Number(db.prepare(`INSERT INTO reviews (uid, site_id, kind, reviewing_organisation, scale_id, scale_version, scale_hash, visit_dates, status, language, revision, created_at, updated_at)
      VALUES (@uid, @siteId, @kind, @reviewingOrganisation, @scaleId, @scaleVersion, @scaleHash, @visitDates, @status, @language, @revision, @at, @at)`)
    .run({ ...review, visitDates: JSON.stringify(review.visitDates), at }).lastInsertRowid);
}

export function setReviewStatusRow(db: Database, id: number, status: ReviewStatus, at: string): void {
  db.prepare('UPDATE reviews SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
}

export function touchReview(db: Database, id: number, at: string): void {
  db.prepare('UPDATE reviews SET updated_at = ? WHERE id = ?').run(at, id);
}

export function insertReviewer(db: Database, reviewId: number, position: number, name: string, role: string | null): number {
  return Number(db.prepare('INSERT INTO reviewers (review_id, position, name, role) VALUES (?, ?, ?, ?)').run(reviewId, position, name, role).lastInsertRowid);
}

export function listReviewers(db: Database, reviewId: number): Reviewer[] {
  return db.prepare('SELECT id, position, name, role, completed_at AS completedAt FROM reviewers WHERE review_id = ? ORDER BY position').all(reviewId) as Reviewer[];
}

export function setReviewerCompletedAt(db: Database, reviewerId: number, completedAt: string | null): void {
  db.prepare('UPDATE reviewers SET completed_at = ? WHERE id = ?').run(completedAt, reviewerId);
}

export function setStrengthsRow(db: Database, reviewId: number, text: string | null, at: string): void {
  db.prepare('UPDATE reviews SET strengths = ?, updated_at = ? WHERE id = ?').run(text, at, reviewId);
}

export function setAmendmentRow(db: Database, reviewId: number, originalId: number, reason: string): void {
  db.prepare('UPDATE reviews SET amends_review_id = ?, amendment_reason = ? WHERE id = ?').run(originalId, reason, reviewId);
}

export function amendmentOf(db: Database, reviewId: number): number | null {
  const row = db.prepare('SELECT id FROM reviews WHERE amends_review_id = ?').get(reviewId) as { id: number } | undefined;
  return row?.id ?? null;
}

interface RatingRow {
  item: number; score: number | null; reason: string | null; reason_note: string | null; evidence: string | null; updated_at: string;
}
/**
 * Migration 001's CHECK allows the reason codes of its time, and a released migration is never edited: "the service
 * model differs" is stored under the old code 'not-applicable' and read back as 'model-differs' (currentReason).
 */
const STORED_REASON: Partial<Record<NotRatedReason, string>> = { 'model-differs': 'not-applicable' };
const storedReason = (reason: NotRatedReason | null) => (reason === null ? null : STORED_REASON[reason] ?? reason);
const ratingFields = (row: RatingRow) => ({
  item: row.item, score: row.score, reason: row.reason === null ? null : NotRatedReason.parse(currentReason(row.reason)),
  reasonNote: row.reason_note, evidence: row.evidence, updatedAt: row.updated_at,
});

export interface RatingFields {
  item: number; score: number | null; reason: ReviewerRating['reason']; reasonNote: string | null; evidence: string | null;
}

export function listReviewerRatings(db: Database, reviewId: number): ReviewerRating[] {
  const rows = db.prepare(`SELECT r.reviewer_id, r.* FROM ratings r JOIN reviewers v ON v.id = r.reviewer_id
      WHERE v.review_id = ? ORDER BY v.position, r.item`).all(reviewId) as (RatingRow & { reviewer_id: number })[];
  return rows.map((row) => ({ reviewerId: row.reviewer_id, ...ratingFields(row) }));
}

export function getReviewerRating(db: Database, reviewerId: number, item: number): ReviewerRating | undefined {
  const row = db.prepare('SELECT * FROM ratings WHERE reviewer_id = ? AND item = ?').get(reviewerId, item) as (RatingRow & { reviewer_id: number }) | undefined;
  return row && { reviewerId: row.reviewer_id, ...ratingFields(row) };
}

export function upsertReviewerRating(db: Database, reviewerId: number, rating: RatingFields, at: string): void {
  db.prepare(`INSERT INTO ratings (reviewer_id, item, score, reason, reason_note, evidence, updated_at)
      VALUES (@reviewerId, @item, @score, @reason, @reasonNote, @evidence, @at)
      ON CONFLICT (reviewer_id, item) DO UPDATE SET score = excluded.score, reason = excluded.reason,
        reason_note = excluded.reason_note, evidence = excluded.evidence, updated_at = excluded.updated_at`)
    .run({ reviewerId, ...rating, reason: storedReason(rating.reason), at });
}

export function listConsensus(db: Database, reviewId: number): ConsensusRating[] {
  const rows = db.prepare('SELECT * FROM consensus_ratings WHERE review_id = ? ORDER BY item').all(reviewId) as (RatingRow & { justification: string | null })[];
  return rows.map((row) => ({ ...ratingFields(row), justification: row.justification }));
}

export function getConsensus(db: Database, reviewId: number, item: number): ConsensusRating | undefined {
  const row = db.prepare('SELECT * FROM consensus_ratings WHERE review_id = ? AND item = ?').get(reviewId, item) as (RatingRow & { justification: string | null }) | undefined;
  return row && { ...ratingFields(row), justification: row.justification };
}

export function upsertConsensus(db: Database, reviewId: number, rating: RatingFields & { justification: string | null }, at: string): void {
  cachedStatement(db, `INSERT INTO consensus_ratings (review_id, item, score, reason, reason_note, evidence, justification, updated_at)
      VALUES (@reviewId, @item, @score, @reason, @reasonNote, @evidence, @justification, @at)
      ON CONFLICT (review_id, item) DO UPDATE SET score = excluded.score, reason = excluded.reason,
        reason_note = excluded.reason_note, evidence = excluded.evidence, justification = excluded.justification,
        updated_at = excluded.updated_at`)
    .run({ reviewId, ...rating, reason: storedReason(rating.reason), at });
}

export function listRecommendations(db: Database, reviewId: number): { item: number | null; text: string }[] {
  return db.prepare('SELECT item, text FROM recommendations WHERE review_id = ? ORDER BY item IS NOT NULL, item').all(reviewId) as { item: number | null; text: string }[];
}

/** An empty text removes the recommendation: there is nothing to keep. */
export function setRecommendationRow(db: Database, reviewId: number, item: number | null, text: string, at: string): void {
  db.prepare('DELETE FROM recommendations WHERE review_id = ? AND item IS ?').run(reviewId, item);
  if (text.trim() !== '') {
    db.prepare('INSERT INTO recommendations (review_id, item, text, updated_at) VALUES (?, ?, ?, ?)').run(reviewId, item, text, at);
  }
}

export interface ReviewerRecommendation { reviewerId: number; item: number | null; text: string }

/** Every reviewer's own recommendations on the review (migration 010); who may see them: reviewerWorkVisible. */
export function listReviewerRecommendations(db: Database, reviewId: number): ReviewerRecommendation[] {
  return db.prepare(`SELECT r.reviewer_id AS reviewerId, r.item, r.text FROM reviewer_recommendations r JOIN reviewers v ON v.id = r.reviewer_id
      WHERE v.review_id = ? ORDER BY v.position, r.item IS NOT NULL, r.item`).all(reviewId) as ReviewerRecommendation[];
}

/** An empty text removes the reviewer's recommendation. */
export function setReviewerRecommendationRow(db: Database, reviewerId: number, item: number | null, text: string, at: string): void {
  db.prepare('DELETE FROM reviewer_recommendations WHERE reviewer_id = ? AND item IS ?').run(reviewerId, item);
  if (text.trim() !== '') {
    db.prepare('INSERT INTO reviewer_recommendations (reviewer_id, item, text, updated_at) VALUES (?, ?, ?, ?)').run(reviewerId, item, text, at);
  }
}
