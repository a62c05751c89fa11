import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CheckedSignedReport } from '../../exchange/bundle-review-check.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { verifyPdf } from '../../reports/signing/verify-pdf.ts';
import { dumpDatabase, testBackend } from '../fixtures/backend.ts';
import { ATTACKS } from '../fixtures/pdf-attacks/corpus.ts';
import { countersignedByPoppler, whitespaceAfterEof } from '../fixtures/pdf-attacks/honest-variants.ts';
import { smallPdf } from '../fixtures/identities/identities.ts';
import { bundleOf, exampleFile, exporterIdentity } from './bundle-fixtures.ts';

/**
 * The corpus of tampered signed reports (tests/fixtures/pdf-attacks/corpus.ts) through bundle import (issue 11:
 * the same verdicts as `verify` and `reports.verify`): the review and its report signed by two reviewers are here;
 * the same exporter then sends the same review with the forged report, listing as signers exactly who the forged
 * file's certificates name (as a careful attacker would). Every forgery is refused and changes nothing; an honest
 * countersignature by an independent tool is added, and an end-of-line after %%EOF changes nothing.
 */

let exporter: SigningIdentity;
let stored: Buffer;

/** The bundle's signed report for `pdf`, its signers listed as the PDF's certificates name them. */
function reportOf(pdf: Buffer): CheckedSignedReport {
  const signers = verifyPdf(pdf).signatures.filter((s) => s.certificateFingerprint !== null)
    .map((s) => ({ name: s.signerName ?? 'nimetön', role: null, date: '2026-11-23', certificateFingerprint: s.certificateFingerprint! }));
  return { language: 'fi', pdf, sha256: createHash('sha256').update(pdf).digest('hex'), signers, createdAt: '2026-11-23T12:00:00.000Z' };
}

const bundleWith = (pdf: Buffer) => bundleOf(exporter, [{ file: exampleFile(), signedReport: reportOf(pdf) }]).toString('base64');

async function withStoredReport() {
  const b = await testBackend();
  const first = await b.call('bundles.import', { bundleBase64: bundleWith(stored) });
  expect(first.reviews.map((r) => r.outcome)).toEqual(['new']);
  return b;
}

beforeAll(async () => {
  exporter = (await exporterIdentity()).identity;
  const second = (await exporterIdentity('Mikael Sundström', 'Pirkanmaan hyvinvointialue')).identity;
  const once = await signPdf(await smallPdf(), exporter, { reason: 'Arviointiraportin hyväksyntä', name: exporter.commonName });
  stored = await signPdf(once, second, { reason: 'Arviointiraportin hyväksyntä', name: second.commonName });
}, 60_000);

describe('the PDF attack corpus through bundle import', () => {
  test.for(ATTACKS)('refused, nothing changed: $name', { timeout: 90_000 }, async (attack, { skip }) => {
    if (attack.appliesTo && !attack.appliesTo(stored)) skip('the attack needs a reserved slot left empty after the first signature');
    const b = await withStoredReport();
    const forged = await attack.make(stored);
    const before = dumpDatabase(b.dbFile);
    const inspected = await b.call('bundles.inspect', { bundleBase64: bundleWith(forged) });
    if (inspected.ok) expect(inspected.reviews.map((r) => r.outcome)).toEqual(['refused']);
    expect(await b.backend.dispatch('bundles.import', { bundleBase64: bundleWith(forged) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dumpDatabase(b.dbFile)).toEqual(before);
    b.backend.close();
  });

  test('honest: an end-of-line after %%EOF changes nothing; a countersignature by poppler is added with its certificate\'s name', { timeout: 120_000 }, async () => {
    const b = await withStoredReport();
    const before = dumpDatabase(b.dbFile);
    for (const eol of ['\n', '\r\n']) {
      expect((await b.call('bundles.import', { bundleBase64: bundleWith(whitespaceAfterEof(stored, eol)) })).reviews.map((r) => r.outcome)).toEqual(['unchanged']);
    }
    expect(dumpDatabase(b.dbFile)).toEqual(before);
    const countersigned = await countersignedByPoppler(stored);
    const report = reportOf(countersigned);
    expect(report.signers).toHaveLength(3);
    expect((await b.call('bundles.import', { bundleBase64: bundleWith(countersigned) })).reviews.map((r) => r.outcome)).toEqual(['report-added']);
    expect((await b.call('reports.get', { reviewId: 1 }))?.signers.map((s) => s.name)).toEqual(report.signers.map((s) => s.name));
    b.backend.close();
  });
});
