import type { Database } from 'better-sqlite3';

/** SQL of reviewer_rating_sources (migration 009): whose signed file brought a reviewer's ratings, and when it was made. */
export interface ReviewerRatingSourceRow {
  reviewer_id: number; certificate_fingerprint: string; signer_name: string; signer_organisation: string | null;
  exported_at: string; imported_at: string;
}

export function getReviewerRatingSource(db: Database, reviewerId: number): ReviewerRatingSourceRow | undefined {
  return db.prepare('SELECT * FROM reviewer_rating_sources WHERE reviewer_id = ?').get(reviewerId) as ReviewerRatingSourceRow | undefined;
}

export function setReviewerRatingSource(db: Database, row: ReviewerRatingSourceRow): void {
  db.prepare(`INSERT INTO reviewer_rating_sources (reviewer_id, certificate_fingerprint, signer_name, signer_organisation, exported_at, imported_at)
      VALUES (@reviewer_id, @certificate_fingerprint, @signer_name, @signer_organisation, @exported_at, @imported_at)
      ON CONFLICT (reviewer_id) DO UPDATE SET certificate_fingerprint = excluded.certificate_fingerprint, signer_name = excluded.signer_name,
        signer_organisation = excluded.signer_organisation, exported_at = excluded.exported_at, imported_at = excluded.imported_at`).run(row);
}

/** Replaces every rating of the reviewer: an imported file is the reviewer's whole work, not a patch. */
export function deleteReviewerRatings(db: Database, reviewerId: number): void {
  db.prepare('DELETE FROM ratings WHERE reviewer_id = ?').run(reviewerId);
}

export function countReviewerRatings(db: Database, reviewerId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM ratings WHERE reviewer_id = ?').get(reviewerId) as { n: number }).n;
}
