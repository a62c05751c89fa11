import { readPdfFile, type PdfFile } from '../pdf-reader/pdf-file.ts';
import { checkSignatureDictionary, type CheckedSignature } from './signature-check.ts';
import { signatureFields, type SignatureField } from './signature-fields.ts';
import { parseSlotDescription, slotNumber } from './signature-slots.ts';
import { checkUpdate } from './update-rules.ts';
import type {
  ExpectedSigner, SignatureReport, VerificationCode, VerificationProblem, VerificationReport,
} from './verification-report.ts';

export type { SignatureReport, VerificationCode, VerificationProblem, VerificationReport } from './verification-report.ts';

/**
 * Our own verification of a signed PDF, following ISO 32000-1 rather than our writer: read every revision and its
 * cross-reference section (tables, streams, object streams); check each signature dictionary on its own (byte
 * range, gap, zero padding, CMS digest and signature); then, after the first signed revision, allow in every
 * incremental update only what adding a signature adds (reports/signing/update-rules.ts). Who signed (trust) is
 * judged elsewhere (signer-trust.ts) from the certificates reported here.
 */
export function verifyPdf(pdf: Buffer): VerificationReport {
  const problems: VerificationProblem[] = [];
  const answer = (signatures: SignatureReport[], expectedSigners: ExpectedSigner[]): VerificationReport => {
    const valid = problems.length === 0 && signatures.length > 0;
    const complete = valid && expectedSigners.every((s) => s.signature !== null);
    return { valid, complete, status: !valid ? 'invalid' : complete ? 'complete' : 'incomplete', fileLength: pdf.length, signatures, expectedSigners, problems };
  };
  const text = pdf.toString('latin1');
  if (!text.slice(0, 1024).includes('%PDF-')) {
    problems.push(problem('not-a-pdf', 'the file is not a PDF'));
    return answer([], []);
  }
  let file: PdfFile;
  try {
    file = readPdfFile(pdf);
  } catch (error) {
    const truncated = !/%%EOF\s*$/.test(text.slice(-1024));
    problems.push(truncated
      ? problem('truncated', `the file is incomplete (it does not end with %%EOF): ${(error as Error).message}`)
      : problem('unreadable-structure', `the file's structure cannot be read: ${(error as Error).message}`));
    return answer([], []);
  }
  try {
    return verifyFile(file, problems, answer);
  } catch (error) {
    // Deeply nested or otherwise hostile structure that the checks above did not name: refuse, never crash.
    problems.push(problem('unreadable-structure', `the file's structure cannot be read: ${(error as Error).message}`));
    return answer([], []);
  }
}

function verifyFile(
  file: PdfFile,
  problems: VerificationProblem[],
  answer: (signatures: SignatureReport[], expected: ExpectedSigner[]) => VerificationReport,
): VerificationReport {
  const fields = signatureFields(file, file.last);
  for (const field of fields.filter((f) => f.malformedValue)) {
    problems.push(problem('signature-unreadable', `signature field ${field.name ?? field.num} has a value that is not a signature dictionary`, undefined, { object: field.num }));
  }
  const signatureNums = new Set([...fields.flatMap((f) => (f.signature === null ? [] : [f.signature])), ...orphanSignatures(file)]);
  if (signatureNums.size === 0) {
    if (!problems.length) {
      problems.push(trailingBytes(file) > 0 && !/%%EOF\s*$/.test(file.text.slice(-64))
        ? problem('truncated', 'the file is incomplete (it does not end with %%EOF) and no signature was found in it')
        : problem('unsigned', 'the PDF has no signatures'));
    }
    return answer([], []);
  }

  const checked = [...signatureNums].map((num) => checkSignatureDictionary(file, num))
    .sort((a, b) => (a.coveredRevision ?? Infinity) - (b.coveredRevision ?? Infinity) || a.report.coveredBytes - b.report.coveredBytes || a.num - b.num);
  const signatures: SignatureReport[] = checked.map((c, i) => {
    const field = fields.find((f) => f.signature === c.num) ?? null;
    return { ...c.report, number: i + 1, fieldName: field?.name ?? null, slot: null, countersignedLater: false };
  });
  checked.forEach((c, i) => {
    if (c.failure) problems.push(problem(c.failure.code, `signature ${i + 1}: ${c.failure.detail}`, i + 1, { detail: c.failure.detail, ...c.failure.params }));
  });

  const byRevision = new Map<number, number>();
  checked.forEach((c, i) => {
    if (c.coveredRevision === null) return;
    if (byRevision.has(c.coveredRevision)) {
      problems.push(problem('byte-range-invalid', `signatures ${byRevision.get(c.coveredRevision)! + 1} and ${i + 1} cover the same revision`, i + 1, { detail: 'two signatures cover the same revision' }));
    } else byRevision.set(c.coveredRevision, i);
  });

  const firstSigned = checked[0]?.coveredRevision ?? null;
  if (firstSigned !== null) {
    checkLaterRevisions(file, firstSigned, checked, byRevision, problems);
    const certifying = checked[0]!.report.certification;
    if (certifying === 1 && file.last > firstSigned) {
      problems.push(problem('certification-violated', 'the first signature certified the document with no changes allowed, yet revisions were added after it', 1, { detail: 'DocMDP P=1' }));
    }
  }
  checked.forEach((c, i) => {
    if (i > 0 && c.report.certification !== null && !problems.some((p) => p.code === 'certification-violated')) {
      problems.push(problem('certification-violated', `signature ${i + 1} certifies the document after an earlier signature (only the first signature may certify)`, i + 1, { detail: 'late certification' }));
    }
  });

  const trailing = trailingBytes(file);
  const lastCovered = Math.max(...checked.map((c) => c.report.coveredBytes));
  if (trailing > 0 && lastCovered <= file.bytes.length && !problems.some((p) => p.code === 'truncated')) {
    problems.push(!/%%EOF[\0\t\n\f\r ]*$/.test(file.text.slice(-64))
      ? problem('truncated', `the file is incomplete: it ends ${trailing} bytes into an update that never finishes (no %%EOF)`, signatures.length, { added: trailing, length: file.bytes.length })
      : problem('appended-after-signature', `${trailing} bytes were added after the last complete revision (signed by no one and not a valid update)`, signatures.length, { added: trailing, length: file.bytes.length }));
  }

  const expectedSigners = expectedSignersOf(file, firstSigned, fields);
  for (const expected of expectedSigners) {
    const field = fields.find((f) => f.name === expected.slot);
    const index = field?.signature == null ? -1 : checked.findIndex((c) => c.num === field.signature);
    if (index >= 0 && checked[index]!.failure === null) {
      expected.signature = index + 1;
      signatures[index]!.slot = expected.slot;
    }
  }
  signatures.forEach((s, i) => {
    s.countersignedLater = i < signatures.length - 1;
  });
  return answer(signatures, expectedSigners);
}

function checkLaterRevisions(file: PdfFile, firstSigned: number, checked: CheckedSignature[], byRevision: Map<number, number>, problems: VerificationProblem[]): void {
  for (let k = firstSigned + 1; k <= file.last; k += 1) {
    const index = byRevision.get(k);
    const signatureNum = index === undefined ? null : checked[index]!.num;
    const violation = checkUpdate(file, k, signatureNum);
    if (!violation) continue;
    const after = [...byRevision.entries()].filter(([revision]) => revision < k).map(([, i]) => i + 1).at(-1) ?? 1;
    const code: VerificationCode = violation.kind === 'appearance-outside-slot' ? 'appearance-outside-slot'
      : violation.kind === 'certification' ? 'certification-violated' : 'changed-after-signature';
    const what = index === undefined ? `revision ${k + 1} (not a signature)` : `the update that adds signature ${index + 1}`;
    problems.push(problem(code, `after signature ${after} the file was changed: ${what}: ${violation.detail}`, after, {
      detail: violation.detail, revision: k + 1, ...(violation.object === undefined ? {} : { object: violation.object }),
    }));
  }
}

/**
 * Signature dictionaries that no field refers to any more (an update that detached a signature): they are
 * verified as well, so that removing a signature from the form cannot hide it.
 */
function orphanSignatures(file: PdfFile): number[] {
  const found: number[] = [];
  for (let r = 0; r <= file.last; r += 1) {
    for (const [num, entry] of file.revisions[r]!.entries) {
      if (entry.type !== 'offset' || file.definingRevision(num) !== r) continue;
      if (!file.text.slice(entry.offset, entry.offset + 4096).includes('/ByteRange')) continue;
      let dict;
      try {
        dict = file.dict({ kind: 'ref', num, gen: entry.gen });
      } catch {
        found.push(num); // a /ByteRange object that does not parse: its check says why
        continue;
      }
      if (dict?.has('ByteRange') && dict.has('Contents')) found.push(num);
    }
  }
  return found;
}

/** The unsigned signature fields of the document before anyone signed it: the signers the report expects. */
function expectedSignersOf(file: PdfFile, firstSigned: number | null, fieldsNow: SignatureField[]): ExpectedSigner[] {
  const revision = firstSigned === null ? file.last : firstSigned - 1;
  const slots = revision >= 0 ? signatureFields(file, revision).filter((f) => f.signature === null) : fieldsNow.filter((f) => f.name !== null && slotNumber(f.name) !== undefined);
  return slots.filter((f) => f.name !== null).map((f) => {
    const { name, role } = parseSlotDescription(f.alternateName ?? '');
    return { slot: f.name!, name: name.trim() || null, role: role?.trim() || null, signature: null };
  });
}

function trailingBytes(file: PdfFile): number {
  const end = file.revisions.at(-1)!.end;
  return /^[\0\t\n\f\r ]*$/.test(file.text.slice(end)) ? 0 : file.bytes.length - end;
}

function problem(code: VerificationCode, message: string, signature?: number, params: Record<string, string | number> = {}): VerificationProblem {
  return { code, message, ...(signature === undefined ? {} : { signature }), params };
}
