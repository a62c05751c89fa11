import { createHash } from 'node:crypto';
import type { PdfFile } from '../pdf-reader/pdf-file.ts';
import type { PdfDict, PdfValue } from '../pdf-reader/pdf-syntax.ts';
import { serializePdf } from '../pdf-reader/pdf-write.ts';
import type { UpdateObject } from './signature-appearance.ts';

/**
 * An incremental update (ISO 32000-1 7.5.6) appended to `base`: the given objects, a classic cross-reference table
 * listing only them, and a trailer continuing the last one (/Prev, the same /Root and /Info, /ID with its first
 * element kept). Nothing before the update changes. The file ends right after "%%EOF", with no end-of-line, so
 * that a signature's byte range can end exactly at the end of the file.
 *
 * Returns the bytes and where each object starts.
 */
export function appendUpdate(file: PdfFile, objects: readonly UpdateObject[], idSeed: string): { pdf: Buffer; offsets: Map<number, number> } {
  const base = file.bytes;
  const chunks: Buffer[] = [base];
  let length = base.length;
  const push = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  if (base.length && base[base.length - 1] !== 0x0a && base[base.length - 1] !== 0x0d) push('\n');

  const offsets = new Map<number, number>();
  for (const object of objects) {
    if (offsets.has(object.num)) throw new Error(`incremental update: object ${object.num} written twice`);
    offsets.set(object.num, length);
    push(`${object.num} ${object.gen} obj\n${serializePdf(object.value)}\n`);
    if (object.stream) {
      push('stream\n');
      push(object.stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  }

  const xrefAt = length;
  push(`xref\n${xrefSubsections(objects, offsets)}`);
  push(`trailer\n${serializePdf({ kind: 'dict', entries: nextTrailer(file, objects, idSeed) })}\nstartxref\n${xrefAt}\n%%EOF`);
  return { pdf: Buffer.concat(chunks, length), offsets };
}

/** Contiguous runs of object numbers, each entry exactly 20 bytes ("nnnnnnnnnn ggggg n" + space + LF, 7.5.4). */
function xrefSubsections(objects: readonly UpdateObject[], offsets: Map<number, number>): string {
  const sorted = [...objects].sort((a, b) => a.num - b.num);
  let text = '';
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.num === sorted[j]!.num + 1) j += 1;
    text += `${sorted[i]!.num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k += 1) {
      text += `${String(offsets.get(sorted[k]!.num)).padStart(10, '0')} ${String(sorted[k]!.gen).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return text;
}

/** One more than the highest object number any revision has used: the first number free for new objects. */
export function nextObjectNumber(file: PdfFile): number {
  let size = 0;
  for (const revision of file.revisions) {
    const value = revision.trailer.get('Size');
    if (value?.kind === 'number') size = Math.max(size, value.value);
    for (const num of revision.entries.keys()) size = Math.max(size, num + 1);
  }
  return size;
}

/** Keys that belong to a cross-reference stream's dictionary, not to a trailer. */
const STREAM_ONLY = new Set(['Type', 'W', 'Index', 'Filter', 'DecodeParms', 'Length', 'XRefStm', 'Prev']);

function nextTrailer(file: PdfFile, objects: readonly UpdateObject[], idSeed: string): PdfDict {
  const last = file.revisions[file.last]!;
  const trailer: PdfDict = new Map([...last.trailer].filter(([key]) => !STREAM_ONLY.has(key)));
  const size = Math.max(nextObjectNumber(file), ...objects.map((o) => o.num + 1));
  trailer.set('Size', { kind: 'number', value: size });
  trailer.set('Prev', { kind: 'number', value: last.startxref });
  // /ID: the first element identifies the document and never changes; the second identifies this version.
  const version: PdfValue = { kind: 'string', bytes: createHash('sha256').update(file.bytes).update(idSeed).digest().subarray(0, 16) };
  const id = file.resolve(last.trailer.get('ID'));
  const first = id?.kind === 'array' && id.items[0]?.kind === 'string' ? id.items[0] : version;
  trailer.set('ID', { kind: 'array', items: [first, version] });
  return trailer;
}
