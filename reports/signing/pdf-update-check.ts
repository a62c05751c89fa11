import { canonicalPdf, PdfParser, PdfSyntaxError, type PdfValue } from './pdf-syntax.ts';

interface UpdateObject {
  num: number;
  gen: number;
  offset: number;
  value: PdfValue;
}

type Dict = Map<string, PdfValue>;

/**
 * Checks that the bytes between one signature's covered range and the next signature's are exactly one
 * incremental update that adds the next signature and nothing else: new signature dictionary and widget, the
 * AcroForm listing the new field, the page gaining the widget in /Annots and the catalog gaining /AcroForm. Any
 * other object, a stream, a deleted or re-pointed object, or a changed trailer means something else changed after
 * the earlier signature. Returns what is wrong, or null.
 *
 * Strict by design: an update written by another tool that also adds, say, a visible appearance stream is refused
 * rather than guessed at.
 */
export function unexpectedInUpdate(pdf: string, start: number, end: number, signatureObjectStart: number): string | null {
  const region = pdf.slice(start, end);
  if (region.indexOf('%%EOF') !== region.length - 5) return 'more than one revision was added';
  if (signatureObjectStart < start || signatureObjectStart >= end) return 'the next signature is not in the update that follows';

  let objects: UpdateObject[];
  let xrefAt: number;
  let parser: PdfParser;
  try {
    ({ objects, xrefAt, parser } = readObjects(pdf, start));
  } catch (error) {
    return `the update cannot be read (${(error as Error).message})`;
  }
  if (!objects.some((o) => o.offset === signatureObjectStart)) return 'the next signature dictionary is not an object of the update';

  let xref: Map<number, number>;
  let trailer: Dict;
  try {
    ({ xref, trailer } = readXrefAndTrailer(parser, pdf, xrefAt, end));
  } catch (error) {
    return `the update's cross-reference section cannot be read (${(error as Error).message})`;
  }
  for (const [num, offset] of xref) {
    if (!objects.some((o) => o.num === num && o.offset === offset)) return `the cross-reference table re-points object ${num} outside the update`;
  }
  const trailerProblem = trailerChange(pdf, start, trailer);
  if (trailerProblem) return trailerProblem;

  for (const object of objects) {
    if (object.offset === signatureObjectStart) continue;
    const problem = objectChange(pdf, start, object);
    if (problem) return problem;
  }
  return null;
}

function readObjects(pdf: string, start: number): { objects: UpdateObject[]; xrefAt: number; parser: PdfParser } {
  const parser = new PdfParser(pdf, start);
  const objects: UpdateObject[] = [];
  for (;;) {
    parser.skipSpace();
    const offset = parser.pos;
    const first = parser.word();
    if (first === 'xref') return { objects, xrefAt: offset, parser };
    parser.skipSpace();
    const gen = parser.word();
    parser.skipSpace();
    if (!/^\d+$/.test(first) || !/^\d+$/.test(gen) || parser.word() !== 'obj') throw new PdfSyntaxError(`object or xref expected at ${offset}`);
    const value = parser.value();
    parser.skipSpace();
    const keyword = parser.word();
    if (keyword === 'stream') throw new PdfSyntaxError(`object ${first} is a stream`);
    if (keyword !== 'endobj') throw new PdfSyntaxError(`endobj expected after object ${first}`);
    objects.push({ num: Number(first), gen: Number(gen), offset, value });
  }
}

/** The update's xref table ("n" entries by object number) and trailer dictionary; startxref must point at "xref". */
function readXrefAndTrailer(parser: PdfParser, pdf: string, xrefAt: number, end: number): { xref: Map<number, number>; trailer: Dict } {
  const xref = new Map<number, number>();
  for (;;) {
    parser.skipSpace();
    const word = parser.word();
    if (word === 'trailer') break;
    parser.skipSpace();
    const count = Number(parser.word());
    if (!/^\d+$/.test(word) || !Number.isInteger(count)) throw new PdfSyntaxError('bad subsection header');
    for (let i = 0; i < count; i += 1) {
      const entry = /^\s*(\d{10}) (\d{5}) ([nf])/.exec(pdf.slice(parser.pos, parser.pos + 24));
      if (!entry) throw new PdfSyntaxError('bad xref entry');
      parser.pos += entry[0].length;
      const num = Number(word) + i;
      if (entry[3] === 'n') xref.set(num, Number(entry[1]));
      else if (num !== 0) throw new PdfSyntaxError(`object ${num} is deleted`);
    }
  }
  const trailer = parser.value();
  if (trailer.kind !== 'dict') throw new PdfSyntaxError('trailer is not a dictionary');
  parser.skipSpace();
  if (parser.word() !== 'startxref') throw new PdfSyntaxError('startxref expected');
  parser.skipSpace();
  // Tolerates startxref pointing at whitespace just before "xref" (older @signpdf/placeholder-plain output).
  const startxref = Number(parser.word());
  if (!(startxref <= xrefAt && /^\s*$/.test(pdf.slice(startxref, xrefAt)))) throw new PdfSyntaxError('startxref does not point at the xref table');
  while (/\s/.test(pdf[parser.pos] ?? '')) parser.pos += 1; // not skipSpace: "%%EOF" would read as a comment
  if (!pdf.startsWith('%%EOF', parser.pos) || parser.pos + 5 !== end) throw new PdfSyntaxError('%%EOF expected');
  return { xref, trailer: trailer.entries };
}

function trailerChange(pdf: string, start: number, trailer: Dict): string | null {
  const before = pdf.slice(0, start);
  const previousStartxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(before.slice(-64));
  const prev = trailer.get('Prev');
  if (!previousStartxref || prev?.kind !== 'number' || prev.value !== Number(previousStartxref[1])) return "the update's trailer does not continue the signed revision (/Prev)";
  if (trailer.has('Encrypt')) return 'the update encrypts the file';
  const previous = previousTrailer(before);
  if (!previous) return null; // a cross-reference-stream file before the first signature: /Root is checked by the catalog rule
  for (const key of ['Root', 'Info']) {
    if (canonicalPdf(previous.get(key)) !== canonicalPdf(trailer.get(key))) return `the update changes the trailer's /${key}`;
  }
  return null;
}

function previousTrailer(before: string): Dict | null {
  const at = before.lastIndexOf('trailer');
  if (at < 0) return null;
  try {
    const value = new PdfParser(before, at + 'trailer'.length).value();
    return value.kind === 'dict' ? value.entries : null;
  } catch {
    return null;
  }
}

/** What adding a signature may change in an object; null when the object is one of those changes. */
function objectChange(pdf: string, start: number, object: UpdateObject): string | null {
  const label = `object ${object.num}`;
  if (object.value.kind !== 'dict') return `${label} (not a dictionary) was added or changed`;
  const dict = object.value.entries;
  const name = (key: string) => (dict.get(key)?.kind === 'name' ? (dict.get(key) as { value: string }).value : undefined);
  const previous = previousVersion(pdf, start, object.num, object.gen);
  if (dict.has('ByteRange')) return `${label} is a further signature dictionary`;
  if (name('Subtype') === 'Widget' && name('FT') === 'Sig') return previous ? `${label} rewrites an existing annotation` : null;
  if (name('Type') === 'AcroForm' || (dict.has('Fields') && [...dict.keys()].every((k) => ['Type', 'Fields', 'SigFlags', 'DA', 'DR', 'NeedAppearances'].includes(k)))) {
    return previous && !grows(previous, dict, 'Fields', ['Fields', 'SigFlags']) ? `${label} (the form) changes more than its list of fields` : null;
  }
  if (name('Type') === 'Catalog') return previous && sameExcept(previous, dict, ['AcroForm']) ? null : `${label} (the document catalog) changes more than its form`;
  if (name('Type') === 'Page') return previous && grows(previous, dict, 'Annots', ['Annots']) ? null : `${label} (a page) changes more than its annotations`;
  return `${label}${name('Type') ? ` (/${name('Type')})` : ''} was added or changed`;
}

/** `key`'s array keeps every earlier item (and may add more); keys other than `free` are unchanged. */
function grows(previous: Dict, next: Dict, key: string, free: string[]): boolean {
  const items = (d: Dict) => {
    const v = d.get(key);
    return v?.kind === 'array' ? v.items.map(canonicalPdf) : [];
  };
  const later = new Set(items(next));
  return items(previous).every((item) => later.has(item)) && sameExcept(previous, next, free);
}

function sameExcept(previous: Dict, next: Dict, free: string[]): boolean {
  const keys = new Set([...previous.keys(), ...next.keys()]);
  return [...keys].every((key) => free.includes(key) || canonicalPdf(previous.get(key)) === canonicalPdf(next.get(key)));
}

/** The last definition of object num/gen before `start` (files we sign keep objects in the clear, not in object streams). */
function previousVersion(pdf: string, start: number, num: number, gen: number): Dict | null {
  const before = pdf.slice(0, start);
  const pattern = new RegExp(`(?<![0-9])${num}\\s+${gen}\\s+obj\\b`, 'g');
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(before); m; m = pattern.exec(before)) last = m;
  if (!last) return null;
  try {
    const value = new PdfParser(before, last.index + last[0].length).value();
    return value.kind === 'dict' ? value.entries : null;
  } catch {
    return null;
  }
}
