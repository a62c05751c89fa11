import { beforeAll, describe, expect, test } from 'vitest';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { readExample } from '../fixtures/ratings.ts';
import {
  backendWithIdentity, backendWithScales, bundleOf, EXAMPLE_UID, exampleFile, exporterIdentity, ips25, rows, scaleVariant, STORAGE_PASSPHRASE,
} from './bundle-fixtures.ts';

let exporter: { p12: Buffer; identity: SigningIdentity };
beforeAll(async () => {
  exporter = await exporterIdentity();
});


describe('bundles between two databases', () => {
  test('export, import, the same totals; the same bundle twice changes nothing', async () => {
    const a = await backendWithIdentity(exporter.p12);
    const { reviewId } = await a.call('reviews.importFile', { file: readExample('full-review.json') });
    const exported = await a.call('bundles.export', { all: true, identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE });
    expect(exported).toMatchObject({ reviewCount: 1, revisionsRaised: 0, fileName: 'Järvenrannan-IPS-työhönvalmennus-2026-11-23.ipsreview' });

    const b = await testBackend();
    const inspected = await b.call('bundles.inspect', { bundleBase64: exported.bundleBase64 });
    expect(inspected).toMatchObject({
      ok: true,
      exporter: { name: 'Aino Laaksonen', organisation: 'Pirkanmaan hyvinvointialue', certificateFingerprint: exporter.identity.certificateFingerprint },
      reviews: [{ reviewUid: EXAMPLE_UID, outcome: 'new', revision: 1, localRevision: null, siteName: 'Järvenrannan IPS-työhönvalmennus' }],
      scalesToAdd: [],
    });
    const imported = await b.call('bundles.import', { bundleBase64: exported.bundleBase64 });
    expect(imported.reviews).toMatchObject([{ outcome: 'new', reviewUid: EXAMPLE_UID }]);
    const bReviewId = imported.reviews[0]!.reviewId!;
    expect(await b.call('scoring.summary', { reviewId: bReviewId })).toEqual(await a.call('scoring.summary', { reviewId }));
    expect(await b.call('reviews.exportFile', { reviewId: bReviewId })).toEqual(await a.call('reviews.exportFile', { reviewId }));

    const before = dumpDatabase(b.dbFile);
    const again = await b.call('bundles.import', { bundleBase64: exported.bundleBase64 });
    expect(again.reviews.map((r) => r.outcome)).toEqual(['unchanged']);
    expect(dumpDatabase(b.dbFile)).toEqual(before);
    // Exporting the unchanged review again gives the same revision, and its import again changes nothing.
    const second = await a.call('bundles.export', { reviewIds: [reviewId], identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE });
    expect(second.revisionsRaised).toBe(0);
    await b.call('bundles.import', { bundleBase64: second.bundleBase64 });
    expect(dumpDatabase(b.dbFile)).toEqual(before);
  });

  test('a changed review goes out as its next revision; replacing it needs confirmation and keeps the old one', async () => {
    const a = await backendWithIdentity(exporter.p12);
    const { reviewId } = await a.call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: 'consensus' } });
    const exportAll = () => a.call('bundles.export', { siteId: 1, identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE });
    const first = await exportAll();
    const b = await testBackend();
    const bReviewId = (await b.call('bundles.import', { bundleBase64: first.bundleBase64 })).reviews[0]!.reviewId!;

    await a.call('consensus.set', { reviewId, item: 3, score: 1, justification: null });
    const second = await exportAll();
    expect(second.revisionsRaised).toBe(1);
    expect((await a.call('reviews.exportFile', { reviewId })).revision).toBe(2);
    expect((await exportAll()).revisionsRaised).toBe(0);

    const inspected = await b.call('bundles.inspect', { bundleBase64: second.bundleBase64 });
    expect(inspected).toMatchObject({ ok: true, reviews: [{ outcome: 'newer', revision: 2, localRevision: 1 }] });
    const before = dumpDatabase(b.dbFile);
    const skipped = await b.call('bundles.import', { bundleBase64: second.bundleBase64 });
    expect(skipped.reviews[0]!.outcome).toBe('skipped');
    expect(dumpDatabase(b.dbFile)).toEqual(before);

    const oldFile = await b.call('reviews.exportFile', { reviewId: bReviewId });
    const replaced = await b.call('bundles.import', { bundleBase64: second.bundleBase64, replace: [EXAMPLE_UID] });
    expect(replaced.reviews[0]).toMatchObject({ outcome: 'replaced', reviewId: bReviewId });
    expect(await b.call('scoring.summary', { reviewId: bReviewId })).toEqual(await a.call('scoring.summary', { reviewId }));
    const history = rows(b.dbFile, 'SELECT review_id, revision, file FROM review_revisions') as { review_id: number; revision: number; file: string }[];
    expect(history.map((h) => [h.review_id, h.revision])).toEqual([[bReviewId, 1]]);
    expect(JSON.parse(history[0]!.file)).toEqual(oldFile);
    expect((await b.call('audit.list', { entity: 'review', entityId: String(bReviewId), limit: 5 }))[0]).toMatchObject({ action: 'replace-from-bundle', oldValue: { revision: 1 } });

    // The older revision again: kept as it is here.
    const beforeOld = dumpDatabase(b.dbFile);
    expect((await b.call('bundles.import', { bundleBase64: first.bundleBase64 })).reviews[0]!.outcome).toBe('older');
    expect(dumpDatabase(b.dbFile)).toEqual(beforeOld);
  });

  test('a tampered byte: the signature is refused and nothing changes', async () => {
    const bytes = bundleOf(exporter.identity);
    const text = bytes.toString('utf8');
    const at = text.indexOf('"score":4');
    const tampered = Buffer.from(`${text.slice(0, at)}"score":5${text.slice(at + 9)}`, 'utf8');
    const b = await testBackend();
    const before = dumpDatabase(b.dbFile);
    expect(await b.call('bundles.inspect', { bundleBase64: tampered.toString('base64') })).toEqual({
      ok: false, problems: [{ path: 'signature.value', code: 'signature-invalid', message: expect.stringContaining('changed after it was signed') }],
    });
    expect(await b.backend.dispatch('bundles.import', { bundleBase64: tampered.toString('base64') })).toMatchObject({
      ok: false, error: { code: 'invalid-input', details: { reason: 'invalid-bundle', issues: [{ code: 'signature-invalid' }] } },
    });
    expect(dumpDatabase(b.dbFile)).toEqual(before);
    expect((await b.call('bundles.import', { bundleBase64: bytes.toString('base64') })).reviews[0]!.outcome).toBe('new');
  });

  test('a scale version the importer lacks is added from the bundle; the review scores as for its author, also after a restart', async () => {
    const variant = scaleVariant();
    const a = await backendWithScales([variant.dir]);
    const file = { ...(readExample('full-review.json') as object), scale: { id: 'ips-25', version: '1.0.1' } };
    const { reviewId } = await a.call('reviews.importFile', { file });
    const identity = await a.call('identities.import', { p12Base64: exporter.p12.toString('base64'), p12Passphrase: 'testi-salasana-123', storagePassphrase: STORAGE_PASSPHRASE });
    const exported = await a.call('bundles.export', { reviewIds: [reviewId], identityId: identity.id, storagePassphrase: STORAGE_PASSPHRASE });

    const b = await testBackend();
    expect(await b.call('bundles.inspect', { bundleBase64: exported.bundleBase64 })).toMatchObject({ ok: true, scalesToAdd: [{ id: 'ips-25', version: '1.0.1', contentHash: variant.contentHash }] });
    const imported = await b.call('bundles.import', { bundleBase64: exported.bundleBase64 });
    expect(imported.scalesAdded).toEqual([{ id: 'ips-25', version: '1.0.1', contentHash: variant.contentHash }]);
    const bReviewId = imported.reviews[0]!.reviewId!;
    expect(await b.call('scoring.review', { reviewId: bReviewId })).toEqual(await a.call('scoring.review', { reviewId }));
    expect((await b.call('scales.list', {})).map((s) => `${s.id}@${s.version}:${s.contentHash}`)).toContain(`ips-25@1.0.1:${variant.contentHash}`);
    expect(rows(b.dbFile, 'SELECT scale_id, version, content_hash FROM scale_versions')).toEqual([{ scale_id: 'ips-25', version: '1.0.1', content_hash: variant.contentHash }]);

    b.backend.close();
    const reopened = await testBackend(b.dbFile);
    expect(await reopened.call('scoring.review', { reviewId: bReviewId })).toEqual(await a.call('scoring.review', { reviewId }));
    const before = dumpDatabase(b.dbFile);
    expect((await reopened.call('bundles.import', { bundleBase64: exported.bundleBase64 })).reviews[0]!.outcome).toBe('unchanged');
    expect(dumpDatabase(b.dbFile)).toEqual(before);
    reopened.backend.close();
  });

  test('a scale whose hash does not match, or another text under a version the importer has, is refused', async () => {
    const b = await testBackend();
    const before = dumpDatabase(b.dbFile);
    const wrongHash = { ...exampleFile(), scale: { id: 'ips-25', version: '1.0.0', contentHash: `sha256:${'0'.repeat(64)}` } };
    const refusedHash = await b.call('bundles.inspect', { bundleBase64: bundleOf(exporter.identity, [{ file: wrongHash }]).toString('base64') });
    expect(refusedHash).toMatchObject({ ok: false, problems: [{ code: 'scale-hash-mismatch', path: 'content.reviews[0].file.scale.contentHash' }] });

    const otherText = { ...ips25().json, edition: 'muokattu' };
    const refusedText = await b.call('bundles.inspect', { bundleBase64: bundleOf(exporter.identity, [{ file: exampleFile() }], [otherText]).toString('base64') });
    expect(refusedText).toMatchObject({ ok: false, problems: [{ code: 'scale-conflict', path: 'content.scales[0]' }] });
    expect(dumpDatabase(b.dbFile)).toEqual(before);
  });

  test('replace must name reviews of the bundle; export checks the selection and the passphrase', async () => {
    const a = await backendWithIdentity(exporter.p12);
    const bundle = bundleOf(exporter.identity).toString('base64');
    expect(await a.backend.dispatch('bundles.import', { bundleBase64: bundle, replace: ['00000000-0000-4000-8000-000000000999'] })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ code: 'not-in-bundle' }] } } });
    expect(await a.backend.dispatch('bundles.export', { all: true, identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'nothing-to-export' } } });
    await a.call('reviews.importFile', { file: readExample('full-review.json') });
    expect(await a.backend.dispatch('bundles.export', { all: true, siteId: 1, identityId: a.identityId })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await a.backend.dispatch('bundles.export', { all: true, identityId: a.identityId, storagePassphrase: 'väärä-salasana' })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'storagePassphrase', code: 'wrong-storage-secret' }] } } });
    expect(await a.backend.dispatch('bundles.export', { all: true, identityId: a.identityId })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { issues: [{ path: 'storagePassphrase', code: 'required' }] } } });
  });
});
