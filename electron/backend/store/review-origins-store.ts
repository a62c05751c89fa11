import type { Database } from 'better-sqlite3';

/** SQL of review_origins (migration 007): which exporter certificate sent each review that came in a bundle. */

export interface ReviewOriginRow {
  review_id: number; exporter_fingerprint: string; exporter_name: string | null; exporter_organisation: string | null; received_at: string;
}

export function getReviewOrigin(db: Database, reviewId: number): ReviewOriginRow | undefined {
  return db.prepare('SELECT * FROM review_origins WHERE review_id = ?').get(reviewId) as ReviewOriginRow | undefined;
}

export function setReviewOrigin(db: Database, row: ReviewOriginRow): void {
  db.prepare(`INSERT INTO review_origins (review_id, exporter_fingerprint, exporter_name, exporter_organisation, received_at)
      VALUES (@review_id, @exporter_fingerprint, @exporter_name, @exporter_organisation, @received_at)
      ON CONFLICT (review_id) DO UPDATE SET exporter_fingerprint = excluded.exporter_fingerprint, exporter_name = excluded.exporter_name,
        exporter_organisation = excluded.exporter_organisation, received_at = excluded.received_at`).run(row);
}
