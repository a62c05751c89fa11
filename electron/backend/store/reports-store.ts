import type { Database } from 'better-sqlite3';

export interface IdentityRow {
  id: number; name: string; role: string | null; organisation: string | null; certificate_fingerprint: string;
  not_after: string; sealed: string; created_at: string; protection: 'passphrase' | 'system'; wrapped_secret: Buffer | null;
}

export interface SignedReportRow {
  id: number; review_id: number; language: 'fi' | 'sv' | 'en'; pdf: Buffer; sha256: string; signers: string; created_at: string;
}

export function listIdentityRows(db: Database): IdentityRow[] {
  return db.prepare('SELECT * FROM signing_identities ORDER BY name COLLATE NOCASE, id').all() as IdentityRow[];
}

export function getIdentityRow(db: Database, id: number): IdentityRow | undefined {
  return db.prepare('SELECT * FROM signing_identities WHERE id = ?').get(id) as IdentityRow | undefined;
}

export function insertIdentityRow(db: Database, row: Omit<IdentityRow, 'id'>): number {
  return Number(db.prepare(`INSERT INTO signing_identities (name, role, organisation, certificate_fingerprint, not_after, sealed, created_at, protection, wrapped_secret)
      VALUES (@name, @role, @organisation, @certificate_fingerprint, @not_after, @sealed, @created_at, @protection, @wrapped_secret)`).run(row).lastInsertRowid);
}

export function latestSignedReport(db: Database, reviewId: number): SignedReportRow | undefined {
  return db.prepare('SELECT * FROM signed_reports WHERE review_id = ? ORDER BY id DESC LIMIT 1').get(reviewId) as SignedReportRow | undefined;
}

export function insertSignedReport(db: Database, row: Omit<SignedReportRow, 'id'>): number {
  return Number(db.prepare(`INSERT INTO signed_reports (review_id, language, pdf, sha256, signers, created_at)
      VALUES (@review_id, @language, @pdf, @sha256, @signers, @created_at)`).run(row).lastInsertRowid);
}
