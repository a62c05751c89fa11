import { verifyDetachedCms } from './cms-verify.ts';
import { findSignatures, type FoundSignature } from './pdf-signatures.ts';
import { unexpectedInUpdate } from './pdf-update-check.ts';

export type VerificationCode =
  | 'not-a-pdf'
  | 'truncated'
  | 'unsigned'
  | 'byte-range-invalid'
  | 'signature-unreadable'
  | 'unsupported-signature'
  | 'certificate-missing'
  | 'digest-mismatch'
  | 'signature-invalid'
  | 'changed-after-signature'
  | 'appended-after-signature';

export interface VerificationProblem {
  code: VerificationCode;
  /** English, for logs; the UI and CLI translate by code with params. */
  message: string;
  /** 1-based number of the signature the problem belongs to, when it belongs to one. */
  signature?: number;
  params: Record<string, string | number>;
}

export interface SignatureReport {
  /** 1-based, in the order the signatures were made (by the revision they cover). */
  number: number;
  /** The file revision the signature covers: the n-th signed revision, n = number. */
  revision: number;
  /** How many bytes from the start of the file the signature covers (the length of that revision). */
  coveredBytes: number;
  byteRange: [number, number, number, number] | null;
  signerName: string | null;
  organisation: string | null;
  certificateFingerprint: string | null;
  /** The CMS signing-time attribute, else the signature dictionary's /M. */
  signingTime: Date | null;
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  /** The signed bytes are exactly as signed and the signature verifies with the embedded certificate. */
  intact: boolean;
}

export interface VerificationReport {
  /** Every signature intact, the last one covering the whole file, and nothing but the next signature after each earlier one. */
  valid: boolean;
  fileLength: number;
  signatures: SignatureReport[];
  problems: VerificationProblem[];
}

const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

/**
 * Our own verification of a signed PDF, independent of any PDF library: find every signature dictionary, check its
 * /ByteRange arithmetic, the CMS message digest against the signed bytes and the signature against the embedded
 * certificate, then check that the signatures chain: each later one is an incremental update on the revision the
 * earlier one signed, and the last covers the file to its end. Certificate trust is not judged here.
 */
export function verifyPdf(pdf: Buffer): VerificationReport {
  const text = pdf.toString('latin1');
  const problems: VerificationProblem[] = [];
  const report = (signatures: SignatureReport[]): VerificationReport => ({ valid: problems.length === 0, fileLength: pdf.length, signatures, problems });
  if (!text.slice(0, 1024).includes('%PDF-')) {
    problems.push(problem('not-a-pdf', 'the file is not a PDF'));
    return report([]);
  }
  const found = findSignatures(text).sort((a, b) => coveredEnd(a) - coveredEnd(b) || a.objectStart - b.objectStart);
  if (found.length === 0) {
    // A file cut short names no signature either; say which it looks like.
    problems.push(/%%EOF\s*$/.test(text.slice(-256))
      ? problem('unsigned', 'the PDF has no signatures')
      : problem('truncated', 'the file is incomplete (it does not end with %%EOF) and no signature was found in it'));
    return report([]);
  }
  const signatures = found.map((signature, i) => checkSignature(pdf, text, signature, i + 1, problems));

  for (let i = 0; i + 1 < found.length; i += 1) {
    const [earlier, later] = [found[i]!, found[i + 1]!];
    if (!earlier.byteRange || !later.byteRange) continue;
    const from = coveredEnd(earlier);
    const to = coveredEnd(later);
    if (to > pdf.length) continue; // reported as truncated
    const what = from === to ? 'two signatures cover the same revision' : unexpectedInUpdate(text, from, to, later.objectStart);
    if (what) {
      problems.push(problem('changed-after-signature', `after signature ${i + 1} the file was changed by more than signature ${i + 2}: ${what}`, i + 1, { next: i + 2, detail: what }));
    }
  }
  const last = found.at(-1)!;
  const end = coveredEnd(last);
  if (last.byteRange && end <= pdf.length && !/^(\r\n|\r|\n)?$/.test(text.slice(end))) {
    problems.push(problem('appended-after-signature', `${pdf.length - end} bytes were added after the last signature (it covers ${end} of ${pdf.length} bytes; the rest is signed by no one)`, found.length, { added: pdf.length - end, covered: end, length: pdf.length }));
  }
  return report(signatures);
}

function checkSignature(pdf: Buffer, text: string, found: FoundSignature, number: number, problems: VerificationProblem[]): SignatureReport {
  const base: SignatureReport = {
    number,
    revision: number,
    coveredBytes: found.byteRange ? coveredEnd(found) : 0,
    byteRange: found.byteRange,
    signerName: null,
    organisation: null,
    certificateFingerprint: null,
    signingTime: found.claimedTime,
    subFilter: found.subFilter,
    reason: found.reason,
    location: found.location,
    intact: false,
  };
  const fail = (code: VerificationCode, message: string, params: Record<string, string | number> = {}) => {
    problems.push(problem(code, `signature ${number}: ${message}`, number, { detail: message, ...params }));
    return base;
  };
  if (!found.byteRange) return fail('byte-range-invalid', 'its /ByteRange is not four numbers (an unfinished signature?)');
  const [a, b, c, d] = found.byteRange;
  if (c + d > pdf.length) return fail('truncated', `it covers ${c + d} bytes but the file has only ${pdf.length} (truncated?)`, { covered: c + d, length: pdf.length });
  if (a !== 0 || b <= 0 || c <= b + 1) return fail('byte-range-invalid', `/ByteRange [${a} ${b} ${c} ${d}] does not start at 0 with a gap after it`);
  const gap = text.slice(b, c);
  if (!/^<[0-9A-Fa-f]*>$/.test(gap) || !/\/Contents\s*$/.test(text.slice(Math.max(0, b - 32), b))) {
    return fail('byte-range-invalid', 'the unsigned gap of its /ByteRange is not exactly the /Contents hex string');
  }
  const byteRangeAt = text.indexOf('/ByteRange', found.objectStart);
  if (byteRangeAt < 0 || (byteRangeAt >= b && byteRangeAt < c)) return fail('byte-range-invalid', 'its /ByteRange lies outside the signed bytes');
  if (!text.slice(0, c + d).endsWith('%%EOF')) return fail('byte-range-invalid', 'it does not cover a complete revision (the signed bytes do not end at %%EOF)');
  if (found.subFilter !== null && !DETACHED.has(found.subFilter)) return fail('unsupported-signature', `signature type ${found.subFilter} is not supported`);

  const cms = verifyDetachedCms(Buffer.from(gap.slice(1, -1), 'hex'), [pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  base.signerName = cms.signerName;
  base.organisation = cms.organisation;
  base.certificateFingerprint = cms.certificateFingerprint;
  base.signingTime = cms.signingTime ?? found.claimedTime;
  if (cms.failure) return fail(cms.failure.code, cms.failure.detail);
  base.intact = true;
  return base;
}

function coveredEnd(signature: FoundSignature): number {
  return signature.byteRange ? signature.byteRange[2] + signature.byteRange[3] : Number.MAX_SAFE_INTEGER;
}

function problem(code: VerificationCode, message: string, signature?: number, params: Record<string, string | number> = {}): VerificationProblem {
  return { code, message, ...(signature === undefined ? {} : { signature }), params };
}
