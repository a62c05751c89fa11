import { PdfParser, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax.ts';
import { decodeStream } from './stream-filters.ts';

/** Where an object of one revision lives (ISO 32000-1 7.5.4 and 7.5.8.3). */
export type XrefEntry =
  | { type: 'free'; gen: number }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

/**
 * One revision of the file: the original document or one incremental update (ISO 32000-1 7.5.6). Its bytes are
 * [start, end): from the end of the previous revision to just after its own "%%EOF".
 */
export interface PdfRevision {
  index: number;
  start: number;
  end: number;
  startxref: number;
  kind: 'table' | 'stream';
  trailer: PdfDict;
  /** Only the entries this revision's cross-reference section writes. */
  entries: Map<number, XrefEntry>;
  /** The object number of the cross-reference stream, for 'stream' sections. */
  xrefStream: number | null;
}

export interface PdfStream {
  dict: PdfDict;
  raw: Buffer;
  /** Byte offset of the first data byte. */
  dataStart: number;
  decoded(): Buffer;
}

export interface PdfObject {
  num: number;
  gen: number;
  value: PdfValue;
  stream: PdfStream | null;
  /** Byte offset of "N G obj", or null for an object inside an object stream. */
  offset: number | null;
  /** The object stream that holds it, for compressed objects. */
  container: number | null;
  /** Byte offset just after "endobj" (or after the value in an object stream's data). */
  end: number | null;
}

export class PdfStructureError extends Error {}

/** A limit against reference loops and absurd files (a report has a few hundred objects). */
const MAX_OBJECTS = 1_000_000;

/**
 * Reads a PDF's revisions and objects the way the specification lays them out: every "startxref N %%EOF" ends a
 * revision whose cross-reference section (a classic table or a cross-reference stream, ISO 32000-1 7.5.4/7.5.8)
 * lists what that revision wrote; an object is looked up from a revision backwards. Object streams are read.
 * No repair: a file whose structure does not hold together is refused with the reason.
 */
export function readPdfFile(bytes: Buffer): PdfFile {
  return new PdfFile(bytes);
}

export class PdfFile {
  readonly text: string;
  readonly revisions: PdfRevision[];
  private readonly cache = new Map<string, PdfObject | null>();

  constructor(readonly bytes: Buffer) {
    this.text = bytes.toString('latin1');
    if (!this.text.slice(0, 1024).includes('%PDF-')) throw new PdfStructureError('the file is not a PDF');
    this.revisions = this.readRevisions();
  }

  get last(): number {
    return this.revisions.length - 1;
  }

  /** The object as revision `revision` (0-based) defines it, or null when it is free or never defined. */
  object(num: number, revision = this.last): PdfObject | null {
    const key = `${num}@${revision}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const found = this.lookup(num, revision);
    this.cache.set(key, found);
    return found;
  }

  /** The revision index whose section last wrote `num` at or before `revision`, or null. */
  definingRevision(num: number, revision = this.last): number | null {
    for (let r = revision; r >= 0; r -= 1) if (this.revisions[r]!.entries.has(num)) return r;
    return null;
  }

  entry(num: number, revision = this.last): XrefEntry | null {
    const r = this.definingRevision(num, revision);
    return r === null ? null : this.revisions[r]!.entries.get(num)!;
  }

  /** Follows references (with a depth limit) to a direct value. */
  resolve(value: PdfValue | undefined, revision = this.last): PdfValue | undefined {
    let current = value;
    for (let depth = 0; current?.kind === 'ref' && depth < 32; depth += 1) current = this.object(current.num, revision)?.value;
    return current?.kind === 'ref' ? undefined : current;
  }

  dict(value: PdfValue | undefined, revision = this.last): PdfDict | null {
    const resolved = this.resolve(value, revision);
    return resolved?.kind === 'dict' ? resolved.entries : null;
  }

  /** The document catalog of a revision. */
  catalog(revision = this.last): PdfDict | null {
    return this.dict(this.revisions[revision]!.trailer.get('Root'), revision);
  }

  private lookup(num: number, revision: number): PdfObject | null {
    const entry = this.entry(num, revision);
    if (!entry || entry.type === 'free') return null;
    if (entry.type === 'offset') return this.objectAt(entry.offset, num, entry.gen, revision);
    return this.compressedObject(num, entry.stream, entry.index, revision);
  }

  /** Parses "num gen obj … endobj" at `offset`; the stream's /Length may be a reference of the same revision. */
  objectAt(offset: number, num: number | null, gen: number | null, revision = this.last): PdfObject {
    const parser = new PdfParser(this.text, offset);
    const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(this.text.slice(offset, offset + 40));
    if (!header) throw new PdfStructureError(`no object at byte ${offset}${num === null ? '' : ` (object ${num})`}`);
    const [foundNum, foundGen] = [Number(header[1]), Number(header[2])];
    if ((num !== null && foundNum !== num) || (gen !== null && foundGen !== gen)) {
      throw new PdfStructureError(`the cross-reference entry of object ${num} points at object ${foundNum} ${foundGen}`);
    }
    parser.pos = offset + header[0].length;
    const value = parser.value();
    parser.skipSpace();
    let stream: PdfStream | null = null;
    if (this.text.startsWith('stream', parser.pos)) {
      if (value.kind !== 'dict') throw new PdfStructureError(`object ${foundNum}: a stream without a dictionary`);
      let dataStart = parser.pos + 'stream'.length;
      if (this.text[dataStart] === '\r') dataStart += 1;
      if (this.text[dataStart] === '\n') dataStart += 1;
      const lengthValue = value.entries.get('Length');
      // While the sections are read (this.revisions unset) a /Length must be direct, as 7.5.8.2 requires of xref streams.
      const length = lengthValue?.kind === 'ref' ? (this.revisions && lengthValue.num !== foundNum ? this.resolve(lengthValue, revision) : undefined) : lengthValue;
      if (length?.kind !== 'number' || !Number.isInteger(length.value) || length.value < 0 || dataStart + length.value > this.bytes.length) {
        throw new PdfStructureError(`object ${foundNum}: the stream's /Length is missing or wrong`);
      }
      parser.pos = dataStart + length.value;
      parser.skipSpace();
      if (!this.text.startsWith('endstream', parser.pos)) throw new PdfStructureError(`object ${foundNum}: "endstream" is not where /Length says`);
      parser.pos += 'endstream'.length;
      parser.skipSpace();
      stream = this.makeStream(value.entries, this.bytes.subarray(dataStart, dataStart + length.value), dataStart, revision);
    }
    if (!this.text.startsWith('endobj', parser.pos)) throw new PdfStructureError(`object ${foundNum}: "endobj" expected at byte ${parser.pos}`);
    return { num: foundNum, gen: foundGen, value, stream, offset, container: null, end: parser.pos + 'endobj'.length };
  }

  private makeStream(dict: PdfDict, raw: Buffer, dataStart: number, revision: number): PdfStream {
    let decoded: Buffer | null = null;
    return {
      dict,
      raw,
      dataStart,
      decoded: () => {
        decoded ??= decodeStream(raw, this.resolve(dict.get('Filter'), revision), this.resolve(dict.get('DecodeParms'), revision));
        return decoded;
      },
    };
  }

  private compressedObject(num: number, container: number, index: number, revision: number): PdfObject {
    const holder = this.object(container, revision);
    if (!holder?.stream || holder.value.kind !== 'dict') throw new PdfStructureError(`object ${num} is in object ${container}, which is not an object stream`);
    const dict = holder.value.entries;
    const n = dict.get('N');
    const first = dict.get('First');
    if (dict.get('Type')?.kind !== 'name' || (dict.get('Type') as { value: string }).value !== 'ObjStm' || n?.kind !== 'number' || first?.kind !== 'number') {
      throw new PdfStructureError(`object ${container} is not an object stream`);
    }
    const data = holder.stream.decoded().toString('latin1');
    const header = new PdfParser(data, 0);
    const pairs: [number, number][] = [];
    for (let i = 0; i < n.value; i += 1) {
      header.skipSpace();
      const objectNumber = Number(header.word());
      header.skipSpace();
      const at = Number(header.word());
      pairs.push([objectNumber, at]);
    }
    const pair = pairs[index];
    if (!pair || pair[0] !== num) throw new PdfStructureError(`object stream ${container} does not hold object ${num} at index ${index}`);
    const parser = new PdfParser(data, first.value + pair[1]);
    const value = parser.value();
    return { num, gen: 0, value, stream: null, offset: null, container, end: null };
  }

  private readRevisions(): PdfRevision[] {
    const ends = [...this.text.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
    if (ends.length === 0) throw new PdfStructureError('the file has no complete revision (no "startxref … %%EOF")');
    if (ends.length > 10_000) throw new PdfStructureError('too many revisions');
    const revisions: PdfRevision[] = [];
    let start = 0;
    for (const match of ends) {
      const end = match.index + match[0].length;
      const startxref = Number(match[1]);
      const index = revisions.length;
      const section = this.readSection(startxref, index);
      revisions.push({ index, start, end, startxref, ...section });
      start = end;
      while (start < this.text.length && (this.text[start] === '\r' || this.text[start] === '\n')) start += 1;
    }
    return revisions;
  }

  private readSection(at: number, index: number): Omit<PdfRevision, 'index' | 'start' | 'end' | 'startxref'> {
    if (at >= this.bytes.length) throw new PdfStructureError(`revision ${index + 1}: startxref ${at} points past the end of the file`);
    const parser = new PdfParser(this.text, at);
    parser.skipSpace();
    if (parser.pos !== at && index > 0) throw new PdfStructureError(`revision ${index + 1}: startxref does not point at its cross-reference section`);
    if (this.text.startsWith('xref', parser.pos)) return this.readTable(parser, index);
    return this.readXrefStream(parser.pos, index);
  }

  private readTable(parser: PdfParser, index: number): Omit<PdfRevision, 'index' | 'start' | 'end' | 'startxref'> {
    parser.pos += 4;
    const entries = new Map<number, XrefEntry>();
    for (;;) {
      parser.skipSpace();
      const word = parser.word();
      if (word === 'trailer') break;
      parser.skipSpace();
      const count = parser.word();
      if (!/^\d+$/.test(word) || !/^\d+$/.test(count)) throw new PdfStructureError(`revision ${index + 1}: bad cross-reference subsection header`);
      if (entries.size + Number(count) > MAX_OBJECTS) throw new PdfStructureError(`revision ${index + 1}: too many objects`);
      for (let i = 0; i < Number(count); i += 1) {
        const line = /^[\0\t\n\f\r ]*(\d{10}) (\d{5}) ([nf])/.exec(this.text.slice(parser.pos, parser.pos + 24));
        if (!line) throw new PdfStructureError(`revision ${index + 1}: bad cross-reference entry`);
        parser.pos += line[0].length;
        const num = Number(word) + i;
        if (entries.has(num)) throw new PdfStructureError(`revision ${index + 1}: object ${num} is listed twice`);
        entries.set(num, line[3] === 'n' ? { type: 'offset', offset: Number(line[1]), gen: Number(line[2]) } : { type: 'free', gen: Number(line[2]) });
      }
    }
    const trailer = parser.value();
    if (trailer.kind !== 'dict') throw new PdfStructureError(`revision ${index + 1}: the trailer is not a dictionary`);
    // A hybrid-reference file (7.5.8.4) lists its compressed objects in a stream the trailer names.
    const hybrid = trailer.entries.get('XRefStm');
    if (hybrid?.kind === 'number') {
      const extra = this.readXrefStream(hybrid.value, index);
      for (const [num, entry] of extra.entries) if (!entries.has(num)) entries.set(num, entry);
    }
    return { kind: 'table', trailer: trailer.entries, entries, xrefStream: null };
  }

  private readXrefStream(at: number, index: number): Omit<PdfRevision, 'index' | 'start' | 'end' | 'startxref'> {
    let object: PdfObject;
    try {
      object = this.objectAt(at, null, null, index);
    } catch (error) {
      throw new PdfStructureError(`revision ${index + 1}: no cross-reference section at byte ${at} (${(error as Error).message})`);
    }
    const dict = object.value.kind === 'dict' ? object.value.entries : null;
    const type = dict?.get('Type');
    if (!object.stream || !dict || type?.kind !== 'name' || type.value !== 'XRef') throw new PdfStructureError(`revision ${index + 1}: no cross-reference section at byte ${at}`);
    const w = dict.get('W');
    const size = dict.get('Size');
    if (w?.kind !== 'array' || w.items.length !== 3 || w.items.some((i) => i.kind !== 'number') || size?.kind !== 'number') {
      throw new PdfStructureError(`revision ${index + 1}: the cross-reference stream lacks /W or /Size`);
    }
    const widths = w.items.map((i) => (i as { value: number }).value);
    const indexValue = dict.get('Index');
    const ranges: number[] = indexValue?.kind === 'array' ? indexValue.items.map((i) => (i.kind === 'number' ? i.value : NaN)) : [0, size.value];
    if (ranges.some((n) => !Number.isInteger(n) || n < 0) || ranges.length % 2) throw new PdfStructureError(`revision ${index + 1}: bad /Index`);
    const data = object.stream.decoded();
    const rowLength = widths[0]! + widths[1]! + widths[2]!;
    const entries = new Map<number, XrefEntry>();
    let row = 0;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let i = 0; i < ranges[r + 1]!; i += 1, row += 1) {
        if ((row + 1) * rowLength > data.length) throw new PdfStructureError(`revision ${index + 1}: the cross-reference stream is too short`);
        const field = (f: number, fallback: number) => {
          const width = widths[f]!;
          if (width === 0) return fallback;
          let value = 0;
          let at2 = row * rowLength + widths.slice(0, f).reduce((a, b) => a + b, 0);
          for (let k = 0; k < width; k += 1) value = value * 256 + data[at2++]!;
          return value;
        };
        const kind = field(0, 1);
        const num = ranges[r]! + i;
        if (kind === 0) entries.set(num, { type: 'free', gen: field(2, 0) });
        else if (kind === 1) entries.set(num, { type: 'offset', offset: field(1, 0), gen: field(2, 0) });
        else if (kind === 2) entries.set(num, { type: 'compressed', stream: field(1, 0), index: field(2, 0) });
      }
    }
    return { kind: 'stream', trailer: dict, entries, xrefStream: object.num };
  }
}

export { PdfSyntaxError };
