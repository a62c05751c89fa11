import type { PdfFile } from '../pdf-reader/pdf-file.ts';
import { pdfText, type PdfDict, type PdfValue } from '../pdf-reader/pdf-syntax.ts';

/** A signature field of the document's interactive form (ISO 32000-1 12.7.4.5), signed or not. */
export interface SignatureField {
  /** The field's object (it holds /V); for a merged field and widget also the widget. */
  ref: { num: number; gen: number };
  /** The widget annotation that shows it (the field itself when merged), or null when it has none. */
  widget: { num: number; gen: number } | null;
  /** Fully qualified name (partial names joined by "."). */
  name: string;
  /** /TU: for the report's reserved fields, the expected signer ("Name, role"). */
  description: string | undefined;
  signed: boolean;
  /** The widget's /Rect as [x1 y1 x2 y2], normalised so that x1 <= x2 and y1 <= y2. */
  rect: [number, number, number, number] | null;
  /** The page the widget says it is on (/P). */
  page: { num: number; gen: number } | null;
}

/** Limits against loops in a hostile field tree. */
const MAX_DEPTH = 32;
const MAX_FIELDS = 10_000;

/** Every signature field reachable from the catalog's /AcroForm /Fields, in document order. */
export function signatureFields(file: PdfFile, revision = file.last): SignatureField[] {
  const acroForm = file.dict(file.catalog(revision)?.get('AcroForm'), revision);
  const fields = file.resolve(acroForm?.get('Fields'), revision);
  const found: SignatureField[] = [];
  const seen = new Set<number>();
  const visit = (value: PdfValue, parentName: string, inheritedType: string | undefined, depth: number) => {
    if (value.kind !== 'ref' || seen.has(value.num) || depth > MAX_DEPTH || seen.size > MAX_FIELDS) return;
    seen.add(value.num);
    const dict = file.dict(value, revision);
    if (!dict) return;
    const partial = pdfText(dict.get('T'));
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const type = nameOf(dict.get('FT')) ?? inheritedType;
    const kids = file.resolve(dict.get('Kids'), revision);
    const fieldKids = kids?.kind === 'array' ? kids.items.filter((kid) => file.dict(kid, revision)?.has('T')) : [];
    if (fieldKids.length) {
      for (const kid of fieldKids) visit(kid, name, type, depth + 1);
      return;
    }
    if (type !== 'Sig') return;
    const widgetRef = dict.get('Subtype') ? value : kids?.kind === 'array' && kids.items[0]?.kind === 'ref' ? kids.items[0] : null;
    const widget = widgetRef ? file.dict(widgetRef, revision) : null;
    found.push({
      ref: { num: value.num, gen: value.gen },
      widget: widgetRef?.kind === 'ref' ? { num: widgetRef.num, gen: widgetRef.gen } : null,
      name,
      description: pdfText(dict.get('TU')),
      signed: dict.has('V') && file.resolve(dict.get('V'), revision)?.kind === 'dict',
      rect: rectOf(file.resolve(widget?.get('Rect'), revision)),
      page: widget?.get('P')?.kind === 'ref' ? refOf(widget.get('P')!) : null,
    });
  };
  if (fields?.kind === 'array') for (const field of fields.items) visit(field, '', undefined, 0);
  return found;
}

function rectOf(value: PdfValue | undefined): SignatureField['rect'] {
  if (value?.kind !== 'array' || value.items.length !== 4 || value.items.some((i) => i.kind !== 'number')) return null;
  const [a, b, c, d] = value.items.map((i) => (i as { value: number }).value) as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

function refOf(value: PdfValue): { num: number; gen: number } | null {
  return value.kind === 'ref' ? { num: value.num, gen: value.gen } : null;
}

export function nameOf(value: PdfValue | undefined): string | undefined {
  return value?.kind === 'name' ? value.value : undefined;
}

/** A copy of a dictionary with entries set (the original, a parsed object of the file, is left untouched). */
export function withEntries(dict: PdfDict, entries: Record<string, PdfValue>): PdfValue {
  const copy = new Map(dict);
  for (const [key, value] of Object.entries(entries)) copy.set(key, value);
  return { kind: 'dict', entries: copy };
}
