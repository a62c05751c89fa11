import { describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { ratingsSumming } from '../fixtures/ratings.ts';
import { bundleWithMovedBands, exporterIdentity } from '../exchange/bundle-fixtures.ts';
import type { BundledReviewFile } from '../../exchange/bundle-review-check.ts';

/** A received scale version becomes the default for new reviews only when the user adopts it (scales.adopt). */
describe('adopting a scale version', () => {
  test('only scales.adopt makes a received version the default; null goes back to the shipped one; both audited', async () => {
    const { identity } = await exporterIdentity('Mallory Mäkinen', 'Hyökkääjä Oy');
    const b = await testBackend();
    await b.call('bundles.import', { bundleBase64: bundleWithMovedBands(identity, ratingsSumming(73) as BundledReviewFile['ratings']).toString('base64') });
    const site = await b.call('sites.create', { name: 'Uusi yksikkö' });
    const create = () => b.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino Laaksonen' }] });

    // settings.update does not take it: the way to a new default is scales.adopt.
    expect(await b.backend.dispatch('settings.update', { adoptedScales: { 'ips-25': '9.9.9' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await b.backend.dispatch('scales.adopt', { id: 'ips-25', version: '8.0.0' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // New reviews use the newest shipped version (1.1.0); the older shipped text can still be adopted.
    expect((await create()).scale.version).toBe('1.1.0');
    expect(await b.call('scales.adopt', { id: 'ips-25', version: '1.0.0' })).toEqual({ id: 'ips-25', defaultVersion: '1.0.0', adopted: true });
    expect((await create()).scale).toMatchObject({ version: '1.0.0', differsFromShipped: false });

    expect(await b.call('scales.adopt', { id: 'ips-25', version: '9.9.9' })).toEqual({ id: 'ips-25', defaultVersion: '9.9.9', adopted: true });
    expect((await b.call('settings.get', {})).adoptedScales).toEqual({ 'ips-25': '9.9.9' });
    expect((await b.call('scales.list', {})).filter((s) => s.isDefault).map((s) => s.version)).toEqual(['9.9.9']);
    expect((await create()).scale).toMatchObject({ version: '9.9.9', differsFromShipped: true });

    const before = dumpDatabase(b.dbFile).audit_log!.length;
    expect(await b.call('scales.adopt', { id: 'ips-25', version: null })).toEqual({ id: 'ips-25', defaultVersion: '1.1.0', adopted: false });
    expect((await create()).scale.version).toBe('1.1.0');
    const audit = await b.call('audit.list', { entity: 'scale', entityId: 'ips-25', limit: 5 });
    expect(audit.map((a) => [a.action, a.oldValue, a.newValue])).toEqual([['adopt-version', '9.9.9', null], ['adopt-version', '1.0.0', '9.9.9'], ['adopt-version', null, '1.0.0']]);
    expect(dumpDatabase(b.dbFile).audit_log!.length).toBeGreaterThan(before);
  });
});
