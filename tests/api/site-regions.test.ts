import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { readExample } from '../fixtures/ratings.ts';

const backends: Awaited<ReturnType<typeof testBackend>>[] = [];
async function backend() {
  const t = await testBackend();
  backends.push(t);
  return t;
}
afterEach(() => {
  for (const t of backends.splice(0)) {
    t.backend.close();
    rmSync(dirname(t.dbFile), { recursive: true, force: true });
  }
});

describe('sites: region by code from the list', () => {
  test('a site takes a listed region by its code and shows its official Finnish name', async () => {
    const { call } = await backend();
    const site = await call('sites.create', { name: 'Tampereen IPS', regionCode: '08' });
    expect(site.region).toMatchObject({ code: '08', name: 'Pirkanmaan hyvinvointialue' });
    const moved = await call('sites.update', { id: site.id, changes: { regionCode: '91' } });
    expect(moved.region).toMatchObject({ code: '91', name: 'Ahvenanmaa' });
    expect((await call('sites.update', { id: site.id, changes: { regionCode: null } })).region).toBeNull();
    // The audit log keeps each change with both codes.
    const audit = await call('audit.list', { entity: 'site', entityId: String(site.id) });
    expect(audit[1]).toMatchObject({ action: 'update', oldValue: { region: { code: '08' } }, newValue: { region: { code: '91' } } });
  });

  test.each([
    ['an unknown code', { regionCode: '22' }, 'regionCode'],
    ['a code without its leading zero', { regionCode: '8' }, 'regionCode'],
    ['a name instead of a code', { regionCode: 'Pirkanmaa' }, 'regionCode'],
    ['the free-text field of earlier versions', { regionName: 'Pirkanmaa' }, ''],
  ])('%s is refused with a clear error and nothing is written', async (_case, fields, path) => {
    const { backend: api, call, dbFile } = await backend();
    const site = await call('sites.create', { name: 'Kuopion IPS', regionCode: '13' });
    const before = dumpDatabase(dbFile);
    const created = await api.dispatch('sites.create', { name: 'Uusi', ...fields });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [expect.objectContaining({ path })] } } });
    const updated = await api.dispatch('sites.update', { id: site.id, changes: fields });
    expect(updated).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dumpDatabase(dbFile)).toEqual(before);
  });

  test('the region list names all 23 regions by code', async () => {
    const { call } = await backend();
    const regions = await call('regions.list', {});
    expect(regions.map((r) => r.code)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '90', '91']);
    expect(regions.find((r) => r.code === '90')?.name).toBe('Helsingin kaupunki');
  });
});

describe('sites: collaboration model 1, 2 or "other" with a note', () => {
  test('"other" is stored with its note; a numbered model drops the note', async () => {
    const { call } = await backend();
    const site = await call('sites.create', { name: 'Oulun IPS', regionCode: '19', collaborationModel: 'other', collaborationNote: ' Yhteinen tiimi kunnan kanssa ' });
    expect(site).toMatchObject({ collaborationModel: 'other', collaborationNote: 'Yhteinen tiimi kunnan kanssa' });
    const renamed = await call('sites.update', { id: site.id, changes: { collaborationNote: 'Kolmen toimijan tiimi' } });
    expect(renamed).toMatchObject({ collaborationModel: 'other', collaborationNote: 'Kolmen toimijan tiimi' });
    const numbered = await call('sites.update', { id: site.id, changes: { collaborationModel: 1 } });
    expect(numbered).toMatchObject({ collaborationModel: 1, collaborationNote: null });
  });

  test('"other" without a note, or a note with another model, is refused and nothing changes', async () => {
    const { backend: api, call, dbFile } = await backend();
    const site = await call('sites.create', { name: 'Kajaanin IPS', collaborationModel: 2 });
    const before = dumpDatabase(dbFile);
    const refused = [
      await api.dispatch('sites.create', { name: 'X', collaborationModel: 'other' }),
      await api.dispatch('sites.create', { name: 'X', collaborationModel: 'other', collaborationNote: '   ' }),
      await api.dispatch('sites.create', { name: 'X', collaborationModel: 1, collaborationNote: 'Muu' }),
      await api.dispatch('sites.create', { name: 'X', collaborationModel: 3 }),
      await api.dispatch('sites.update', { id: site.id, changes: { collaborationModel: 'other' } }),
      await api.dispatch('sites.update', { id: site.id, changes: { collaborationNote: 'Muu' } }),
    ];
    for (const response of refused) expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [expect.anything()] } } });
    expect(refused.slice(0, 3).map((r) => !r.ok && r.error.details?.issues?.[0]?.path)).toEqual(['collaborationNote', 'collaborationNote', 'collaborationNote']);
    expect(dumpDatabase(dbFile)).toEqual(before);
  });
});

describe('review files carry the region as its code', () => {
  test('an export writes the code and the other model; a file from an older app is matched by name or flagged', async () => {
    const { call } = await backend();
    const site = await call('sites.create', { name: 'Porin IPS', regionCode: '06', collaborationModel: 'other', collaborationNote: 'Kunta ja hyvinvointialue yhdessä' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-20'], reviewers: [{ name: 'Sanna' }] });
    const exported = await call('reviews.exportFile', { reviewId: review.id }) as { site: Record<string, unknown> };
    expect(exported.site).toEqual({ name: 'Porin IPS', region: 'Satakunnan hyvinvointialue', regionCode: '06', collaborationOther: 'Kunta ja hyvinvointialue yhdessä' });

    // Another machine: the site arrives with its listed region and its model.
    const other = await backend();
    const imported = await other.call('reviews.importFile', { file: exported });
    const there = await other.call('sites.get', { id: imported.siteId });
    expect(there).toMatchObject({ region: { code: '06' }, collaborationModel: 'other', collaborationNote: 'Kunta ja hyvinvointialue yhdessä' });

    // Files written before the list named regions freely: a known name lands on the listed region…
    const original = readExample('full-review.json') as { site: Record<string, unknown>; reviewId: string };
    const { regionCode: _code, ...oldSite } = original.site;
    const fromOldApp = await other.call('reviews.importFile', { file: { ...original, site: { ...oldSite, region: 'Pirkanmaa' } } });
    expect((await other.call('sites.get', { id: fromOldApp.siteId })).region).toMatchObject({ code: '08', name: 'Pirkanmaan hyvinvointialue' });
    // …and re-importing the same review written with the code is the same review, unchanged.
    expect(await other.call('reviews.importFile', { file: original })).toMatchObject({ created: false, reviewId: fromOldApp.reviewId });

    // An unknown name is kept and flagged (code null) for the user to map.
    const unknown = { ...original, reviewId: '00000000-0000-4000-8000-0000000000aa', site: { ...oldSite, name: 'Vantaan IPS', region: 'HUS' } };
    const flagged = await other.call('reviews.importFile', { file: unknown });
    expect((await other.call('sites.get', { id: flagged.siteId })).region).toMatchObject({ code: null, name: 'HUS' });
  });

  test('a file giving both a numbered model and "other", or an unknown region code, is refused', async () => {
    const { backend: api } = await backend();
    const original = readExample('full-review.json') as { site: Record<string, unknown> };
    const both = await api.dispatch('reviews.importFile', { file: { ...original, site: { ...original.site, collaborationOther: 'Muu' } } });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-review-file' } });
    const badCode = await api.dispatch('reviews.importFile', { file: { ...original, site: { ...original.site, regionCode: '99' } } });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'invalid-review-file' } });
  });
});
