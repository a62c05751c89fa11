import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPdfFile, type PdfFile } from '../../reports/pdf-reader/pdf-file.ts';
import { canonicalPdf, type PdfValue } from '../../reports/pdf-reader/pdf-syntax.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { SigningError } from '../../reports/signing/signing-error.ts';
import { verifyPdf } from '../../reports/signing/verify-pdf.ts';
import { pdfsig, qpdfCheck, smallPdf, tempDir, tempFile, testIdentity, withByteChanged } from '../fixtures/identities/identities.ts';

let first: SigningIdentity;
let second: SigningIdentity;
let unsigned: Buffer;
let once: Buffer;
let twice: Buffer;
const signingTime = new Date();

beforeAll(async () => {
  [{ identity: first }, { identity: second }] = await Promise.all([
    testIdentity('Maija Meikäläinen', { role: 'Arvioija' }),
    testIdentity('Åsa Öberg', { role: 'Toinen arvioija' }),
  ]);
  unsigned = await smallPdf();
  once = await signPdf(unsigned, first, { reason: 'Arviointiraportin hyväksyntä', name: first.commonName, location: 'Helsinki', signingTime });
  twice = await signPdf(once, second, { reason: 'Arviointiraportin hyväksyntä', name: second.commonName, location: 'Vaasa' });
}, 60_000);

describe('signPdf, checked with pdfsig (poppler) and qpdf', () => {
  test('one signature: valid, adbe.pkcs7.detached, SHA-256, covering the whole document', () => {
    const { signatures, output } = pdfsig(once);
    expect(signatures, output).toHaveLength(1);
    expect(signatures[0]).toMatchObject({
      signerCommonName: 'Maija Meikäläinen',
      subFilter: 'adbe.pkcs7.detached',
      totalDocumentSigned: true,
      validation: 'Signature is Valid.',
    });
    expect(output).toContain('Signing Hash Algorithm: SHA-256');
    // Self-signed: poppler does not trust the issuer. Validity of the signature is what we assert.
    expect(signatures[0]!.certificateValidation).toMatch(/issuer|Trusted/i);
  });

  test('the signed PDF is the input plus an incremental update (nothing before it changes), ending right after %%EOF', () => {
    expect(once.subarray(0, unsigned.length).equals(unsigned)).toBe(true);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    for (const pdf of [once, twice]) {
      expect(pdf.subarray(-5).toString('latin1')).toBe('%%EOF');
      const [, , c, d] = byteRangeOf(pdf, -1);
      expect(c + d).toBe(pdf.length);
    }
  });

  test('a second reviewer signs as an incremental update: both signatures valid, the last covers the whole document', () => {
    const { signatures, output } = pdfsig(twice);
    expect(signatures, output).toHaveLength(2);
    expect(signatures[0]).toMatchObject({ signerCommonName: 'Maija Meikäläinen', validation: 'Signature is Valid.', totalDocumentSigned: false });
    expect(signatures[1]).toMatchObject({ signerCommonName: 'Åsa Öberg', validation: 'Signature is Valid.', totalDocumentSigned: true });
    expect(signatures[1]!.signedRanges).toMatch(new RegExp(`- ${twice.length}\\]$`));
  });

  test('qpdf --check finds no errors or warnings in the unsigned, once- and twice-signed files', () => {
    for (const pdf of [unsigned, once, twice]) {
      const { code, output } = qpdfCheck(pdf);
      expect(output).toContain('No syntax or stream encoding errors found');
      expect(code, output).toBe(0);
    }
  });

  test('the embedded CMS verifies with openssl cms against the signed byte ranges', () => {
    const [a, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(once.toString('latin1'))!.slice(1).map(Number) as [number, number, number, number];
    const hex = once.subarray(b + 1, c - 1).toString('latin1').replace(/(00)+$/, '');
    const cms = tempFile('sig.der', Buffer.from(hex, 'hex'));
    const content = tempFile('content.bin', Buffer.concat([once.subarray(a, a + b), once.subarray(c, c + d)]));
    const result = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content, '-noverify', '-out', '/dev/null'], { encoding: 'utf8' });
    expect(result.stderr).toContain('Verification successful');
  });

  test('the signature dictionary keeps non-ASCII names and reasons (UTF-16BE text strings)', () => {
    const report = verifyPdf(twice);
    expect(report.signatures.map((s) => [s.signerName, s.reason, s.location])).toEqual([
      ['Maija Meikäläinen', 'Arviointiraportin hyväksyntä', 'Helsinki'],
      ['Åsa Öberg', 'Arviointiraportin hyväksyntä', 'Vaasa'],
    ]);
    expect(report.signatures[0]!.signingTime?.getTime()).toBe(Math.floor(signingTime.getTime() / 1000) * 1000);
  });

  test('one changed byte inside a signed range: pdfsig and verifyPdf both report it', () => {
    // Inside the first signed range (the file header's binary comment) of the once-signed file.
    const tampered = withByteChanged(once, 12);
    expect(pdfsig(tampered).signatures[0]!.validation).toBe('Digest Mismatch.');
    const report = verifyPdf(tampered);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['digest-mismatch']);

    // Inside the second reviewer's update (the location in the signature dictionary): only signature 2 breaks.
    const at = twice.lastIndexOf('/Location <5661617361>') + '/Location <'.length;
    expect(at).toBeGreaterThan(once.length);
    const late = withByteChanged(twice, at);
    expect(pdfsig(late).signatures.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Digest Mismatch.']);
    const lateReport = verifyPdf(late);
    expect(lateReport.signatures.map((s) => s.intact)).toEqual([true, false]);
    expect(lateReport.problems).toMatchObject([{ code: 'digest-mismatch', signature: 2 }]);
  });

  test('refuses what it cannot sign: not a PDF, an incomplete PDF, an expired identity', async () => {
    const code = async (pdf: Buffer, identity = first) => {
      try {
        await signPdf(pdf, identity, { reason: 'r', name: 'n' });
      } catch (error) {
        return (error as SigningError).code;
      }
      return undefined;
    };
    expect(await code(Buffer.from('{"not": "a pdf"}'))).toBe('not-a-pdf');
    expect(await code(unsigned.subarray(0, unsigned.length - 200))).toBe('not-a-pdf');
    expect(await code(unsigned, { ...first, notAfter: new Date(Date.now() - 1000) })).toBe('certificate-expired');
  });
});

/** The n-th /ByteRange of the file (negative: from the end). */
function byteRangeOf(pdf: Buffer, n: number): [number, number, number, number] {
  const all = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+) (\d+) (\d+) (\d+)\s*\]/g)];
  return all.at(n)!.slice(1).map(Number) as [number, number, number, number];
}

describe('the incremental update our signer writes (a PDF without reserved fields)', () => {
  const dict = (file: PdfFile, value: PdfValue | undefined, revision?: number) => file.dict(value, revision)!;

  test('first signature: a new invisible widget on page 1, AcroForm with /SigFlags 3, and the document certified (DocMDP P 2)', () => {
    const file = readPdfFile(once);
    expect(file.revisions).toHaveLength(2);
    expect(file.revisions[1]!.kind).toBe('table');
    const catalog = file.catalog()!;
    const fields = file.resolve(dict(file, catalog.get('AcroForm')).get('Fields'));
    expect(fields?.kind === 'array' && fields.items).toHaveLength(1);
    const widget = dict(file, (fields as { items: PdfValue[] }).items[0]);
    expect(canonicalPdf(widget.get('Rect'))).toBe('[0 0 0 0]');
    expect(canonicalPdf(widget.get('FT'))).toBe('/Sig');
    expect(canonicalPdf(dict(file, catalog.get('AcroForm')).get('SigFlags'))).toBe('3');
    const signature = dict(file, widget.get('V'));
    expect(canonicalPdf(signature.get('Reference'))).toBe('[<</TransformMethod /DocMDP /TransformParams <</P 2 /Type /TransformParams /V /1.2>> /Type /SigRef>>]');
    expect(canonicalPdf(dict(file, catalog.get('Perms')).get('DocMDP'))).toBe(canonicalPdf(widget.get('V')));
    // The page lists the widget; nothing is drawn (no appearance for an invisible field).
    const page = dict(file, widget.get('P'));
    expect(canonicalPdf(page.get('Annots'))).toContain(canonicalPdf((fields as { items: PdfValue[] }).items[0]));
    expect(widget.has('AP')).toBe(false);
  });

  test('second signature: no /Reference, the catalog untouched, /Contents padded with zeros only', () => {
    const file = readPdfFile(twice);
    const rootNum = (file.revisions[2]!.trailer.get('Root') as { num: number }).num;
    expect(file.revisions[2]!.entries.has(rootNum)).toBe(false);
    expect(file.revisions[1]!.entries.has(rootNum)).toBe(true);
    const trailers = file.revisions.map((r) => r.trailer);
    expect(canonicalPdf(trailers[2]!.get('Prev'))).toBe(String(file.revisions[1]!.startxref));
    expect(canonicalPdf((trailers[2]!.get('ID') as { items: PdfValue[] }).items[0])).toBe(canonicalPdf((trailers[0]!.get('ID') as { items: PdfValue[] }).items[0]));
    const signatures = [...twice.toString('latin1').matchAll(/\/Type \/Sig\b[^]*?(?=endobj)/g)].map((m) => m[0]);
    expect(signatures).toHaveLength(2);
    expect(signatures[0]).toContain('/Reference');
    expect(signatures[1]).not.toContain('/Reference');
    const [, b, c] = byteRangeOf(twice, -1);
    const hex = twice.subarray(b + 1, c - 1).toString('latin1');
    expect(hex).toMatch(/^[0-9A-F]+$/);
    expect(hex.length % 2).toBe(0);
    expect(/^(?:[0-9A-F]{2})*?((?:00)*)$/.exec(hex)![1]!.length).toBeGreaterThan(1000);
  });

  test('refuses a PDF whose last section is a cross-reference stream, and an encrypted PDF', async () => {
    const code = async (pdf: Buffer) => signPdf(pdf, first, { reason: 'r', name: 'n' }).then(() => undefined, (e: SigningError) => [e.code, e.params.reason]);
    const input = tempFile('in.pdf', unsigned);
    const streams = join(tempDir(), 'streams.pdf');
    spawnSync('qpdf', ['--object-streams=generate', input, streams]);
    expect(await code(readFileSync(streams))).toEqual(['unsupported-pdf', 'xref-stream']);
    const encrypted = join(tempDir(), 'encrypted.pdf');
    spawnSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', input, encrypted]);
    const refused = await code(readFileSync(encrypted));
    expect(refused?.[0]).toBe('unsupported-pdf');
  });
});
