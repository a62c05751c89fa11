import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/store/open-database.ts';
import { listRecommendations, listReviewerRecommendations, setReviewerRecommendationRow } from '../../electron/backend/store/reviews-store.ts';
import { dumpDatabase, tempDbFile } from '../fixtures/backend.ts';

describe('migration 010 (reviewer recommendations)', () => {
  test('a version-9 database keeps everything; each reviewer gets recommendations of their own, apart from the review’s', async () => {
    const file = tempDbFile();
    const v9 = new BetterSqlite3(file);
    v9.pragma('foreign_keys = ON');
    migrate(v9, 0, 9);
    v9.exec(`
      INSERT INTO sites (name, created_at, updated_at) VALUES ('Oulu', 't', 't');
      INSERT INTO reviews (uid, site_id, kind, scale_id, scale_version, scale_hash, visit_dates, status, created_at, updated_at)
        VALUES ('u-1', 1, 'external', 'ips-25', '1.0.0', 'h', '["2026-01-02"]', 'draft', 't', 't');
      INSERT INTO reviewers (review_id, position, name) VALUES (1, 1, 'Aino'), (1, 2, 'Bertta');
      INSERT INTO recommendations (review_id, item, text, updated_at) VALUES (1, 13, 'Yhteinen suositus', 't'), (1, NULL, 'Kokonaisuus', 't');`);
    const before = dumpDatabase(file);
    v9.close();

    const { db } = await openDatabase(file);
    const after = dumpDatabase(file);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(expect.arrayContaining(before[table]!.map((row) => expect.objectContaining(row))));
    expect(after.reviewer_recommendations).toEqual([]);

    setReviewerRecommendationRow(db, 1, 13, 'Ainon oma', 't2');
    setReviewerRecommendationRow(db, 2, 13, 'Bertan oma', 't2');
    setReviewerRecommendationRow(db, 2, null, 'Bertan kokonaisuus', 't2');
    setReviewerRecommendationRow(db, 1, 13, 'Ainon oma, korjattu', 't3');
    expect(listReviewerRecommendations(db, 1)).toEqual([
      { reviewerId: 1, item: 13, text: 'Ainon oma, korjattu' },
      { reviewerId: 2, item: null, text: 'Bertan kokonaisuus' },
      { reviewerId: 2, item: 13, text: 'Bertan oma' },
    ]);
    expect(listRecommendations(db, 1)).toEqual([{ item: null, text: 'Kokonaisuus' }, { item: 13, text: 'Yhteinen suositus' }]);
    setReviewerRecommendationRow(db, 2, 13, '  ', 't4');
    expect(listReviewerRecommendations(db, 1).map((r) => r.text)).toEqual(['Ainon oma, korjattu', 'Bertan kokonaisuus']);
    expect(() => db.prepare("INSERT INTO reviewer_recommendations (reviewer_id, item, text, updated_at) VALUES (1, 13, 'x', 't')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO reviewer_recommendations (reviewer_id, item, text, updated_at) VALUES (99, 1, 'x', 't')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM reviewers WHERE id = 1').run();
    expect(listReviewerRecommendations(db, 1).map((r) => r.reviewerId)).toEqual([2]);
    db.close();
  });
});
