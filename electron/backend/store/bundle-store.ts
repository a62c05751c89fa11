import type { Database } from 'better-sqlite3';
import type { ReviewFile } from '../../../scales/review-file.ts';
import type { ReviewRow } from './reviews-store.ts';

/** SQL of review bundles (migration 005): scale versions from bundles, replaced revisions (action plan rows: action-plan-store.ts). */

export interface ScaleVersionRow { id: number; scale_id: string; version: string; content_hash: string; data: string; added_at: string }

export function listScaleVersionRows(db: Database): ScaleVersionRow[] {
  return db.prepare('SELECT * FROM scale_versions ORDER BY id').all() as ScaleVersionRow[];
}

/** `data` is the canonical JSON of the scale file: parsed again it gives the same content hash. */
export function insertScaleVersionRow(db: Database, row: Omit<ScaleVersionRow, 'id'>): void {
  db.prepare(`INSERT INTO scale_versions (scale_id, version, content_hash, data, added_at)
      VALUES (@scale_id, @version, @content_hash, @data, @added_at)`).run(row);
}

export function insertReviewRevision(db: Database, reviewId: number, file: ReviewFile, replacedAt: string): void {
  db.prepare('INSERT INTO review_revisions (review_id, revision, file, replaced_at) VALUES (?, ?, ?, ?)')
    .run(reviewId, file.revision ?? 1, JSON.stringify(file), replacedAt);
}

export function listAllReviewRows(db: Database): ReviewRow[] {
  return db.prepare(`SELECT * FROM reviews ORDER BY site_id, json_extract(visit_dates, '$[0]'), id`).all() as ReviewRow[];
}

/** Empties a review before a newer revision is written into it: reviewers (and their ratings), result, item recommendations. */
export function clearReviewContent(db: Database, reviewId: number): void {
  db.prepare('DELETE FROM reviewers WHERE review_id = ?').run(reviewId);
  db.prepare('DELETE FROM consensus_ratings WHERE review_id = ?').run(reviewId);
  db.prepare('DELETE FROM recommendations WHERE review_id = ? AND item IS NOT NULL').run(reviewId);
}

export interface RevisionFields {
  siteId: number; kind: ReviewRow['kind']; reviewingOrganisation: string | null; scaleId: string; scaleVersion: string; scaleHash: string; visitDates: string[];
  status: ReviewRow['status']; language: ReviewRow['language']; revision: number;
}

export function updateReviewRevision(db: Database, reviewId: number, fields: RevisionFields, at: string): void {
  db.prepare(`UPDATE reviews SET site_id = @siteId, kind = @kind, reviewing_organisation = @reviewingOrganisation, scale_id = @scaleId, scale_version = @scaleVersion, scale_hash = @scaleHash,
      visit_dates = @visitDates, status = @status, language = @language, revision = @revision, updated_at = @at WHERE id = @reviewId`)
    .run({ ...fields, visitDates: JSON.stringify(fields.visitDates), at, reviewId });
}

export function setReviewRevision(db: Database, reviewId: number, revision: number): void {
  db.prepare('UPDATE reviews SET revision = ? WHERE id = ?').run(revision, reviewId);
}

/** Audit actions that record a review's content as it last left or entered this database in a bundle. */
export const SHARED_ACTIONS = ['export-bundle', 'import-bundle', 'replace-from-bundle'] as const;

/**
 * The revision and content hash of a review as it was last exported or imported in a bundle, from the audit log
 * (which records every such event anyway), so an export can tell whether the review changed since: a changed
 * review goes out as the next revision (scales/review-file.ts: revision increases each time the review is changed
 * and exported again).
 */
export function lastShared(db: Database, reviewId: number): { revision: number; fileHash: string } | null {
  const row = db.prepare(`SELECT new_value FROM audit_log WHERE entity = 'review' AND entity_id = ? AND action IN (${SHARED_ACTIONS.map(() => '?').join(', ')})
      ORDER BY id DESC LIMIT 1`).get(String(reviewId), ...SHARED_ACTIONS) as { new_value: string | null } | undefined;
  if (!row?.new_value) return null;
  const value = JSON.parse(row.new_value) as { revision?: unknown; fileHash?: unknown };
  return typeof value.revision === 'number' && typeof value.fileHash === 'string' ? { revision: value.revision, fileHash: value.fileHash } : null;
}
