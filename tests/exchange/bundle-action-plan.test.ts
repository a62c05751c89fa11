import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { testBackend } from '../fixtures/backend.ts';
import { readExample } from '../fixtures/ratings.ts';
import { backendWithIdentity, bundleOf, exampleFile, exporterIdentity, STORAGE_PASSPHRASE } from './bundle-fixtures.ts';

let exporter: { p12: Buffer; identity: SigningIdentity };
beforeAll(async () => {
  exporter = await exporterIdentity();
});

type Backend = Awaited<ReturnType<typeof testBackend>>;
const opened: Backend[] = [];
/** Closed and their temporary folders removed after each test. */
const kept = <B extends Backend>(b: B): B => {
  opened.push(b);
  return b;
};
afterEach(() => {
  for (const b of opened.splice(0)) {
    b.backend.close();
    rmSync(dirname(b.dbFile), { recursive: true, force: true });
  }
});
const planOf = async (b: Backend, reviewId: number) =>
  (await b.call('actionPlan.get', { reviewId })).rows.map((r) => ({ item: r.item, freeTitle: r.freeTitle, goal: r.goal, owner: r.owner, dueDate: r.dueDate, status: r.status, notes: r.notes }));
const formatOf = (base64: string) => (JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as { format: string }).format;

describe('action plans in review bundles (issue 13)', () => {
  test('several rows per item and free rows travel as format /2 and arrive as they were', async () => {
    const a = kept(await backendWithIdentity(exporter.p12));
    const { reviewId } = await a.call('reviews.importFile', { file: readExample('full-review.json') });
    const first = await a.call('actionPlan.addRow', { reviewId, item: 3, goal: 'Työhönvalmentajat hoitotiimin kokouksiin' });
    await a.call('actionPlan.update', { id: first.id, owner: 'Hanna Korhonen', dueDate: '2027-02-28', status: 'in-progress', notes: 'Seuranta kuukausittain' });
    await a.call('actionPlan.addRow', { reviewId, item: 3, goal: 'Yhteinen asiakaslista' });
    await a.call('actionPlan.addRow', { reviewId, item: 22, goal: 'Kohta, jossa pisteet ovat hyvät' });
    const free = await a.call('actionPlan.addRow', { reviewId, freeTitle: 'Yhteistyö Kelan kanssa', goal: 'Yhteinen palaveri' });
    await a.call('actionPlan.update', { id: free.id, status: 'done' });
    const sent = await planOf(a, reviewId);

    const exported = await a.call('bundles.export', { reviewIds: [reviewId], identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE });
    expect(formatOf(exported.bundleBase64)).toBe('ips-fidelity-bundle/2');
    const b = kept(await testBackend());
    const inspected = await b.call('bundles.inspect', { bundleBase64: exported.bundleBase64 });
    expect(inspected).toMatchObject({ ok: true, reviews: [{ outcome: 'new', actionPlanRows: 4 }] });
    const imported = await b.call('bundles.import', { bundleBase64: exported.bundleBase64 });
    expect(await planOf(b, imported.reviews[0]!.reviewId!)).toEqual(sent);
    expect(sent.map((r) => [r.item, r.freeTitle])).toEqual([[3, null], [3, null], [22, null], [null, 'Yhteistyö Kelan kanssa']]);
  });

  test('a plan with one row per item goes out as /1; an old /1 bundle imports with its plan', async () => {
    const a = kept(await backendWithIdentity(exporter.p12));
    const { reviewId } = await a.call('reviews.importFile', { file: readExample('full-review.json') });
    await a.call('actionPlan.addRow', { reviewId, item: 5, goal: 'Yksi rivi' });
    const exported = await a.call('bundles.export', { reviewIds: [reviewId], identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE });
    expect(formatOf(exported.bundleBase64)).toBe('ips-fidelity-bundle/1');

    const old = bundleOf(exporter.identity, [{ file: exampleFile(), actionPlan: [{ item: 7, goal: 'Vanhan paketin tavoite', owner: 'Tiimin vetäjä', status: 'open' }] }]);
    expect(formatOf(old.toString('base64'))).toBe('ips-fidelity-bundle/1');
    const b = kept(await testBackend());
    const imported = await b.call('bundles.import', { bundleBase64: old.toString('base64') });
    expect(await planOf(b, imported.reviews[0]!.reviewId!)).toEqual([
      { item: 7, freeTitle: null, goal: 'Vanhan paketin tavoite', owner: 'Tiimin vetäjä', dueDate: null, status: 'open', notes: null },
    ]);
  });
});
