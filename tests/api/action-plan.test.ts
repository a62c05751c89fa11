import { describe, expect, test } from 'vitest';
import { listActionPlanRows } from '../../electron/backend/store/action-plan-store.ts';
import BetterSqlite3 from 'better-sqlite3';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';

type T = Awaited<ReturnType<typeof testBackend>>;

/** A single-reviewer review whose item n is scored scores[n - 1] (null: not rated, no data). */
async function reviewWithScores(t: T, siteId: number, date: string, scores: (number | null)[]) {
  const review = await t.call('reviews.create', { siteId, kind: 'external', visitDates: [date], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
  const reviewerId = review.reviewers[0]!.id;
  for (const [i, score] of scores.entries()) {
    await t.call('ratings.set', { reviewId: review.id, reviewerId, item: i + 1, score, ...(score === null ? { reason: 'no-data' as const } : {}) });
  }
  return review;
}

/** Items 2, 5 and 9 scored 3 or below, item 7 not rated, the rest 4 or 5. */
const SCORES = Array.from({ length: 25 }, (_, i) => ({ 2: 2, 5: 3, 9: 1, 7: null } as Record<number, number | null>)[i + 1] ?? (i % 2 ? 4 : 5));

async function setUp() {
  const t = await testBackend();
  const site = await t.call('sites.create', { name: 'Äänekosken IPS', regionCode: '15' });
  const review = await reviewWithScores(t, site.id, '2026-11-20', SCORES);
  return { ...t, site, review };
}

describe('action plan', () => {
  test('candidates are the items scored 3 or below; creating the plan adds them once (idempotent)', async () => {
    const { call, review } = await setUp();
    const empty = await call('actionPlan.get', { reviewId: review.id });
    expect(empty).toMatchObject({ threshold: 3, rows: [] });
    expect(empty.candidates.map((c) => [c.item, c.score])).toEqual([[2, 2], [5, 3], [9, 1]]);
    expect(empty.candidates[0]!.title.fi).toBeTruthy();

    const created = await call('actionPlan.createFromReview', { reviewId: review.id });
    expect(created.added).toEqual([2, 5, 9]);
    expect(created.candidates).toEqual([]);
    expect(created.rows.map((r) => ({ item: r.item, score: r.score, goal: r.goal, status: r.status, owner: r.owner, dueDate: r.dueDate }))).toEqual([
      { item: 2, score: 2, goal: '', status: 'open', owner: null, dueDate: null },
      { item: 5, score: 3, goal: '', status: 'open', owner: null, dueDate: null },
      { item: 9, score: 1, goal: '', status: 'open', owner: null, dueDate: null },
    ]);

    const again = await call('actionPlan.createFromReview', { reviewId: review.id });
    expect(again.added).toEqual([]);
    expect(again.rows.map((r) => r.id)).toEqual(created.rows.map((r) => r.id));
  });

  test('update edits one row (partly), audited; zod limits and unknown rows change nothing', async () => {
    const { call, backend, dbFile, review } = await setUp();
    const { rows } = await call('actionPlan.createFromReview', { reviewId: review.id });
    const row = rows[0]!;
    const saved = await call('actionPlan.update', { id: row.id, goal: 'Työhönvalmentajat käyvät työpaikoilla viikoittain', owner: '  Hanna Korhonen ', dueDate: '2027-02-28', status: 'in-progress' });
    expect(saved).toMatchObject({ goal: 'Työhönvalmentajat käyvät työpaikoilla viikoittain', owner: 'Hanna Korhonen', dueDate: '2027-02-28', status: 'in-progress', notes: null, overdue: false });
    const partly = await call('actionPlan.update', { id: row.id, notes: 'Aloitettu tammikuussa.' });
    expect(partly).toMatchObject({ goal: saved.goal, owner: 'Hanna Korhonen', notes: 'Aloitettu tammikuussa.' });
    const cleared = await call('actionPlan.update', { id: row.id, owner: '', dueDate: null });
    expect(cleared).toMatchObject({ owner: null, dueDate: null, status: 'in-progress' });

    const audit = await call('audit.list', { entity: 'action-plan-row', entityId: String(row.id) });
    expect(audit.map((a) => a.action)).toEqual(['update', 'update', 'update']);
    expect(audit[2]).toMatchObject({ actor: 'tester', oldValue: { goal: '', status: 'open' }, newValue: { owner: 'Hanna Korhonen', dueDate: '2027-02-28' } });

    const before = dumpDatabase(dbFile);
    for (const input of [
      { id: row.id, goal: 'x'.repeat(2001) },
      { id: row.id, owner: 'x'.repeat(301) },
      { id: row.id, dueDate: '28.2.2027' },
      { id: row.id, status: 'finished' },
      { id: row.id, reviewId: review.id },
    ]) {
      expect(await backend.dispatch('actionPlan.update', input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await backend.dispatch('actionPlan.update', { id: 9999, goal: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });

  test('a final review keeps an editable plan (the plan is the site\'s working document)', async () => {
    const { call, review } = await setUp();
    await call('reviews.setStatus', { id: review.id, status: 'final' });
    const { rows } = await call('actionPlan.createFromReview', { reviewId: review.id });
    expect(rows).toHaveLength(3);
    expect(await call('actionPlan.update', { id: rows[0]!.id, status: 'done' })).toMatchObject({ status: 'done' });
  });

  test('only candidates can be added by item; remove deletes one row, audited, and it can be added again', async () => {
    const { call, backend, review } = await setUp();
    expect(await backend.dispatch('actionPlan.createFromReview', { reviewId: review.id, items: [1, 2] })).toMatchObject({
      ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'items', code: 'not-a-candidate' }] } },
    });
    const one = await call('actionPlan.createFromReview', { reviewId: review.id, items: [9] });
    expect(one.added).toEqual([9]);
    expect(one.candidates.map((c) => c.item)).toEqual([2, 5]);

    const row = one.rows[0]!;
    await call('actionPlan.update', { id: row.id, goal: 'Tavoite' });
    expect(await call('actionPlan.remove', { id: row.id })).toEqual({ id: row.id, reviewId: review.id, item: 9 });
    expect((await call('actionPlan.get', { reviewId: review.id })).rows).toEqual([]);
    const audit = await call('audit.list', { entity: 'action-plan-row', entityId: String(row.id) });
    expect(audit[0]).toMatchObject({ action: 'remove', oldValue: { item: 9, goal: 'Tavoite' } });
    expect(await backend.dispatch('actionPlan.remove', { id: row.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('actionPlan.createFromReview', { reviewId: review.id })).added).toEqual([2, 5, 9]);
  });

  test('site progress: counts by status and overdue per review, candidates for reviews without a plan', async () => {
    const t = await setUp();
    const { call, site, review } = t;
    const later = await reviewWithScores(t, site.id, '2027-05-10', Array.from({ length: 25 }, (_, i) => (i < 2 ? 3 : 5)));
    const { rows } = await call('actionPlan.createFromReview', { reviewId: review.id });
    // The frozen clock is 2026-11-23: a due date before it is overdue while the action is open or in progress.
    await call('actionPlan.update', { id: rows[0]!.id, status: 'done', dueDate: '2026-11-01' });
    await call('actionPlan.update', { id: rows[1]!.id, status: 'in-progress', dueDate: '2026-11-22' });
    await call('actionPlan.update', { id: rows[2]!.id, dueDate: '2026-11-23' });

    const progress = await call('actionPlan.siteProgress', { siteId: site.id });
    expect(progress.map((p) => p.reviewId)).toEqual([later.id, review.id]);
    expect(progress[0]).toMatchObject({ rows: 0, candidates: 2, overdue: 0 });
    expect(progress[1]).toMatchObject({ rows: 3, candidates: 0, overdue: 1, counts: { open: 1, 'in-progress': 1, done: 1, dropped: 0 }, visitDates: ['2026-11-20'], kind: 'external' });
    expect((await call('actionPlan.get', { reviewId: review.id })).rows.map((r) => r.overdue)).toEqual([false, true, false]);
  });

  test('listActionPlanRows gives the plan in bundle form', async () => {
    const { call, review, dbFile, backend } = await setUp();
    const { rows } = await call('actionPlan.createFromReview', { reviewId: review.id });
    await call('actionPlan.update', { id: rows[1]!.id, goal: 'Yhteistyö TE-palveluiden kanssa', owner: 'Esihenkilö', dueDate: '2027-03-31', notes: 'Kuukausittain' });
    backend.close();
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect(listActionPlanRows(db, review.id)).toEqual([
        { item: 2, goal: '', status: 'open' },
        { item: 5, goal: 'Yhteistyö TE-palveluiden kanssa', owner: 'Esihenkilö', dueDate: '2027-03-31', status: 'open', notes: 'Kuukausittain' },
        { item: 9, goal: '', status: 'open' },
      ]);
    } finally {
      db.close();
    }
  });

  test('a two-reviewer review without consensus has no result, so no candidates', async () => {
    const t = await testBackend();
    const site = await t.call('sites.create', { name: 'Kemi' });
    const review = await t.call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-20'], reviewers: [{ name: 'A', role: null }, { name: 'B', role: null }] });
    await t.call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item: 1, score: 1 });
    expect(await t.call('actionPlan.createFromReview', { reviewId: review.id })).toMatchObject({ added: [], rows: [], candidates: [] });
  });
});
