import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { readTrustAnchors } from '../../electron/backend/store/trust-store.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

const FP = (pair: string) => Array.from({ length: 32 }, () => pair).join(':');

describe('migration 008 (trusted certificates)', () => {
  test('a version-7 database keeps everything; the trust store starts empty and the app’s own identities count as trusted signers', async () => {
    const file = tempDbFile();
    const v7 = new BetterSqlite3(file);
    v7.pragma('foreign_keys = ON');
    migrate(v7, 0, 7);
    v7.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
        VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'final', 't', 't');
      INSERT INTO signing_identities (name, organisation, certificate_fingerprint, not_after, sealed, created_at)
        VALUES ('Maija Meikäläinen', 'Työ ja terveys ry', '${FP('AB')}', '2030-01-01', '{}', 't');`);
    const before = dumpDatabase(file);
    v7.close();

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(expect.arrayContaining(before[table]!.map((row) => expect.objectContaining(row))));
    expect(after.trusted_certificates).toEqual([]);
    expect(readTrustAnchors(db)).toEqual({
      signers: [{ fingerprint: FP('AB'), name: 'Maija Meikäläinen', organisation: 'Työ ja terveys ry', der: null }],
      roots: [],
    });

    const insert = db.prepare("INSERT INTO trusted_certificates (kind, fingerprint, name, organisation, der, added_at) VALUES (?, ?, 'N', NULL, ?, 't')");
    insert.run('signer', FP('CD'), Buffer.from([0x30]));
    insert.run('root', FP('EF'), Buffer.from([0x30]));
    expect(() => insert.run('root', FP('CD'), Buffer.from([0x30]))).toThrow(/UNIQUE/);
    expect(() => insert.run('issuer', FP('01'), Buffer.from([0x30]))).toThrow(/CHECK/);
    expect(() => insert.run('signer', 'AB:CD', Buffer.from([0x30]))).toThrow(/CHECK/);
    expect(() => insert.run('signer', FP('02'), Buffer.alloc(0))).toThrow(/CHECK/);
    expect(() => insert.run('signer', FP('03'), 'text')).toThrow(/cannot store TEXT value in BLOB column/);
    expect(readTrustAnchors(db).roots).toEqual([{ fingerprint: FP('EF'), name: 'N', der: Buffer.from([0x30]) }]);
    db.close();
  });
});
