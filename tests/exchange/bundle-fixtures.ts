import BetterSqlite3 from 'better-sqlite3';
import { openBackend } from '../../electron/backend/backend.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { contentHash } from '../../scales/canonical-json.ts';
import { writeBundle, type BundleReviewEntry } from '../../exchange/bundle-write.ts';
import type { BundledReviewFile } from '../../exchange/bundle-review-check.ts';
import { tempDbFile, testBackend } from '../fixtures/backend.ts';
import { PASSPHRASE, testIdentity } from '../fixtures/identities/identities.ts';
import { readExample } from '../fixtures/ratings.ts';
import { bundledScaleJson, scaleDir } from '../fixtures/scale-files.ts';

export const STORAGE_PASSPHRASE = 'vientisalasana-2026';
export const EXAMPLE_UID = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

/** The bundled IPS-25 1.0.0 file and its hash, as a bundle carries it. */
export function ips25() {
  const json = bundledScaleJson();
  return { json, contentHash: contentHash(json) };
}

/** examples/full-review.json as a bundled review file: with its scale's hash, and optionally another id and site. */
export function exampleFile(changes: { reviewId?: string; siteName?: string; revision?: number } = {}): BundledReviewFile {
  const file = readExample('full-review.json') as BundledReviewFile;
  return {
    ...file,
    reviewId: changes.reviewId ?? file.reviewId,
    revision: changes.revision ?? file.revision,
    scale: { ...file.scale, contentHash: ips25().contentHash },
    site: { ...file.site, ...(changes.siteName ? { name: changes.siteName } : {}) },
  };
}

/** A signed bundle of `reviews` (default: the example review) with the IPS-25 text. */
export function bundleOf(identity: SigningIdentity, reviews: BundleReviewEntry[] = [{ file: exampleFile() }], scales: unknown[] = [ips25().json]): Buffer {
  return writeBundle({ createdAt: new Date().toISOString(), reviews, scales }, identity);
}

/** A uuid numbered n, for generated reviews. */
export const uidNumber = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

/** Valid from the start of 2026, so that it covers the test backends' frozen clock (2026-11-23) as well as now. */
export async function exporterIdentity(name = 'Aino Laaksonen', organisation = 'Pirkanmaan hyvinvointialue') {
  return testIdentity(name, { organisation, notBefore: new Date(Date.UTC(2026, 0, 1)), validDays: 1000 });
}

/** A test backend with a stored identity (passphrase-protected) made from `p12`. */
export async function backendWithIdentity(p12: Buffer, dbFile = tempDbFile()) {
  const backend = await testBackend(dbFile);
  const identity = await backend.call('identities.import', {
    p12Base64: p12.toString('base64'), p12Passphrase: PASSPHRASE, protection: 'passphrase', storagePassphrase: STORAGE_PASSPHRASE,
  });
  return { ...backend, identityId: identity.id };
}

/** A variant of IPS-25 as version 1.0.1 (a scale text the importer lacks), in a scale folder. */
export function scaleVariant() {
  // 1.0.1: a version no shipped scale file has (1.1.0 is shipped since the second edition of our text).
  const json = { ...bundledScaleJson(), version: '1.0.1', edition: '2008, tarkistettu' };
  return { json, contentHash: contentHash(json), dir: scaleDir({ 'ips-25-1.0.1.json': json }) };
}

/** A real backend that also loads the scale files in `scaleDirs`. */
export async function backendWithScales(scaleDirs: string[], dbFile = tempDbFile()) {
  let tick = 0;
  const backend = await openBackend({
    dbFile, actor: 'tester', scaleDirs, log: () => {},
    now: () => new Date(Date.UTC(2026, 10, 23, 12, 0, tick++)),
  });
  async function call(name: Parameters<typeof backend.dispatch>[0], input: unknown): Promise<any> {
    const response = await backend.dispatch(name, input);
    if (!response.ok) throw new Error(`${String(name)} failed: ${JSON.stringify(response.error)}`);
    return response.output;
  }
  return { backend, call, dbFile };
}

/** The rows an SQL query reads from a closed test database (read-only). */
export function rows(dbFile: string, sql: string): unknown[] {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/**
 * IPS-25 as version 9.9.9 with the band limits moved down (a total of 73 is "good" under it, "poor" under the
 * shipped 1.0.0), in a bundle with the example review scored under it: the scale attack of issue 11.
 */
export function bundleWithMovedBands(identity: SigningIdentity, ratings: BundledReviewFile['ratings'], reviewId?: string): Buffer {
  const moved = bundledScaleJson();
  moved.version = '9.9.9';
  moved.scoring.bands = [
    { ...moved.scoring.bands[0], min: 25, max: 49 }, { ...moved.scoring.bands[1], min: 50, max: 69 },
    { ...moved.scoring.bands[2], min: 70, max: 99 }, { ...moved.scoring.bands[3], min: 100, max: 125 },
  ];
  const file = { ...exampleFile(reviewId ? { reviewId, siteName: 'Toinen yksikkö' } : {}), scale: { id: 'ips-25', version: '9.9.9', contentHash: contentHash(moved) }, ratings };
  return bundleOf(identity, [{ file }], [moved]);
}
