import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUNDLE_LIMITS } from '../../exchange/bundle-format.ts';
import { readBundle } from '../../exchange/bundle-read.ts';
import { nestedDeeperThan } from '../../scales/input-limits.ts';
import { signBundleContent } from '../../exchange/bundle-sign.ts';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { canonicalJson } from '../../scales/canonical-json.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { smallPdf, testIdentity } from '../fixtures/identities/identities.ts';
import { bundledIps25 } from '../fixtures/ratings.ts';
import { bundleOf, exampleFile, exporterIdentity, ips25, uidNumber } from './bundle-fixtures.ts';

let exporter: SigningIdentity;
let other: SigningIdentity;
const { registry } = bundledIps25();

beforeAll(async () => {
  [{ identity: exporter }, { identity: other }] = await Promise.all([exporterIdentity(), testIdentity('Mikael Sundström', { notBefore: new Date(Date.UTC(2026, 0, 1)), validDays: 1000 })]);
});

const read = (bytes: Uint8Array | string) => readBundle(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, registry);
const problemsOf = (bytes: Uint8Array | string) => {
  const result = read(bytes);
  if (result.ok) throw new Error('the bundle was accepted');
  return result.problems;
};
/** The bundle as JSON with `change` applied to its content, signed again by `signer` (a well-signed bad bundle). */
function resigned(change: (content: any) => void, signer: SigningIdentity = exporter): string {
  const bundle = JSON.parse(bundleOf(exporter).toString('utf8'));
  change(bundle.content);
  bundle.signature = signBundleContent(bundle.content, signerMaterialOf(signer));
  return JSON.stringify(bundle);
}

describe('a bundle written and read back', () => {
  test('checks out: exporter from the certificate, the review, the known scale not added again', () => {
    const result = read(bundleOf(exporter));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.exporter).toEqual({ name: 'Aino Laaksonen', organisation: 'Pirkanmaan hyvinvointialue', certificateFingerprint: exporter.certificateFingerprint });
    expect(result.bundle.reviews.map((r) => [r.file.reviewId, r.file.revision, r.scale.contentHash])).toEqual([[exampleFile().reviewId, 1, ips25().contentHash]]);
    expect(result.bundle.newScales).toEqual([]);
  });

  test('formatting and key order do not matter: the signature covers the canonical JSON', () => {
    const reorder = (value: unknown): unknown => Array.isArray(value) ? value.map(reorder)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)])) : value;
    expect(read(JSON.stringify(reorder(JSON.parse(bundleOf(exporter).toString('utf8'))), null, 2)).ok).toBe(true);
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bundleOf(exporter)])).ok).toBe(true);
  });

  test('a signed report travels with its review and is verified', async () => {
    const pdf = await signPdf(await smallPdf(), exporter, { reason: 'Hyväksyntä', name: exporter.commonName });
    const signers = [{ name: exporter.commonName, role: null, date: '2026-11-23', certificateFingerprint: exporter.certificateFingerprint }];
    const report = { language: 'fi' as const, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), signers, createdAt: '2026-11-23T12:00:00.000Z' };
    const good = read(bundleOf(exporter, [{ file: exampleFile(), signedReport: report }]));
    expect(good.ok && good.bundle.reviews[0]!.signedReport?.pdf.equals(pdf)).toBe(true);

    expect(problemsOf(bundleOf(exporter, [{ file: exampleFile(), signedReport: { ...report, sha256: 'a'.repeat(64) } }]))).toMatchObject([{ code: 'pdf-hash-mismatch', path: 'content.reviews[0].signedReport.sha256' }]);
    const stranger = [{ ...signers[0]!, name: 'Joku muu', certificateFingerprint: other.certificateFingerprint }];
    expect(problemsOf(bundleOf(exporter, [{ file: exampleFile(), signedReport: { ...report, signers: stranger } }]))).toMatchObject([{ code: 'pdf-signer-mismatch', path: 'content.reviews[0].signedReport.signers[0]' }]);
    const unsigned = await smallPdf();
    expect(problemsOf(bundleOf(exporter, [{ file: exampleFile(), signedReport: { ...report, pdf: unsigned, sha256: createHash('sha256').update(unsigned).digest('hex') } }]))).toMatchObject([{ code: 'pdf-signature-invalid' }]);
  });

  test('an action plan names items of the scale; /2 carries several rows per item and free rows, /1 one row per item', () => {
    const row = { item: 3, goal: 'Työhönvalmentajat osallistuvat hoitotiimin kokouksiin', status: 'open' as const };
    const fitsV1 = bundleOf(exporter, [{ file: exampleFile(), actionPlan: [row, { ...row, item: 7, owner: 'Tiimin vetäjä', dueDate: '2027-03-31', status: 'in-progress' }] }]);
    expect(JSON.parse(fitsV1.toString('utf8')).format).toBe('ips-fidelity-bundle/1');
    expect(read(fitsV1).ok).toBe(true);
    expect(problemsOf(bundleOf(exporter, [{ file: exampleFile(), actionPlan: [{ ...row, item: 26 }] }]))).toMatchObject([{ code: 'action-plan-unknown-item', path: 'content.reviews[0].actionPlan[0].item' }]);

    const free = { title: 'Yhteistyö Kelan kanssa', goal: 'Yhteinen palaveri', status: 'done' as const };
    const v2 = bundleOf(exporter, [{ file: exampleFile(), actionPlan: [row, { ...row, goal: 'Toinen toimenpide' }, free] }]);
    const v2Json = JSON.parse(v2.toString('utf8'));
    expect(v2Json.format).toBe('ips-fidelity-bundle/2');
    const readV2 = read(v2);
    if (!readV2.ok) throw new Error(JSON.stringify(readV2.problems));
    expect(readV2.bundle.reviews[0]!.actionPlan).toEqual([row, { ...row, goal: 'Toinen toimenpide' }, free]);
    // The signature covers the content only: the same content called /1 is read by /1's rules and refused.
    const asV1 = JSON.stringify({ ...v2Json, format: 'ips-fidelity-bundle/1' });
    expect(problemsOf(asV1)).toMatchObject([
      { code: 'action-plan-duplicate-item', path: 'content.reviews[0].actionPlan[1].item' },
      { code: 'action-plan-free-row', path: 'content.reviews[0].actionPlan[2].title' },
    ]);
    // A row has an item or a title, one of them.
    expect(problemsOf(resigned((c) => { c.reviews[0].actionPlan = [{ ...row, title: 'Molemmat' }]; }).replace('bundle/1', 'bundle/2'))).toMatchObject([{ path: 'content.reviews[0].actionPlan[0]' }]);
    expect(problemsOf(resigned((c) => { c.reviews[0].actionPlan = [{ goal: 'x', status: 'open' }]; }).replace('bundle/1', 'bundle/2'))).toMatchObject([{ path: 'content.reviews[0].actionPlan[0]' }]);
  });
});

describe('refused bundles say what is wrong', () => {
  test('not a bundle: empty, too large, not UTF-8, too deep, not JSON, cut short, another format', () => {
    expect(problemsOf(new Uint8Array())).toMatchObject([{ code: 'bundle-empty' }]);
    expect(problemsOf(Buffer.alloc(BUNDLE_LIMITS.maxBundleBytes + 1, 0x20))).toMatchObject([{ code: 'bundle-too-large' }]);
    expect(problemsOf(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject([{ code: 'not-utf8' }]);
    expect(problemsOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatchObject([{ code: 'too-deep' }]);
    // Well signed, but a site name with a lone surrogate: no text to store, hash or print (issue 14).
    expect(problemsOf(resigned((c) => { c.reviews[0].file.site.name = 'Kuopio \ud800'; }))).toEqual([expect.objectContaining({ code: 'not-unicode', path: 'content.reviews.0.file.site.name' })]);
    const whole = bundleOf(exporter);
    expect(problemsOf(whole.subarray(0, whole.length - 10))).toMatchObject([{ code: 'not-json', message: expect.stringContaining('cut short') }]);
    expect(problemsOf('{"format":"ips-fidelity-bundle/3","content":{}}')).toEqual([expect.objectContaining({ code: 'unknown-bundle-format', path: 'format', message: 'unknown bundle format ips-fidelity-bundle/3: this app reads /1 and /2' })]);
    expect(problemsOf('{"format":"ips-fidelity-review/1"}')).toMatchObject([{ code: 'not-a-bundle' }]);
    expect(problemsOf('[1,2,3]')).toMatchObject([{ code: 'not-a-bundle', path: '' }]);
  });

  test('the exporter must be the signing certificate, valid when the bundle was made', () => {
    expect(problemsOf(resigned(() => {}, other))).toMatchObject([{ code: 'certificate-mismatch' }, { code: 'exporter-mismatch' }]);
    expect(problemsOf(resigned((c) => { c.exporter.name = 'THL'; }))).toMatchObject([{ code: 'exporter-mismatch', path: 'content.exporter' }]);
    expect(problemsOf(resigned((c) => { c.createdAt = '2020-01-01T00:00:00.000Z'; }))).toMatchObject([{ code: 'certificate-not-valid', path: 'content.createdAt' }]);
    const swapped = JSON.parse(bundleOf(exporter).toString('utf8'));
    swapped.signature.certificate = Buffer.from('not a certificate').toString('base64');
    expect(problemsOf(JSON.stringify(swapped))).toMatchObject([{ code: 'certificate-unreadable' }]);
  });

  test('reviews: id, revision and scale hash required, each review once, its scale carried, every scale used', () => {
    expect(problemsOf(resigned((c) => { delete c.reviews[0].file.reviewId; delete c.reviews[0].file.revision; }))).toMatchObject([{ code: 'review-id-missing' }, { code: 'revision-missing' }]);
    expect(problemsOf(resigned((c) => { c.reviews.push(c.reviews[0]); }))).toMatchObject([{ code: 'review-duplicate', path: 'content.reviews[1].file.reviewId' }]);
    expect(problemsOf(resigned((c) => { c.reviews[0].file.scale.version = '9.9.9'; }))).toMatchObject([{ code: 'scale-missing', path: 'content.reviews[0].file.scale' }]);
    expect(problemsOf(resigned((c) => { c.scales.push(c.scales[0]); }))).toMatchObject([{ code: 'scale-duplicate', path: 'content.scales[1]' }]);
    expect(problemsOf(resigned((c) => { c.scales.push({ ...c.scales[0], version: '2.0.0' }); }))).toMatchObject([{ code: 'scale-unused', path: 'content.scales[1]' }]);
    expect(problemsOf(resigned((c) => { c.reviews[0].file.ratings[0].score = 9; }))).toMatchObject([{ code: 'score-out-of-range', path: 'content.reviews[0].file.ratings[0].score' }]);
    expect(problemsOf(resigned((c) => { c.scales[0] = { ...c.scales[0], version: '1.2.0', items: [] }; c.reviews[0].file.scale.version = '1.2.0'; }))[0]).toMatchObject({ path: expect.stringMatching(/^content\.scales\[0\]\.items/) });
    expect(problemsOf(resigned((c) => { c.reviews = Array.from({ length: 1001 }, (_, i) => ({ file: { ...c.reviews[0].file, reviewId: uidNumber(i) } })); }))).toMatchObject([{ code: 'schema-too-big', path: 'content.reviews' }]);
  });

  test('unknown fields, even "__proto__", are refused in the signed parts', () => {
    expect(problemsOf(resigned((c) => { c.extra = 1; }))).toMatchObject([{ code: 'schema-unrecognized-keys', path: 'content' }]);
    const text = resigned(() => {}).replace('"content":{', '"content":{"__proto__":{"x":1},');
    expect(problemsOf(text)[0]!.code).toMatch(/signature-invalid|schema-unrecognized-keys/);
  });
});

test('canonical JSON with the scales worked out beforehand is the same text', () => {
  const content = JSON.parse(bundleOf(exporter).toString('utf8')).content;
  expect(canonicalJson(content, new Map([[content.scales[0], canonicalJson(content.scales[0])]]))).toBe(canonicalJson(content));
  expect(canonicalJson({ b: [1, 'ä', null, { d: undefined, c: true }], a: -0.5 })).toBe('{"a":-0.5,"b":[1,"ä",null,{"c":true}]}');
});

test('nesting depth is measured outside strings only', () => {
  expect(nestedDeeperThan('{"a":"[[[[[[[[[[","b":"\\"[[[[["}', 3)).toBe(false);
  expect(nestedDeeperThan('[[[[1]]]]', 3)).toBe(true);
  // An escaped backslash ends right before the closing quote: the string ends there; depth 4 follows.
  expect(nestedDeeperThan('[[["\\\\"],[[1]]]]', 3)).toBe(true);
  expect(nestedDeeperThan('[[["\\\\"],[[1]]]]', 4)).toBe(false);
  expect(nestedDeeperThan('"unterminated [[[[', 1)).toBe(false);
});
