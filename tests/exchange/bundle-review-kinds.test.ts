import { beforeAll, describe, expect, test } from 'vitest';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { testBackend } from '../fixtures/backend.ts';
import { readExample } from '../fixtures/ratings.ts';
import { backendWithIdentity, EXAMPLE_UID, exporterIdentity, STORAGE_PASSPHRASE } from './bundle-fixtures.ts';

/** Issue 13: a peer review and its reviewing organisation travel in a bundle, new and as a replaced revision. */
let exporter: { p12: Buffer; identity: SigningIdentity };
beforeAll(async () => {
  exporter = await exporterIdentity();
});

describe('bundles carry the review kind and the reviewing organisation', () => {
  test('a peer review arrives as a peer review with its organisation, and keeps them when a newer revision replaces it', async () => {
    const a = await backendWithIdentity(exporter.p12);
    const file = { ...(readExample('full-review.json') as object), kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi', status: 'consensus' };
    const { reviewId } = await a.call('reviews.importFile', { file });
    const exportAll = () => a.call('bundles.export', { all: true, identityId: a.identityId, storagePassphrase: STORAGE_PASSPHRASE });

    const b = await testBackend();
    const imported = await b.call('bundles.import', { bundleBase64: (await exportAll()).bundleBase64 });
    const bReviewId = imported.reviews[0]!.reviewId!;
    expect(await b.call('reviews.get', { id: bReviewId })).toMatchObject({ kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi' });

    await a.call('consensus.set', { reviewId, item: 3, score: 1, justification: null });
    const replaced = await b.call('bundles.import', { bundleBase64: (await exportAll()).bundleBase64, replace: [EXAMPLE_UID] });
    expect(replaced.reviews[0]).toMatchObject({ outcome: 'replaced', reviewId: bReviewId });
    expect(await b.call('reviews.get', { id: bReviewId })).toMatchObject({ kind: 'peer', reviewingOrganisation: 'Tampereen IPS-tiimi', revision: 2 });
    expect(await b.call('reviews.exportFile', { reviewId: bReviewId })).toEqual(await a.call('reviews.exportFile', { reviewId }));
  });
});
