import { describe, expect, test } from 'vitest';
import { readExample } from '../fixtures/ratings.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';

/** Issue 13, Finland's structure: external review, self-assessment or peer review, and who did it. */
async function withSite() {
  const t = await testBackend();
  const site = await t.call('sites.create', { name: 'Oulun IPS', regionCode: '19' });
  return { ...t, site };
}

describe('review kinds and the reviewing organisation', () => {
  test('a peer review with its organisation (trimmed) is created, read back, listed and audited', async () => {
    const { call, site } = await withSite();
    const review = await call('reviews.create', {
      siteId: site.id, kind: 'peer', reviewingOrganisation: '  Tampereen IPS-tiimi  ', visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino', role: 'vertaisarvioija' }],
    });
    expect(review).toMatchObject({ kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi', status: 'draft' });
    expect(await call('reviews.get', { id: review.id })).toMatchObject({ kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' });
    expect((await call('reviews.listForSite', { siteId: site.id })).map((r) => [r.kind, r.reviewingOrganisation])).toEqual([['peer', 'Tampereen IPS-tiimi']]);
    const audit = await call('audit.list', { entity: 'review', entityId: String(review.id) });
    expect(audit.find((e) => e.action === 'create')?.newValue).toMatchObject({ kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' });

    // Without one, or blank, the organisation is not recorded.
    const external = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-21'], reviewers: [{ name: 'Bertta', role: null }] });
    const self = await call('reviews.create', { siteId: site.id, kind: 'self', reviewingOrganisation: '   ', visitDates: ['2026-11-22'], reviewers: [{ name: 'Sanna', role: null }] });
    expect([external.reviewingOrganisation, self.reviewingOrganisation]).toEqual([null, null]);
  });

  test('a bad kind or an over-long organisation is refused at its field, and nothing is stored', async () => {
    const { backend, site, dbFile } = await withSite();
    const before = dumpDatabase(dbFile);
    const base = { siteId: site.id, visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino', role: null }] };
    expect(await backend.dispatch('reviews.create', { ...base, kind: 'vertais' })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'kind' }] } } });
    expect(await backend.dispatch('reviews.create', { ...base, kind: 'peer', reviewingOrganisation: 'x'.repeat(301) }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'reviewingOrganisation', message: 'the reviewing organisation is at most 300 characters' }] } } });
    expect(await backend.dispatch('reviews.create', { ...base, kind: 'peer', reviewingOrganisation: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'reviewingOrganisation' }] } } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });

  test('a peer review file with its organisation round-trips without loss, on this machine and the next', async () => {
    const { call } = await testBackend();
    const original: Record<string, unknown> = { ...(readExample('full-review.json') as Record<string, unknown>), kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' };
    const imported = await call('reviews.importFile', { file: original });
    expect(imported).toMatchObject({ created: true, warnings: [] });
    expect(await call('reviews.get', { id: imported.reviewId })).toMatchObject({ kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' });
    const exported = await call('reviews.exportFile', { reviewId: imported.reviewId });
    const scales = await call('scales.list', {});
    expect(exported).toEqual({ ...original, status: 'final', scale: { ...(original.scale as object), contentHash: scales[0]!.contentHash } });

    const second = await testBackend();
    const again = await second.call('reviews.importFile', { file: exported });
    expect(await second.call('reviews.exportFile', { reviewId: again.reviewId })).toEqual(exported);
    // The same file again is the same review; changing the organisation is a changed review.
    expect(await second.call('reviews.importFile', { file: exported })).toMatchObject({ created: false });
    expect(await second.backend.dispatch('reviews.importFile', { file: { ...exported, reviewingOrganisation: 'Toinen' } }))
      .toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'review-exists' } } });
  });

  test('an old file without the organisation still reads; a bad kind or an empty organisation is refused, and nothing is stored', async () => {
    const { call, backend, dbFile } = await testBackend();
    const old = readExample('full-review.json') as Record<string, unknown>;
    expect('reviewingOrganisation' in old).toBe(false);
    const before = dumpDatabase(dbFile);
    for (const [file, path] of [[{ ...old, kind: 'vertais' }, 'kind'], [{ ...old, reviewingOrganisation: '  ' }, 'reviewingOrganisation'], [{ ...old, reviewingOrganisation: 'x'.repeat(301) }, 'reviewingOrganisation']] as const) {
      expect(await backend.dispatch('reviews.importFile', { file })).toMatchObject({ ok: false, error: { code: 'invalid-review-file', details: { issues: [{ path }] } } });
    }
    expect(dumpDatabase(dbFile)).toEqual(before);
    const imported = await call('reviews.importFile', { file: old });
    expect(await call('reviews.get', { id: imported.reviewId })).toMatchObject({ kind: 'external', reviewingOrganisation: null });
    expect('reviewingOrganisation' in (await call('reviews.exportFile', { reviewId: imported.reviewId }))).toBe(false);
  });
});
