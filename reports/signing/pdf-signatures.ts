import { PdfParser, pdfDate, pdfText, type PdfValue } from './pdf-syntax.ts';

/** One signature dictionary found in the file's bytes, before any check. */
export interface FoundSignature {
  /** Byte offset of the "N G obj" that holds the dictionary (or of /ByteRange when that cannot be found). */
  objectStart: number;
  /** The four /ByteRange numbers, or null when they are not four non-negative integers (e.g. an unfilled placeholder). */
  byteRange: [number, number, number, number] | null;
  dictionary: Map<string, PdfValue> | null;
  subFilter: string | null;
  nameInDictionary: string | null;
  reason: string | null;
  location: string | null;
  /** /M, the signing time the signature dictionary states (informational; the CMS time is preferred). */
  claimedTime: Date | null;
}

/**
 * Every /ByteRange in the file, each with the dictionary around it. A byte scan rather than a walk from the
 * catalog: a verifier must see signatures an edited file no longer references, too.
 */
export function findSignatures(pdf: string): FoundSignature[] {
  const found: FoundSignature[] = [];
  let at = pdf.indexOf('/ByteRange');
  while (at >= 0) {
    found.push(describe(pdf, at));
    at = pdf.indexOf('/ByteRange', at + 10);
  }
  return found;
}

function describe(pdf: string, byteRangeAt: number): FoundSignature {
  const numbers = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.slice(byteRangeAt, byteRangeAt + 100));
  const byteRange = numbers ? ([Number(numbers[1]), Number(numbers[2]), Number(numbers[3]), Number(numbers[4])] as [number, number, number, number]) : null;
  const object = enclosingObject(pdf, byteRangeAt);
  const dictionary = object?.dictionary ?? null;
  const name = (key: string) => {
    const value = dictionary?.get(key);
    return value?.kind === 'name' ? value.value : null;
  };
  return {
    objectStart: object?.start ?? byteRangeAt,
    byteRange,
    dictionary,
    subFilter: name('SubFilter'),
    nameInDictionary: pdfText(dictionary?.get('Name')) ?? null,
    reason: pdfText(dictionary?.get('Reason')) ?? null,
    location: pdfText(dictionary?.get('Location')) ?? null,
    claimedTime: pdfDate(pdfText(dictionary?.get('M'))) ?? null,
  };
}

/**
 * The indirect object whose dictionary holds the /ByteRange at `at`: the nearest "N G obj" before it. Found by
 * walking back over "obj" keywords, not with a regex over the window: /Contents holds long runs of digits that
 * make a "(\d+)\s+(\d+)\s+obj" regex backtrack quadratically.
 */
function enclosingObject(pdf: string, at: number): { start: number; dictionary: Map<string, PdfValue> } | null {
  const limit = Math.max(0, at - 256 * 1024);
  for (let obj = pdf.lastIndexOf('obj', at); obj >= limit; obj = pdf.lastIndexOf('obj', obj - 1)) {
    const header = /(?:^|[^0-9])(\d+)\s+(\d+)\s+$/.exec(pdf.slice(Math.max(0, obj - 40), obj));
    if (!header || /[A-Za-z0-9]/.test(pdf[obj + 3] ?? '')) continue;
    const start = obj - (header[0].length - (/^[0-9]/.test(header[0]) ? 0 : 1));
    try {
      const value = new PdfParser(pdf, obj + 3).value();
      return value.kind === 'dict' && value.entries.has('ByteRange') ? { start, dictionary: value.entries } : null;
    } catch {
      return null;
    }
  }
  return null;
}
