import type { PdfValue } from './pdf-syntax.ts';

/**
 * A PDF object in its text form (ISO 32000-1 7.3); strings as hex, so any bytes survive. `sortKeys` gives one text
 * per value whatever the order of dictionary keys, for comparing two versions of an object.
 */
export function serializePdf(value: PdfValue, sortKeys = false): string {
  switch (value.kind) {
    case 'dict': {
      const entries = [...value.entries];
      if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `<<${entries.map(([k, v]) => `/${pdfName(k)} ${serializePdf(v, sortKeys)}`).join(' ')}>>`;
    }
    case 'array':
      return `[${value.items.map((item) => serializePdf(item, sortKeys)).join(' ')}]`;
    case 'name':
      return `/${pdfName(value.value)}`;
    case 'number':
      return Number.isInteger(value.value) ? String(value.value) : String(Number(value.value.toFixed(6)));
    case 'string':
      return `<${value.bytes.toString('hex').toUpperCase()}>`;
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
  }
}

/** Name characters outside the regular printable set are written as #xx (7.3.5). */
function pdfName(name: string): string {
  return [...Buffer.from(name, 'latin1')].map((b) => (b > 0x20 && b < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, '0')}`)).join('');
}
