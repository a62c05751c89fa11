import type { Database } from 'better-sqlite3';
import type { TrustAnchors } from '../../../reports/signing/signer-trust.ts';
import { listIdentityRows } from './reports-store.ts';

export interface TrustedCertificateRow {
  id: number; kind: 'signer' | 'root'; fingerprint: string; name: string; organisation: string | null; der: Buffer; added_at: string; note: string | null;
}

export function listTrustedRows(db: Database): TrustedCertificateRow[] {
  return db.prepare('SELECT * FROM trusted_certificates ORDER BY kind, name COLLATE NOCASE, id').all() as TrustedCertificateRow[];
}

export function getTrustedRow(db: Database, id: number): TrustedCertificateRow | undefined {
  return db.prepare('SELECT * FROM trusted_certificates WHERE id = ?').get(id) as TrustedCertificateRow | undefined;
}

export function trustedRowByFingerprint(db: Database, fingerprint: string): TrustedCertificateRow | undefined {
  return db.prepare('SELECT * FROM trusted_certificates WHERE fingerprint = ?').get(fingerprint) as TrustedCertificateRow | undefined;
}

export function insertTrustedRow(db: Database, row: Omit<TrustedCertificateRow, 'id'>): number {
  return Number(db.prepare(`INSERT INTO trusted_certificates (kind, fingerprint, name, organisation, der, added_at, note)
      VALUES (@kind, @fingerprint, @name, @organisation, @der, @added_at, @note)`).run(row).lastInsertRowid);
}

export function deleteTrustedRow(db: Database, id: number): void {
  db.prepare('DELETE FROM trusted_certificates WHERE id = ?').run(id);
}

/**
 * What signatures are judged against: the confirmed signer and root certificates, and the app's own signing
 * identities. The user made those identities here, so a signature by one of them is trusted; their certificate is
 * kept only inside the sealed PKCS#12, and the fingerprint (with the name) is all judgeSigner needs.
 */
export function readTrustAnchors(db: Database): TrustAnchors {
  const rows = listTrustedRows(db);
  const own = listIdentityRows(db).filter((identity) => !rows.some((r) => r.fingerprint === identity.certificate_fingerprint));
  return {
    signers: [
      ...rows.filter((r) => r.kind === 'signer').map((r) => ({ fingerprint: r.fingerprint, name: r.name, organisation: r.organisation, der: r.der })),
      ...own.map((identity) => ({ fingerprint: identity.certificate_fingerprint, name: identity.name, organisation: identity.organisation, der: null })),
    ],
    roots: rows.filter((r) => r.kind === 'root').map((r) => ({ fingerprint: r.fingerprint, name: r.name, der: r.der })),
  };
}
