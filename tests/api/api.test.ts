import { describe, expect, test } from 'vitest';
import { readExample } from '../fixtures/ratings.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';

async function withSite() {
  const t = await testBackend();
  const site = await t.call('sites.create', { name: 'Äänekosken IPS', regionCode: '15', organisation: 'Psykiatrian poliklinikka', collaborationModel: 2 });
  return { ...t, site };
}

describe('sites and regions', () => {
  test('create, edit, archive and restore; every change is in the audit log', async () => {
    const { call, site } = await withSite();
    expect(site).toMatchObject({ name: 'Äänekosken IPS', region: { code: '15', name: 'Keski-Suomen hyvinvointialue' }, collaborationModel: 2, collaborationNote: null, active: true });

    const edited = await call('sites.update', { id: site.id, changes: { organisation: null, regionCode: '15' } });
    expect(edited).toMatchObject({ organisation: null, region: { id: site.region!.id }, collaborationModel: 2, name: 'Äänekosken IPS' });
    // The region list is the fixed one (scales/regions/fi-regions.json), whatever the sites use.
    const regions = await call('regions.list', {});
    expect(regions).toHaveLength(23);
    expect(regions.find((r) => r.code === '15')).toEqual({ id: site.region!.id, code: '15', name: 'Keski-Suomen hyvinvointialue' });

    await call('sites.setActive', { id: site.id, active: false });
    expect(await call('sites.list', {})).toEqual([]);
    expect((await call('sites.list', { includeArchived: true })).map((s) => s.active)).toEqual([false]);
    await call('sites.setActive', { id: site.id, active: true });

    const audit = await call('audit.list', { entity: 'site', entityId: String(site.id) });
    expect(audit.map((a) => a.action)).toEqual(['restore', 'archive', 'update', 'create']);
    expect(audit[2]).toMatchObject({ actor: 'tester', oldValue: { organisation: 'Psykiatrian poliklinikka' }, newValue: { organisation: null } });
  });

  test('filter by region and search by name', async () => {
    const { call } = await testBackend();
    await call('sites.create', { name: 'Rovaniemi', regionCode: '21' });
    const kemi = await call('sites.create', { name: 'Kemi', regionCode: '21' });
    await call('sites.create', { name: 'Kuopio', regionCode: '13' });
    expect((await call('sites.list', { regionId: kemi.region!.id })).map((s) => s.name)).toEqual(['Kemi', 'Rovaniemi']);
    expect((await call('sites.list', { search: 'KU' })).map((s) => s.name)).toEqual(['Kuopio']);
    expect((await call('sites.list', { search: 'e' })).map((s) => s.name)).toEqual(['Kemi', 'Rovaniemi']);
  });

  test('an unknown site is not-found, with no change', async () => {
    const { backend, dbFile } = await withSite();
    const before = dumpDatabase(dbFile);
    expect(await backend.dispatch('sites.update', { id: 999, changes: { name: 'x' } })).toMatchObject({ ok: false, error: { code: 'not-found', messageKey: 'errors.not-found' } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });
});

describe('reviews and ratings', () => {
  test('a new review uses the latest scale version and records its hash', async () => {
    const { call, site } = await withSite();
    const scales = await call('scales.list', {});
    const review = await call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-20'], reviewers: [{ name: 'Sanna', role: 'esihenkilö' }] });
    // The newest shipped version (ScaleRegistry.defaultVersion): 1.1.0 since the second edition of our text.
    const newest = scales.find((s) => s.version === '1.1.0');
    expect(scales.filter((s) => s.isDefault)).toEqual([newest]);
    expect(review).toMatchObject({ status: 'draft', kind: 'self', scale: { id: 'ips-25', version: '1.1.0', contentHash: newest!.contentHash }, score: { band: 'insufficient', ratedItems: 0 } });
    expect(review.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('ratings are checked against the scale, scored live, and locked by status', async () => {
    const { call, backend, site, dbFile } = await withSite();
    const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-20'], reviewers: [{ name: 'A', role: null }] });
    const reviewerId = review.reviewers[0]!.id;
    for (let item = 1; item <= 25; item++) await call('ratings.set', { reviewId: review.id, reviewerId, item, score: item <= 15 ? 5 : 4 });
    expect(await call('scoring.summary', { reviewId: review.id })).toMatchObject({ total: 115, band: 'exemplary', estimate: false });

    await call('ratings.set', { reviewId: review.id, reviewerId, item: 3, score: null, reason: 'no-data', reasonNote: 'Ei tietoja' });
    expect(await call('scoring.review', { reviewId: review.id })).toMatchObject({ ratedItems: 24, total: 114.6, estimate: true, band: 'good' });

    const before = dumpDatabase(dbFile);
    const bad = await backend.dispatch('ratings.set', { reviewId: review.id, reviewerId, item: 26, score: 6 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ code: 'unknown-item' }, { code: 'score-out-of-range' }] } } });
    const both = await backend.dispatch('ratings.set', { reviewId: review.id, reviewerId, item: 2, score: 3, reason: 'no-data' });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ code: 'reason-with-score' }] } } });
    expect(dumpDatabase(dbFile)).toEqual(before);

    await call('reviews.setStatus', { id: review.id, status: 'final' });
    const locked = await backend.dispatch('ratings.set', { reviewId: review.id, reviewerId, item: 1, score: 1 });
    expect(locked).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await backend.dispatch('reviews.setStatus', { id: review.id, status: 'draft' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });

  test('two reviewers: no result until consensus; individual ratings lock once consensus starts', async () => {
    const { call, backend, site } = await withSite();
    const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-20', '2026-11-19'], reviewers: [{ name: 'A', role: 'pääarvioija' }, { name: 'B', role: null }] });
    expect(review.visitDates).toEqual(['2026-11-19', '2026-11-20']);
    const [a, b] = review.reviewers;
    await call('ratings.set', { reviewId: review.id, reviewerId: a!.id, item: 1, score: 5, evidence: 'Rekisteri' });
    await call('ratings.set', { reviewId: review.id, reviewerId: b!.id, item: 1, score: 4 });
    expect(await call('scoring.summary', { reviewId: review.id })).toMatchObject({ ratedItems: 0 });
    expect(await call('scoring.review', { reviewId: review.id, reviewerId: b!.id })).toMatchObject({ ratedItems: 1, rawTotal: 4 });

    await call('reviews.setStatus', { id: review.id, status: 'consensus' });
    expect(await backend.dispatch('ratings.set', { reviewId: review.id, reviewerId: a!.id, item: 2, score: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('consensus.set', { reviewId: review.id, item: 1, score: 5, justification: 'Asiakasmäärä 19' });
    expect(await call('scoring.summary', { reviewId: review.id })).toMatchObject({ ratedItems: 1 });
    const detail = await call('reviews.get', { id: review.id });
    expect(detail.ratings).toHaveLength(2);
    expect(detail.consensus).toEqual([expect.objectContaining({ item: 1, score: 5, justification: 'Asiakasmäärä 19' })]);
  });
});

describe('review files: import and export', () => {
  test.each(['full-review.json', 'partial-review-17-items.json'])('%s round-trips without loss', async (name) => {
    const { call } = await testBackend();
    const original = readExample(name) as Record<string, unknown>;
    const imported = await call('reviews.importFile', { file: original });
    expect(imported).toMatchObject({ created: true, warnings: [] });
    const exported = await call('reviews.exportFile', { reviewId: imported.reviewId });
    const scales = await call('scales.list', {});
    expect(exported).toEqual({ ...original, status: 'final', scale: { ...(original.scale as object), contentHash: scales[0]!.contentHash } });

    // A second machine imports the export: the same review, the same file again.
    const second = await testBackend();
    const again = await second.call('reviews.importFile', { file: exported });
    expect(await second.call('reviews.exportFile', { reviewId: again.reviewId })).toEqual(exported);
  });

  test('a file from before scale text 1.1.0 with "not-applicable" loads as "the service model differs" and scores the same', async () => {
    const { call } = await testBackend();
    const current = readExample('partial-review-17-items.json') as { ratings: { reason?: string }[] };
    const legacy = { ...current, ratings: current.ratings.map((r) => (r.reason === 'model-differs' ? { ...r, reason: 'not-applicable' } : r)) };
    const imported = await call('reviews.importFile', { file: legacy });
    const exported = await call('reviews.exportFile', { reviewId: imported.reviewId }) as { ratings: { reason?: string }[] };
    expect(exported.ratings.map((r) => r.reason)).toEqual(current.ratings.map((r) => r.reason));
    expect(await call('scoring.summary', { reviewId: imported.reviewId })).toMatchObject({ total: 107.4, lowerBound: 81, upperBound: 113, bandCertain: false });
  });

  test('importing the same file twice changes nothing; a changed file with the same id is a conflict', async () => {
    const { call, backend, dbFile } = await testBackend();
    const file = readExample('full-review.json') as { ratings: { score: number }[] };
    const first = await call('reviews.importFile', { file });
    const before = dumpDatabase(dbFile);
    expect(await call('reviews.importFile', { file })).toEqual({ ...first, created: false });
    expect(dumpDatabase(dbFile)).toEqual(before);
    const changed = structuredClone(file);
    changed.ratings[0]!.score = 1;
    expect(await backend.dispatch('reviews.importFile', { file: changed })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'review-exists' } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });

  test('an invalid file is refused with every problem, and nothing is stored', async () => {
    const { backend, dbFile } = await testBackend();
    const before = dumpDatabase(dbFile);
    const file = structuredClone(readExample('full-review.json')) as { ratings: { item: number; score: number | null }[] };
    file.ratings[0]!.score = 8;
    file.ratings[1]!.score = null;
    const response = await backend.dispatch('reviews.importFile', { file });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-review-file', details: { issues: [{ path: 'ratings[0].score' }, { path: 'ratings[1].reason' }] } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });

  test('the imported review shows on its site with its score', async () => {
    const { call } = await testBackend();
    const { siteId } = await call('reviews.importFile', { file: readExample('partial-review-17-items.json') });
    const [site] = await call('sites.list', {});
    expect(site).toMatchObject({ id: siteId, region: { name: 'Uudenmaan hyvinvointialueet' }, latestReview: { date: '2026-09-08', scale: { id: 'ips-25', version: '1.0.0' }, score: { total: 107.4, estimate: true, band: 'good' } } });
  });
});

describe('the dispatcher', () => {
  test('unknown calls and malformed input are typed errors without stack traces', async () => {
    const { backend } = await testBackend();
    expect(await backend.dispatch('sites.drop', {})).toEqual({ ok: false, error: { code: 'unknown-call', messageKey: 'errors.unknown-call', details: { name: 'sites.drop' } } });
    expect(await backend.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const response = await backend.dispatch('sites.create', { name: '', colour: 'red' });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: expect.arrayContaining([expect.objectContaining({ path: 'name' })]) } } });
    expect(JSON.stringify(response)).not.toMatch(/\n\s+at /);
  });
});
