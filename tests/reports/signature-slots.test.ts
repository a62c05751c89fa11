import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPdfFile, type PdfFile } from '../../reports/pdf-reader/pdf-file.ts';
import { canonicalPdf, pdfText, type PdfDict, type PdfValue } from '../../reports/pdf-reader/pdf-syntax.ts';
import { renderReviewReport } from '../../reports/report-from-review.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { signingTimeText } from '../../reports/signing/signature-appearance.ts';
import { signPdf, type SignatureMeta } from '../../reports/signing/sign-pdf.ts';
import { loadScaleRegistry } from '../../scales/scale-registry.ts';
import { pdfsig, PASSPHRASE, tempDir, testIdentity } from '../fixtures/identities/identities.ts';
import { signWithPoppler } from '../fixtures/identities/independent-signer.ts';
import { pdffonts, pdfinfo, pdftotextLayout, qpdfCheck, wordBoxes, writeTempPdf, type WordBox } from './report-pdf-tools.ts';

/**
 * The signature page reserves a field per expected signer (the review's reviewers) and shows no signature; each
 * signature's visible block is its own widget's appearance, added in its own update. Checked with poppler and qpdf.
 */
const { registry } = loadScaleRegistry();
const review = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/full-review.json'), 'utf8')) as unknown;
/** The last page (set once the report is rendered). */
let SIGNATURE_PAGE = 0;
// The review's reviewers: Aino Laaksonen (pääarvioija) and Mikael Sundström (vertaisarvioija).
let aino: { p12: Buffer; identity: SigningIdentity };
let mikael: { p12: Buffer; identity: SigningIdentity };
let unsigned: Buffer;
let once: Buffer;
let twice: Buffer;
const signingTime = new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000);
const meta = (identity: SigningIdentity, extra: Partial<SignatureMeta> = {}): SignatureMeta =>
  ({ reason: 'Arviointiraportin hyväksyntä', name: identity.commonName, signingTime, timeZone: 'Europe/Helsinki', ...extra });

beforeAll(async () => {
  const notBefore = new Date(Date.now() - 86_400_000);
  [aino, mikael] = await Promise.all([
    testIdentity('Aino Laaksonen', { role: 'pääarvioija', organisation: 'THL', notBefore }),
    testIdentity('Mikael Sundström', { role: 'vertaisarvioija', notBefore }),
  ]);
  unsigned = (await renderReviewReport(review, registry, { language: 'fi', reportDate: '2026-11-23' })).pdf;
  SIGNATURE_PAGE = pdfinfo(writeTempPdf('unsigned.pdf', unsigned)).pages;
  once = await signPdf(unsigned, aino.identity, meta(aino.identity));
  twice = await signPdf(once, mikael.identity, meta(mikael.identity));
}, 120_000);

const dict = (file: PdfFile, value: PdfValue | undefined, revision?: number): PdfDict => file.dict(value, revision)!;
const items = (file: PdfFile, value: PdfValue | undefined): PdfValue[] => {
  const resolved = file.resolve(value);
  return resolved?.kind === 'array' ? resolved.items : [];
};
const fieldsOf = (file: PdfFile, revision = file.last) => items(file, dict(file, file.catalog(revision)!.get('AcroForm'), revision).get('Fields'))
  .map((ref) => ({ ref: ref as { kind: 'ref'; num: number; gen: number }, dict: dict(file, ref, revision) }));
const signaturePageText = (pdf: Buffer) => pdftotextLayout(writeTempPdf('page.pdf', pdf)).split('\f')[SIGNATURE_PAGE - 1]!;
const count = (text: string, phrase: string) => text.split(phrase).length - 1;

describe('the unsigned report: expected signers and empty signature fields', () => {
  test('one empty field per reviewer: merged field/widget, /T reviewer-N, /TU "name, role", /F 4, on the signature page, no /V', () => {
    const file = readPdfFile(unsigned);
    expect(file.revisions).toHaveLength(1);
    const fields = fieldsOf(file);
    expect(fields.map((f) => [pdfText(f.dict.get('T')), pdfText(f.dict.get('TU'))])).toEqual([
      ['reviewer-1', 'Aino Laaksonen, pääarvioija'],
      ['reviewer-2', 'Mikael Sundström, vertaisarvioija'],
    ]);
    const pages = items(file, dict(file, file.catalog()!.get('Pages')).get('Kids'));
    const signaturePage = pages[SIGNATURE_PAGE - 1] as { num: number };
    for (const { ref, dict: field } of fields) {
      expect(['Type', 'Subtype', 'FT', 'F'].map((k) => canonicalPdf(field.get(k)))).toEqual(['/Annot', '/Widget', '/Sig', '4']);
      expect(field.has('V')).toBe(false);
      // PDF/A-2 wants an appearance on every annotation with an area: an empty form, which draws nothing.
      const appearance = readPdfFile(unsigned).dict(dict(readPdfFile(unsigned), field.get('AP')).get('N'));
      expect(canonicalPdf(appearance?.get('Subtype'))).toBe('/Form');
      expect(field.has('StructParent')).toBe(true);
      expect(canonicalPdf(field.get('P'))).toBe(`${signaturePage.num} 0 R`);
      expect(items(file, dict(file, signaturePage as PdfValue).get('Annots')).map(canonicalPdf)).toContain(canonicalPdf(ref));
    }
    expect(canonicalPdf(dict(file, file.catalog()!.get('AcroForm')).get('SigFlags'))).toBe('1');
    expect(file.catalog()!.has('Perms')).toBe(false);
  });

  test('the page names the expected signers and shows "awaiting signature", never a signature; qpdf finds no fault', () => {
    const page = signaturePageText(unsigned);
    expect(page).toContain('Odotettu allekirjoittaja 1');
    expect(page).toContain('Odotettu allekirjoittaja 2');
    expect(count(page, 'Odottaa allekirjoitusta')).toBe(2);
    expect(page).not.toContain('Allekirjoitettu sähköisesti');
    expect(page).not.toMatch(/Varmenteen sormenjälki \(SHA-256\)|Allekirjoitusaika|[0-9A-F]{2}(:[0-9A-F]{2}){5}/);
    expect(qpdfCheck(writeTempPdf('unsigned.pdf', unsigned)).code).toBe(0);
  });
});

describe('each signer fills their own field in their own update', () => {
  test('pdfsig: both signatures valid, in the fields reserved for them; qpdf clean; only embedded fonts; still tagged PDF/A', () => {
    const { signatures, output } = pdfsig(twice);
    expect(signatures.map((s) => [s.signerCommonName, s.validation]), output).toEqual([
      ['Aino Laaksonen', 'Signature is Valid.'],
      ['Mikael Sundström', 'Signature is Valid.'],
    ]);
    expect(output.match(/Signature Field Name: (.*)/g)).toEqual(['Signature Field Name: reviewer-1', 'Signature Field Name: reviewer-2']);
    for (const pdf of [once, twice]) {
      const file = writeTempPdf('signed.pdf', pdf);
      expect(qpdfCheck(file)).toMatchObject({ code: 0 });
      const fonts = pdffonts(file);
      expect(fonts.length).toBeGreaterThan(3);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      // The signatures are incremental updates: the tagged structure and the PDF/A identification stay as signed.
      expect(pdfinfo(file).fields).toMatchObject({ Tagged: 'yes', 'Metadata Stream': 'yes' });
      expect(pdf.toString('latin1')).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(pdf.toString('latin1')).toMatch(/\/OutputIntents/);
    }
  });

  test('cut back to the first signature, the page shows one signed block (signer 1) and signer 2 only as expected', () => {
    const file = readPdfFile(twice);
    const firstSigned = twice.subarray(0, file.revisions[1]!.end);
    expect(firstSigned.equals(once)).toBe(true);
    // pdfsig lists the still empty reviewer-2 field too, without a validation.
    expect(pdfsig(firstSigned).signatures.map((s) => s.validation).filter(Boolean)).toEqual(['Signature is Valid.']);
    const cut = signaturePageText(firstSigned);
    expect(count(cut, 'Allekirjoitettu sähköisesti')).toBe(1);
    expect(count(cut, 'Aino Laaksonen')).toBe(2); // expected signer, and the signed block
    expect(count(cut, 'Mikael Sundström')).toBe(1); // expected signer only
    expect(cut).toContain(aino.identity.certificateFingerprint.slice(0, 30));
    expect(cut).not.toContain(mikael.identity.certificateFingerprint.slice(0, 30));

    const full = signaturePageText(twice);
    expect(count(full, 'Allekirjoitettu sähköisesti')).toBe(2);
    expect(count(full, 'Mikael Sundström')).toBe(2);
    expect(full).toContain(mikael.identity.certificateFingerprint.slice(0, 30));
  });

  test('the signed block: name, role, organisation, local signing time with its offset, the SHA-256 fingerprint on two lines', () => {
    const page = signaturePageText(once);
    expect(page).toMatch(/Organisaatio\s+THL/);
    expect(page).toContain(signingTimeText(signingTime, 'fi', 'Europe/Helsinki'));
    const fingerprint = aino.identity.certificateFingerprint;
    const lines = page.split('\n').filter((l) => /[0-9A-F]{2}:[0-9A-F]{2}:/.test(l));
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => /([0-9A-F:]{20,})\s*$/.exec(l)![1]).join('')).toBe(fingerprint);
    expect(signingTimeText(new Date('2026-12-07T12:05:00Z'), 'fi', 'Europe/Helsinki')).toBe('7.12.2026 klo 14.05 UTC+2');
    expect(signingTimeText(new Date('2026-07-07T12:05:00Z'), 'en', 'Europe/Helsinki')).toBe('7 July 2026 at 15:05 GMT+3');
  });

  test('every word a signature adds lies inside its widget\'s /Rect', () => {
    const file = readPdfFile(twice);
    const rects = fieldsOf(file).map((f) => items(file, f.dict.get('Rect')).map((v) => (v as { value: number }).value));
    const before = wordBoxes(writeTempPdf('before.pdf', unsigned))[SIGNATURE_PAGE - 1]!;
    const after = wordBoxes(writeTempPdf('after.pdf', twice))[SIGNATURE_PAGE - 1]!;
    const key = (w: WordBox) => `${w.text}@${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}`;
    const old = new Set(before.words.map(key));
    const added = after.words.filter((w) => !old.has(key(w)));
    expect(added.length).toBeGreaterThan(20);
    for (const word of added) {
      const inside = rects.some(([x1, y1, x2, y2]) => word.xMin >= x1! - 0.5 && word.xMax <= x2! + 0.5
        && word.yMin >= after.height - y2! - 0.5 && word.yMax <= after.height - y1! + 0.5);
      expect(inside, `${word.text} at ${word.xMin},${word.yMin}`).toBe(true);
    }
  });

  test('the page renders (pdftoppm) with the blocks in place', () => {
    const dir = tempDir('ips-render-');
    const result = spawnSync('pdftoppm', ['-r', '50', '-png', '-f', String(SIGNATURE_PAGE), '-l', String(SIGNATURE_PAGE), writeTempPdf('twice.pdf', twice), join(dir, 'page')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(statSync(join(dir, `page-${SIGNATURE_PAGE}.png`)).size).toBeGreaterThan(5_000);
  });
});

describe('what each update writes', () => {
  const file = () => readPdfFile(twice);

  test('first signature: certifies (DocMDP P 2 in /Reference, catalog /Perms), fills reviewer-1 keeping its keys, adds /V and replaces /AP', () => {
    const f = file();
    const [slot1] = fieldsOf(f, 0);
    const filled = dict(f, slot1!.ref, 1);
    expect([...filled.keys()].sort()).toEqual([...slot1!.dict.keys(), 'V'].sort());
    // Every key kept but the appearance, which the signature replaces (the unsigned field's is an empty form).
    for (const [key, value] of slot1!.dict) if (key !== 'AP') expect(canonicalPdf(filled.get(key)), key).toBe(canonicalPdf(value));
    expect(canonicalPdf(filled.get('AP'))).not.toBe(canonicalPdf(slot1!.dict.get('AP')));
    const signature = dict(f, filled.get('V'), 1);
    expect(canonicalPdf(signature.get('Reference'))).toContain('/TransformMethod /DocMDP /TransformParams <</P 2 /Type /TransformParams /V /1.2>>');
    expect(['Type', 'Filter', 'SubFilter'].map((k) => canonicalPdf(signature.get(k)))).toEqual(['/Sig', '/Adobe.PPKLite', '/adbe.pkcs7.detached']);
    expect(pdfText(signature.get('Reason'))).toBe('Arviointiraportin hyväksyntä');
    expect(canonicalPdf(dict(f, f.catalog(1)!.get('Perms'), 1).get('DocMDP'))).toBe(canonicalPdf(filled.get('V')));
    expect(canonicalPdf(dict(f, f.catalog(1)!.get('AcroForm'), 1).get('SigFlags'))).toBe('3');
    // The catalog changed only by /Perms.
    const [before, after] = [f.catalog(0)!, f.catalog(1)!];
    expect([...after.keys()].filter((k) => canonicalPdf(after.get(k)) !== canonicalPdf(before.get(k)))).toEqual(['Perms']);

    const form = f.object((dict(f, filled.get('AP'), 1).get('N') as { num: number }).num, 1)!;
    const rect = items(f, filled.get('Rect')).map((v) => (v as { value: number }).value);
    expect(canonicalPdf(form.stream!.dict.get('Subtype'))).toBe('/Form');
    const size = (n: number) => Math.round(n * 100) / 100;
    expect(canonicalPdf(form.stream!.dict.get('BBox'))).toBe(`[0 0 ${size(rect[2]! - rect[0]!)} ${size(rect[3]! - rect[1]!)}]`);
  });

  test('the updates rewrite only the filled field, the AcroForm and (first only) the catalog; everything else is new', () => {
    const f = file();
    const rootNum = (f.revisions[0]!.trailer.get('Root') as { num: number }).num;
    const acroFormNum = (f.catalog(0)!.get('AcroForm') as { num: number }).num;
    const [slot1, slot2] = fieldsOf(f, 0).map((s) => s.ref.num);
    const firstNew = (f.revisions[0]!.trailer.get('Size') as { value: number }).value;
    const rewritten = (r: number) => [...f.revisions[r]!.entries.keys()].filter((n) => n < firstNew).sort((a, b) => a - b);
    expect(rewritten(1)).toEqual([rootNum, slot1!, acroFormNum].sort((a, b) => a - b));
    expect(rewritten(2).filter((n) => n < firstNew)).toEqual([slot2!, acroFormNum].sort((a, b) => a - b));
    const second = dict(f, dict(f, { kind: 'ref', num: slot2!, gen: 0 }).get('V'));
    expect(second.has('Reference')).toBe(false);
    for (const revision of f.revisions.slice(1)) expect(revision.kind).toBe('table');
  });

  test('a signer goes to the field that names them, else the first free one, or the one asked for', async () => {
    const firstField = (pdf: Buffer) => /Signature Field Name: (.*)/.exec(pdfsig(pdf).output.split('Signature is Valid')[0]!)?.[1];
    const byName = await signPdf(unsigned, mikael.identity, meta(mikael.identity));
    expect(pdfsig(byName).output).toMatch(/Signature Field Name: reviewer-2\n\s+- Signer Certificate Common Name: Mikael Sundström/);
    const stranger = await testIdentity('Outi Ulkopuolinen', { notBefore: new Date(Date.now() - 86_400_000) });
    expect(firstField(await signPdf(byName, stranger.identity, meta(stranger.identity)))).toBe('reviewer-1');
    const asked = await signPdf(unsigned, aino.identity, meta(aino.identity, { slot: 'reviewer-2' }));
    expect(pdfsig(asked).output).toMatch(/Signature Field Name: reviewer-2\n\s+- Signer Certificate Common Name: Aino Laaksonen/);
    await expect(signPdf(once, mikael.identity, meta(mikael.identity, { slot: 'reviewer-1' }))).rejects.toMatchObject({ code: 'unsupported-pdf', params: { reason: 'slot-already-signed' } });
  }, 60_000);
});

describe('an independent signer (poppler) countersigns our certified report', () => {
  test('pdfsig -sign reviewer-2 (into our reserved field) and pdfsig -add-signature: all signatures valid, qpdf clean', () => {
    for (const field of ['reviewer-2', undefined]) {
      const countersigned = signWithPoppler(once, mikael.p12, PASSPHRASE, field ? { field } : {});
      const { signatures, output } = pdfsig(countersigned);
      const made = signatures.filter((s) => s.validation !== undefined);
      expect(made.map((s) => [s.signerCommonName, s.validation]), output).toEqual([
        ['Aino Laaksonen', 'Signature is Valid.'],
        ['Mikael Sundström', 'Signature is Valid.'],
      ]);
      expect(qpdfCheck(writeTempPdf('countersigned.pdf', countersigned)).code).toBe(0);
      expect(countersigned.subarray(0, once.length).equals(once)).toBe(true);
    }
  }, 60_000);
});
