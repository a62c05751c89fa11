import { PdfParser, pdfDate, pdfText, type PdfValue } from '../pdf-reader/pdf-syntax.ts';
import type { PdfFile } from '../pdf-reader/pdf-file.ts';
import { verifyDetachedCms } from './cms-verify.ts';
import { nameOf, numberOf } from './signature-fields.ts';
import type { SignatureReport, VerificationCode } from './verification-report.ts';

const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

export interface CheckedSignature {
  /** Object number of the signature dictionary. */
  num: number;
  /** 0-based index of the revision the signature covers (null when its byte range does not end one). */
  coveredRevision: number | null;
  report: Omit<SignatureReport, 'number' | 'fieldName' | 'slot' | 'countersignedLater'>;
  failure: { code: VerificationCode; detail: string; params?: Record<string, string | number> } | null;
}

/**
 * One signature dictionary, checked on its own (ISO 32000-1 12.8.1, 12.8.3.3): /ByteRange is [0 b c d], its gap
 * [b, c) is exactly this dictionary's /Contents hex string, the range ends a complete revision (at its %%EOF,
 * with or without one end-of-line), the dictionary is part of that revision, the DER signature in /Contents is
 * followed by zero padding only, and the CMS digest and signature hold for the two ranges.
 */
export function checkSignatureDictionary(file: PdfFile, num: number): CheckedSignature {
  const base: CheckedSignature['report'] = {
    revision: 0, coveredBytes: 0, byteRange: null, signerName: null, organisation: null, certificateFingerprint: null,
    certificateDer: null, chainDer: [], signingTime: null, subFilter: null, reason: null, location: null, certification: null, intact: false,
  };
  const result: CheckedSignature = { num, coveredRevision: null, report: base, failure: null };
  const fail = (code: VerificationCode, detail: string, params: Record<string, string | number> = {}) => {
    result.failure = { code, detail, params };
    return result;
  };
  const entry = file.entry(num);
  if (!entry || entry.type !== 'offset') {
    return fail('byte-range-invalid', `its signature dictionary (object ${num}) is ${entry?.type === 'compressed' ? 'inside an object stream, where no byte range can exclude its /Contents' : 'not in the file'}`, { object: num });
  }
  let spans: ReturnType<PdfParser['dictWithSpans']>;
  try {
    const header = /^\d+\s+\d+\s+obj\b/.exec(file.text.slice(entry.offset, entry.offset + 40));
    if (!header) throw new Error(`no object at byte ${entry.offset}`);
    spans = new PdfParser(file.text, entry.offset + header[0].length).dictWithSpans();
  } catch (error) {
    return fail('signature-unreadable', `its signature dictionary (object ${num}) cannot be read (${(error as Error).message})`, { object: num });
  }
  const get = (key: string): PdfValue | undefined => spans.get(key)?.value;
  base.subFilter = nameOf(get('SubFilter'));
  base.reason = pdfText(get('Reason')) ?? null;
  base.location = pdfText(get('Location')) ?? null;
  base.signingTime = pdfDate(pdfText(get('M'))) ?? null;
  base.certification = certificationLevel(file, get('Reference'));

  const range = get('ByteRange');
  const numbers = range?.kind === 'array' && range.items.length === 4 && range.items.every((i) => i.kind === 'number' && Number.isInteger(i.value) && i.value >= 0)
    ? (range.items.map((i) => (i as { value: number }).value) as [number, number, number, number])
    : null;
  if (!numbers) return fail('byte-range-invalid', 'its /ByteRange is not four non-negative whole numbers (missing, null or unfinished)', { object: num });
  base.byteRange = numbers;
  const [a, b, c, d] = numbers;
  base.coveredBytes = c + d;
  if (c + d > file.bytes.length) return fail('truncated', `it covers ${c + d} bytes but the file has only ${file.bytes.length} (truncated?)`, { covered: c + d, length: file.bytes.length });
  if (a !== 0 || b <= 0 || c <= b || d <= 0) return fail('byte-range-invalid', `/ByteRange [${a} ${b} ${c} ${d}] does not start at 0 with a gap and a second range after it`);
  const contents = spans.get('Contents');
  if (!contents || contents.value.kind !== 'string') return fail('signature-unreadable', 'it has no /Contents signature value', { object: num });
  if (contents.start !== b || contents.end !== c || file.text[b] !== '<' || file.text[c - 1] !== '>') {
    return fail('byte-range-invalid', 'the unsigned gap of its /ByteRange is not exactly its own /Contents hex string', { object: num });
  }
  const byteRangeSpan = spans.get('ByteRange')!;
  if (!(byteRangeSpan.end <= b || byteRangeSpan.start >= c)) return fail('byte-range-invalid', 'its /ByteRange lies outside the signed bytes');
  const covered = coveredRevisionOf(file, c + d);
  if (covered === null) return fail('byte-range-invalid', 'it does not cover a complete revision (the signed bytes do not end at a %%EOF)');
  result.coveredRevision = covered;
  base.revision = covered + 1;
  const revision = file.revisions[covered]!;
  if (entry.offset < revision.start || entry.offset >= revision.end || file.definingRevision(num) !== covered) {
    return fail('byte-range-invalid', `its signature dictionary (object ${num}) is not part of the revision it signs`, { object: num });
  }
  if (base.subFilter !== null && !DETACHED.has(base.subFilter)) return fail('unsupported-signature', `signature type ${base.subFilter} is not supported`);

  const hex = file.text.slice(b + 1, c - 1);
  if (!/^[0-9A-Fa-f]*$/.test(hex) || hex.length % 2) return fail('signature-unreadable', 'its /Contents is not a hex string of whole bytes without spaces');
  // The same signature bytes written another way (letter case) would give the file another hash: one form only.
  if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) return fail('contents-padding', 'its /Contents mixes upper- and lower-case hex digits (altered after signing)', { object: num });
  const der = Buffer.from(hex, 'hex');
  const used = derLength(der);
  if (used === null) return fail('signature-unreadable', 'its /Contents does not hold a DER-encoded signature');
  if (der.subarray(used).some((byte) => byte !== 0)) {
    return fail('contents-padding', 'the space after the signature inside /Contents is not all zeros (the file has been altered there)', { object: num });
  }
  const cms = verifyDetachedCms(der.subarray(0, used), [file.bytes.subarray(0, b), file.bytes.subarray(c, c + d)]);
  base.signerName = cms.signerName;
  base.organisation = cms.organisation;
  base.certificateFingerprint = cms.certificateFingerprint;
  base.certificateDer = cms.certificateDer;
  base.chainDer = cms.chainDer;
  base.signingTime = cms.signingTime ?? base.signingTime;
  if (cms.failure) return fail(cms.failure.code, cms.failure.detail);
  base.intact = true;
  return result;
}

/** The revision whose end is `end`, allowing the end-of-line after %%EOF to be signed too (as many tools do). */
function coveredRevisionOf(file: PdfFile, end: number): number | null {
  for (const revision of file.revisions) {
    if (end === revision.end) return revision.index;
    const tail = file.text.slice(revision.end, end);
    if (end > revision.end && (tail === '\n' || tail === '\r\n' || tail === '\r')) return revision.index;
  }
  return null;
}

/** The DocMDP permission a signature's /Reference states (12.8.2.2), if it certifies. */
function certificationLevel(file: PdfFile, reference: PdfValue | undefined): 1 | 2 | 3 | null {
  const list = file.resolve(reference);
  if (list?.kind !== 'array') return null;
  for (const item of list.items) {
    const ref = file.dict(item);
    if (nameOf(ref?.get('TransformMethod')) !== 'DocMDP') continue;
    const p = numberOf(file.dict(ref?.get('TransformParams'))?.get('P')) ?? 2;
    return p === 1 || p === 3 ? p : 2;
  }
  return null;
}

/**
 * Length of the BER/DER element at the start of `bytes` (tag, length, content), or null when it is not one. Signers
 * built on NSS (poppler among them) write the CMS with indefinite lengths, ended by two zero bytes; those are
 * part of the signature, and only what follows is padding.
 */
function derLength(bytes: Buffer): number | null {
  if (bytes[0] !== 0x30) return null;
  const end = elementEnd(bytes, 0, 0);
  return end !== null && end <= bytes.length ? end : null;
}

function elementEnd(bytes: Buffer, at: number, depth: number): number | null {
  if (depth > 64 || at + 2 > bytes.length) return null;
  let pos = at + 1;
  if ((bytes[at]! & 0x1f) === 0x1f) while (pos < bytes.length && bytes[pos++]! & 0x80) { /* multi-byte tag */ }
  const first = bytes[pos++];
  if (first === undefined) return null;
  if (first < 0x80) return pos + first;
  if (first === 0x80) {
    if (!(bytes[at]! & 0x20)) return null; // indefinite length only for constructed elements
    while (pos + 2 <= bytes.length) {
      if (bytes[pos] === 0 && bytes[pos + 1] === 0) return pos + 2;
      const next = elementEnd(bytes, pos, depth + 1);
      if (next === null || next <= pos) return null;
      pos = next;
    }
    return null;
  }
  const count = first & 0x7f;
  if (count > 4 || pos + count > bytes.length) return null;
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + bytes[pos + i]!;
  return pos + count + length;
}
