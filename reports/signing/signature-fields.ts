import type { PdfFile } from '../pdf-reader/pdf-file.ts';
import { pdfText, type PdfDict, type PdfValue } from '../pdf-reader/pdf-syntax.ts';

/** A signature form field (merged with its widget, as signing tools write them) as one revision defines it. */
export interface SignatureField {
  /** The object number of the field/widget dictionary. */
  num: number;
  /** Fully qualified field name (parent names joined with "."). */
  name: string | null;
  /** The alternate (user-facing) name: for the report's slots, "name, role" of the expected signer. */
  alternateName: string | null;
  /** /V: the signature dictionary's object number, or null for an unsigned field. */
  signature: number | null;
  /** /V is present but is not a reference to a dictionary (a malformed or forged value). */
  malformedValue: boolean;
  rect: [number, number, number, number] | null;
  flags: number;
}

const MAX_FIELDS = 10_000;

/** Every signature field reachable from the catalog's /AcroForm /Fields in `revision` (ISO 32000-1 12.7.3). */
export function signatureFields(file: PdfFile, revision: number): SignatureField[] {
  const catalog = file.catalog(revision);
  const form = file.dict(catalog?.get('AcroForm'), revision);
  const roots = file.resolve(form?.get('Fields'), revision);
  const found: SignatureField[] = [];
  const seen = new Set<number>();
  const visit = (value: PdfValue, parentName: string | null, inheritedType: string | null) => {
    if (value.kind !== 'ref' || seen.has(value.num) || seen.size > MAX_FIELDS) return;
    seen.add(value.num);
    const dict = file.dict(value, revision);
    if (!dict) return;
    const partial = pdfText(dict.get('T')) ?? null;
    const name = partial === null ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const type = nameOf(file.resolve(dict.get('FT'), revision)) ?? inheritedType;
    const kids = file.resolve(dict.get('Kids'), revision);
    if (kids?.kind === 'array') {
      for (const kid of kids.items) visit(kid, name, type);
      return;
    }
    if (type !== 'Sig') return;
    const v = dict.get('V');
    // A value that cannot even be parsed is still this field's signature: its check reports it as unreadable.
    const signatureDict = v?.kind === 'ref' ? readable(() => file.dict(v, revision)) : null;
    found.push({
      num: value.num,
      name,
      alternateName: pdfText(file.resolve(dict.get('TU'), revision)) ?? null,
      signature: v?.kind === 'ref' && signatureDict !== null ? v.num : null,
      malformedValue: v !== undefined && v.kind !== 'null' && !(v.kind === 'ref' && signatureDict !== null),
      rect: rectOf(file.resolve(dict.get('Rect'), revision)),
      flags: numberOf(file.resolve(dict.get('F'), revision)) ?? 0,
    });
  };
  if (roots?.kind === 'array') for (const root of roots.items) visit(root, null, null);
  return found;
}

/** The dictionary, 'unreadable' when its object does not parse, or null when it is missing or not a dictionary. */
function readable(read: () => PdfDict | null): PdfDict | 'unreadable' | null {
  try {
    return read();
  } catch {
    return 'unreadable';
  }
}

export function nameOf(value: PdfValue | undefined): string | null {
  return value?.kind === 'name' ? value.value : null;
}

export function numberOf(value: PdfValue | undefined): number | null {
  return value?.kind === 'number' ? value.value : null;
}

export function rectOf(value: PdfValue | undefined): [number, number, number, number] | null {
  if (value?.kind !== 'array' || value.items.length !== 4 || value.items.some((i) => i.kind !== 'number')) return null;
  return value.items.map((i) => (i as { value: number }).value) as [number, number, number, number];
}

/** An annotation draws nothing when its rectangle has no area or it is hidden (flags Hidden 2, NoView 32). */
export function drawsNothing(rect: SignatureField['rect'], flags: number): boolean {
  if (flags & (2 | 32)) return true;
  if (!rect) return true;
  return Math.abs(rect[2] - rect[0]) < 0.01 || Math.abs(rect[3] - rect[1]) < 0.01;
}

export function isDictOfType(dict: PdfDict | null, type: string): boolean {
  return nameOf(dict?.get('Type')) === type;
}
