import { inflateSync } from 'node:zlib';
import type { PdfValue } from './pdf-syntax.ts';

/** Decoded streams are capped: a verifier must not be made to inflate a bomb. */
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

/**
 * The filters a verifier needs to read cross-reference and object streams (ISO 32000-1 7.4.4 FlateDecode with the
 * PNG/TIFF predictors of 7.4.4.4). Other filters are not needed to read structure, so they are refused.
 */
export function decodeStream(raw: Buffer, filter: PdfValue | undefined, parms: PdfValue | undefined): Buffer {
  const filters = filter === undefined ? [] : filter.kind === 'array' ? filter.items : [filter];
  const parmList = parms === undefined ? [] : parms.kind === 'array' ? parms.items : [parms];
  let data = raw;
  filters.forEach((f, i) => {
    if (f.kind !== 'name' || (f.value !== 'FlateDecode' && f.value !== 'Fl')) throw new Error(`stream filter ${f.kind === 'name' ? f.value : '?'} is not supported`);
    data = inflateSync(data, { maxOutputLength: MAX_DECODED_BYTES });
    const p = parmList[i];
    if (p?.kind === 'dict') data = unpredict(data, p.entries);
  });
  return data;
}

function unpredict(data: Buffer, parms: Map<string, PdfValue>): Buffer {
  const num = (key: string, fallback: number) => {
    const v = parms.get(key);
    return v?.kind === 'number' ? v.value : fallback;
  };
  const predictor = num('Predictor', 1);
  if (predictor === 1) return data;
  if (predictor === 2) throw new Error('TIFF predictor is not supported');
  const colors = num('Colors', 1);
  const bits = num('BitsPerComponent', 8);
  const columns = num('Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  let previous = Buffer.alloc(rowLength);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (rowLength + 1)]!;
    const row = data.subarray(r * (rowLength + 1) + 1, (r + 1) * (rowLength + 1));
    const current = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i += 1) {
      const left = i >= bpp ? current[i - bpp]! : 0;
      const up = previous[i]!;
      const upLeft = i >= bpp ? previous[i - bpp]! : 0;
      const x = row[i]!;
      switch (type) {
        case 0: current[i] = x; break;
        case 1: current[i] = (x + left) & 0xff; break;
        case 2: current[i] = (x + up) & 0xff; break;
        case 3: current[i] = (x + ((left + up) >> 1)) & 0xff; break;
        case 4: current[i] = (x + paeth(left, up, upLeft)) & 0xff; break;
        default: throw new Error(`PNG predictor row type ${type} is not valid`);
      }
    }
    previous = current;
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
