import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { readBundle } from '../../exchange/bundle-read.ts';
import { canonicalJson } from '../../scales/canonical-json.ts';
import { signBundleContent } from '../../exchange/bundle-sign.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { smallPdf } from '../fixtures/identities/identities.ts';
import { bundledIps25 } from '../fixtures/ratings.ts';
import { bundleOf, exampleFile, exporterIdentity, uidNumber } from './bundle-fixtures.ts';
import { mutateContent, random, type Random } from './bundle-mutations.ts';

/**
 * Thousands of generated bad bundles against the real import (bundles.import through the dispatcher, on a real
 * SQLite file): every one refused as invalid input with a problem that says what is wrong, none an internal
 * error, and the database unchanged. Two families: damaged bytes (the signature or the parse catches them) and
 * well-signed hostile content (re-signed after the change, so the deeper checks must catch it).
 */

const BYTE_MUTATIONS = 1500;
const CONTENT_MUTATIONS = 1500;
const BATCH = 100;

async function baseBundle(identity: SigningIdentity): Promise<Buffer> {
  const pdf = await signPdf(await smallPdf(), identity, { reason: 'Hyväksyntä', name: identity.commonName });
  const signedReport = {
    language: 'fi' as const, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), createdAt: '2026-11-23T12:00:00.000Z',
    signers: [{ name: identity.commonName, role: 'pääarvioija', date: '2026-11-23', certificateFingerprint: identity.certificateFingerprint }],
  };
  return bundleOf(identity, [
    { file: exampleFile(), signedReport, actionPlan: [{ item: 3, goal: 'Tiimikokoukset viikoittain', owner: 'Tiimin vetäjä', dueDate: '2027-03-31', status: 'open' }] },
    { file: exampleFile({ reviewId: uidNumber(2), siteName: 'Toinen yksikkö' }) },
  ]);
}

function byteMutation(bytes: Buffer, rand: Random): Buffer {
  const at = Math.floor(rand() * bytes.length);
  switch (Math.floor(rand() * 5)) {
    case 0: return bytes.subarray(0, at); // truncated
    case 1: { // one byte changed
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at]! + 1 + Math.floor(rand() * 255)) % 256;
      return copy;
    }
    case 2: return Buffer.concat([bytes.subarray(0, at), Buffer.from([Math.floor(rand() * 256)]), bytes.subarray(at)]); // a byte inserted
    case 3: return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + Math.floor(rand() * 64))]); // bytes removed
    default: { // two spans swapped
      const length = 1 + Math.floor(rand() * 16);
      const other = Math.floor(rand() * (bytes.length - length));
      const copy = Buffer.from(bytes);
      bytes.copy(copy, at, other, Math.min(other + length, bytes.length));
      return copy.equals(bytes) ? bytes.subarray(1) : copy;
    }
  }
}

function sameJson(bytes: Buffer, canonical: string): boolean {
  try {
    return canonicalJson(JSON.parse(bytes.toString('utf8'))) === canonical;
  } catch {
    return false;
  }
}

describe('the bundle importer under thousands of bad bundles', () => {
  test('refuses each with a specific problem, never fails internally, and changes nothing', { timeout: 180_000 }, async () => {
    const { identity } = await exporterIdentity();
    const material = signerMaterialOf(identity);
    const base = await baseBundle(identity);
    const { registry } = bundledIps25();
    expect(readBundle(base, registry).ok).toBe(true);

    const b = await testBackend();
    // Something to collide with: the base bundle's second review is already here.
    await b.call('bundles.import', { bundleBase64: bundleOf(identity, [{ file: exampleFile({ reviewId: uidNumber(2), siteName: 'Toinen yksikkö' }) }]).toString('base64') });
    let before = dumpDatabase(b.dbFile);

    const rand = random(20261123);
    const codes = new Map<string, number>();
    const baseJson = JSON.parse(base.toString('utf8'));
    const baseCanonical = canonicalJson(baseJson);
    for (let n = 0; n < BYTE_MUTATIONS + CONTENT_MUTATIONS; n++) {
      let bytes: Buffer;
      let described: string;
      if (n < BYTE_MUTATIONS) {
        bytes = byteMutation(base, rand);
        described = `byte mutation #${n}`;
      } else {
        const bundle = structuredClone(baseJson);
        const { what, resign } = mutateContent(bundle, rand);
        if (resign) bundle.signature = signBundleContent(bundle.content, material);
        bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
        described = `content mutation #${n}: ${what}`;
      }
      // Whitespace between tokens is no change: the same bundle, which must (and does) import. Only an inserted
      // byte can be that (the base is compact JSON), so only then is the JSON compared.
      if (bytes.equals(base) || (bytes.length === base.length + 1 && sameJson(bytes, baseCanonical))) continue;
      const response = await b.backend.dispatch('bundles.import', { bundleBase64: bytes.toString('base64') });
      expect(response.ok, `${described} was accepted`).toBe(false);
      if (response.ok) continue;
      expect(response.error.code, `${described}: ${JSON.stringify(response.error).slice(0, 300)}`).toBe('invalid-input');
      const issues = response.error.details?.issues ?? [];
      expect(issues.length, described).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.message.length, `${described}: ${issue.code}`).toBeGreaterThan(5);
      expect(JSON.stringify(response.error)).not.toMatch(/\n\s+at |node_modules/);
      codes.set(issues[0]!.code, (codes.get(issues[0]!.code) ?? 0) + 1);
      if (n % BATCH === BATCH - 1) {
        expect(dumpDatabase(b.dbFile), `a refused bundle before ${described} changed the database`).toEqual(before);
        before = dumpDatabase(b.dbFile);
      }
    }
    expect(dumpDatabase(b.dbFile)).toEqual(before);
    // The generator reached the deep checks, not only the signature and the parser.
    for (const code of ['signature-invalid', 'not-json', 'schema-invalid-type', 'scale-hash-mismatch', 'scale-conflict', 'review-duplicate', 'unknown-bundle-format', 'too-deep', 'schema-too-big']) {
      expect(codes.get(code) ?? 0, `no bundle was refused for ${code}: ${JSON.stringify([...codes])}`).toBeGreaterThan(0);
    }
    expect(codes.size).toBeGreaterThan(15);
  });
});
