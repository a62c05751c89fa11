import { serializePdf } from './pdf-write.ts';

/**
 * Just enough of PDF's object syntax (ISO 32000-1 7.3) to read signature dictionaries and compare the small
 * dictionaries a signature update rewrites (catalog, page, AcroForm). Works on a latin1 string of the file, so
 * string offsets are byte offsets. Streams are not parsed; the caller treats them as "something else changed".
 */
export type PdfValue =
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'name'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'string'; bytes: Buffer }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

const WHITESPACE = '\0\t\n\f\r ';
const DELIMITERS = '()<>[]{}/%';

export type PdfDict = Map<string, PdfValue>;

export class PdfSyntaxError extends Error {}

/** Real documents nest a few levels; a hostile file nested thousands deep must not exhaust the stack. */
const MAX_DEPTH = 256;

export class PdfParser {
  private depth = 0;

  constructor(private readonly text: string, public pos = 0) {}

  /** One direct object (a "N G R" reference counts as one). */
  value(): PdfValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end of data');
    if (c === '<' && this.text[this.pos + 1] === '<') return this.dict();
    if (c === '<') return { kind: 'string', bytes: this.hexString() };
    if (c === '(') return { kind: 'string', bytes: this.literalString() };
    if (c === '[') return this.array();
    if (c === '/') return { kind: 'name', value: this.name() };
    const word = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // "12 0 R" is a reference: look ahead without consuming if it is not.
      if (/^\d+$/.test(word)) {
        const save = this.pos;
        this.skipSpace();
        const gen = this.word();
        this.skipSpace();
        if (/^\d+$/.test(gen) && this.word() === 'R') return { kind: 'ref', num: Number(word), gen: Number(gen) };
        this.pos = save;
      }
      return { kind: 'number', value: Number(word) };
    }
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    throw new PdfSyntaxError(`unexpected token "${word}" at ${this.pos}`);
  }

  dict(): PdfValue & { kind: 'dict' } {
    this.enter();
    this.expect('<<');
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.pos)) {
        this.pos += 2;
        this.depth -= 1;
        return { kind: 'dict', entries };
      }
      if (this.text[this.pos] !== '/') throw new PdfSyntaxError(`dictionary key expected at ${this.pos}`);
      const key = this.name();
      entries.set(key, this.value());
    }
  }

  /** A dictionary with where each value starts and ends (byte offsets), for checks that need positions (/Contents). */
  dictWithSpans(): Map<string, { value: PdfValue; start: number; end: number }> {
    this.skipSpace();
    this.expect('<<');
    const entries = new Map<string, { value: PdfValue; start: number; end: number }>();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.pos)) {
        this.pos += 2;
        return entries;
      }
      if (this.text[this.pos] !== '/') throw new PdfSyntaxError(`dictionary key expected at ${this.pos}`);
      const key = this.name();
      this.skipSpace();
      const start = this.pos;
      const value = this.value();
      if (entries.has(key)) throw new PdfSyntaxError(`dictionary key /${key} appears twice at ${start}`);
      entries.set(key, { value, start, end: this.pos });
    }
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c !== undefined && WHITESPACE.includes(c)) this.pos += 1;
      else if (c === '%') while (this.pos < this.text.length && !'\r\n'.includes(this.text[this.pos]!)) this.pos += 1;
      else return;
    }
  }

  /** A bare word (number, keyword); empty at a delimiter. */
  word(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !WHITESPACE.includes(this.text[this.pos]!) && !DELIMITERS.includes(this.text[this.pos]!)) this.pos += 1;
    return this.text.slice(start, this.pos);
  }

  private expect(token: string) {
    if (!this.text.startsWith(token, this.pos)) throw new PdfSyntaxError(`"${token}" expected at ${this.pos}`);
    this.pos += token.length;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new PdfSyntaxError(`objects nested more than ${MAX_DEPTH} deep at ${this.pos}`);
  }

  private array(): PdfValue {
    this.enter();
    this.expect('[');
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        this.depth -= 1;
        return { kind: 'array', items };
      }
      items.push(this.value());
    }
  }

  private name(): string {
    this.expect('/');
    return this.word().replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private hexString(): Buffer {
    this.expect('<');
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    const hex = this.text.slice(this.pos, end).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new PdfSyntaxError('bad hex string');
    this.pos = end + 1;
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  }

  private literalString(): Buffer {
    this.expect('(');
    const out: number[] = [];
    let depth = 1;
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++]!;
      if (c === '\\') {
        const next = this.text[this.pos++] ?? '';
        if (next in escapes) out.push(escapes[next]!);
        else if (/[0-7]/.test(next)) {
          let octal = next;
          while (octal.length < 3 && /[0-7]/.test(this.text[this.pos] ?? '')) octal += this.text[this.pos++];
          out.push(parseInt(octal, 8) & 0xff);
        } else if (next === '\r') {
          if (this.text[this.pos] === '\n') this.pos += 1;
        } else if (next !== '\n') out.push(next.charCodeAt(0));
        continue;
      }
      if (c === '(') depth += 1;
      if (c === ')' && --depth === 0) return Buffer.from(out);
      out.push(c.charCodeAt(0));
    }
    throw new PdfSyntaxError('unterminated string');
  }
}

/** A PDF text string: UTF-16BE with a byte order mark, else PDFDocEncoding (read as latin1, which agrees for letters). */
export function pdfText(value: PdfValue | undefined): string | undefined {
  if (value?.kind !== 'string') return undefined;
  const { bytes } = value;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/** A PDF date ("D:20261123124245+02'00'") as a Date; undefined when it is not one. */
export function pdfDate(text: string | undefined): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(text ?? '');
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return new Date(utc - offset);
}

/** A stable text form of a value, for comparing two versions of a dictionary ('' for a missing value). */
export function canonicalPdf(value: PdfValue | undefined): string {
  return value ? serializePdf(value, true) : '';
}
