import type { PdfFile } from '../pdf-reader/pdf-file.ts';
import type { PdfDict, PdfValue } from '../pdf-reader/pdf-syntax.ts';
import { signatureAppearance, type AppearanceText, type UpdateObject } from './signature-appearance.ts';
import { signatureFields, type SignatureField } from './signature-fields.ts';
import { slotNamesSigner } from './signature-slots.ts';
import { SigningError } from './signing-error.ts';

export interface SignatureUpdateRequest {
  /** The signature dictionary (with its placeholders), to be written as a new object. */
  signature: PdfDict;
  /** Field to fill; by default the first unsigned one whose description names `signerName`, else the first unsigned. */
  slot: string | undefined;
  signerName: string;
  /** The visible block, drawn in the filled field's rectangle. */
  appearance: AppearanceText;
  /** Name of the field added when the document has no unsigned field left. */
  newFieldName: string;
}

export interface SignatureUpdatePlan {
  objects: UpdateObject[];
  signatureNum: number;
  /** The field that was filled (or added). */
  field: string;
  certifies: boolean;
}

const ref = (num: number, gen = 0): PdfValue => ({ kind: 'ref', num, gen });
const number = (value: number): PdfValue => ({ kind: 'number', value });
const name = (value: string): PdfValue => ({ kind: 'name', value });

/**
 * The objects one signature adds or changes, and nothing else:
 * - a new signature dictionary;
 * - the field it fills, rewritten (same number, every key kept) with /V, and its widget with /AP << /N form >>,
 *   the form and its fonts being new objects; or, with no field free, a new invisible widget (/Rect [0 0 0 0])
 *   added to the first page's /Annots and to /AcroForm /Fields;
 * - the AcroForm with /SigFlags 3 (SignaturesExist, AppendOnly);
 * - for the first signature of the document only, the catalog with /Perms << /DocMDP sig >>: the signature
 *   certifies the document, permitting only form filling and further signatures (DocMDP P 2, 12.8.2.2), and its
 *   dictionary carries the matching /Reference.
 */
export async function planSignatureUpdate(file: PdfFile, request: SignatureUpdateRequest, firstFree: number): Promise<SignatureUpdatePlan> {
  const catalogRef = file.revisions[file.last]!.trailer.get('Root');
  const catalog = file.catalog();
  if (catalogRef?.kind !== 'ref' || !catalog) throw new SigningError('unsupported-pdf', 'the PDF has no document catalog', { reason: 'no-catalog' });
  const fields = signatureFields(file, file.last);
  const certifies = !fields.some((f) => f.signature !== null || f.malformedValue) && !catalog.has('Perms');
  const chosen = chooseField(fields, request);
  const target = chosen ? fieldAndWidget(file, chosen) : null;

  let next = firstFree;
  const signatureNum = next++;
  const signature = new Map(request.signature);
  if (certifies) signature.set('Reference', docMdpReference());
  const objects: UpdateObject[] = [{ num: signatureNum, gen: 0, value: { kind: 'dict', entries: signature } }];
  const rewrite = (num: number, gen: number, value: PdfValue) => objects.push({ num, gen, value });
  const catalogChanges: Record<string, PdfValue> = {};
  if (certifies) catalogChanges.Perms = { kind: 'dict', entries: new Map([['DocMDP', ref(signatureNum)]]) };

  let newField: number | null = null;
  if (target) {
    let appearance: PdfValue | null = null;
    const [x1, y1, x2, y2] = chosen!.rect ?? [0, 0, 0, 0];
    const [width, height] = [Math.abs(x2 - x1), Math.abs(y2 - y1)].map((n) => Math.round(n * 100) / 100) as [number, number];
    if (width >= 1 && height >= 1) {
      const drawn = await signatureAppearance(request.appearance, width, height, next);
      next += drawn.objects.length;
      objects.push(...drawn.objects);
      appearance = { kind: 'dict', entries: new Map([['N', ref(drawn.form)]]) };
    }
    const merged = target.widget.num === target.field.num;
    rewrite(target.field.num, target.field.gen, withEntries(target.field.dict, { V: ref(signatureNum), ...(merged && appearance ? { AP: appearance } : {}) }));
    if (!merged && appearance) rewrite(target.widget.num, target.widget.gen, withEntries(target.widget.dict, { AP: appearance }));
  } else {
    const page = firstPage(file, catalog);
    newField = next++;
    objects.push({
      num: newField,
      gen: 0,
      value: {
        kind: 'dict',
        entries: new Map<string, PdfValue>([
          ['Type', name('Annot')], ['Subtype', name('Widget')], ['FT', name('Sig')],
          ['T', { kind: 'string', bytes: Buffer.from(request.newFieldName, 'latin1') }],
          ['Rect', { kind: 'array', items: [number(0), number(0), number(0), number(0)] }],
          // Print and Locked (12.5.3): shown nowhere, and a reader offers no way to move or delete it.
          ['F', number(132)], ['P', page.ref], ['V', ref(signatureNum)],
        ]),
      },
    });
    const annots = page.dict.get('Annots');
    if (annots?.kind === 'ref') rewrite(annots.num, annots.gen, appended(file.resolve(annots), ref(newField)));
    else rewrite(page.ref.num, page.ref.gen, withEntries(page.dict, { Annots: appended(annots, ref(newField)) }));
  }

  // The AcroForm: /SigFlags 3, and the new field in /Fields when one was added.
  const acroFormValue = catalog.get('AcroForm');
  const acroForm = file.dict(acroFormValue);
  const fieldsChange: Record<string, PdfValue> = {};
  if (newField !== null) {
    const fieldsValue = acroForm?.get('Fields');
    if (fieldsValue?.kind === 'ref') rewrite(fieldsValue.num, fieldsValue.gen, appended(file.resolve(fieldsValue), ref(newField)));
    else fieldsChange.Fields = appended(fieldsValue, ref(newField));
  }
  const newAcroForm = withEntries(acroForm ?? new Map(), { ...fieldsChange, SigFlags: number(3) });
  if (acroFormValue?.kind === 'ref') rewrite(acroFormValue.num, acroFormValue.gen, newAcroForm);
  else if (acroFormValue) catalogChanges.AcroForm = newAcroForm;
  else {
    const num = next++;
    objects.push({ num, gen: 0, value: newAcroForm });
    catalogChanges.AcroForm = ref(num);
  }
  if (Object.keys(catalogChanges).length) rewrite(catalogRef.num, catalogRef.gen, withEntries(catalog, catalogChanges));
  return { objects, signatureNum, field: chosen?.name ?? request.newFieldName, certifies };
}

function chooseField(fields: readonly SignatureField[], request: SignatureUpdateRequest): SignatureField | null {
  if (request.slot !== undefined) {
    const named = fields.find((f) => f.name === request.slot);
    if (!named) throw new SigningError('unsupported-pdf', `the PDF has no signature field "${request.slot}"`, { reason: 'slot-not-found', slot: request.slot });
    if (named.signature !== null || named.malformedValue) throw new SigningError('unsupported-pdf', `the signature field "${request.slot}" is signed already`, { reason: 'slot-already-signed', slot: request.slot });
    return named;
  }
  const free = fields.filter((f) => f.signature === null && !f.malformedValue);
  return free.find((f) => f.alternateName !== null && slotNamesSigner(f.alternateName, request.signerName)) ?? free[0] ?? null;
}

interface ObjectDict { num: number; gen: number; dict: PdfDict }

/**
 * The field that takes /V and the widget that takes /AP: one dictionary when merged (as the report's slots are);
 * a widget without a name of its own (/T) belongs to its /Parent field.
 */
function fieldAndWidget(file: PdfFile, field: SignatureField): { field: ObjectDict; widget: ObjectDict } {
  const found = file.object(field.num);
  if (!found || found.value.kind !== 'dict') throw new SigningError('unsupported-pdf', `signature field object ${field.num} is missing`, { reason: 'no-field' });
  const widget = { num: found.num, gen: found.gen, dict: found.value.entries };
  const parent = widget.dict.get('Parent');
  const parentObject = !widget.dict.has('T') && parent?.kind === 'ref' ? file.object(parent.num) : null;
  if (parentObject?.value.kind === 'dict') return { field: { num: parentObject.num, gen: parentObject.gen, dict: parentObject.value.entries }, widget };
  return { field: widget, widget };
}

/** A copy of a dictionary with entries set (the original, a parsed object of the file, is left untouched). */
function withEntries(dict: PdfDict, entries: Record<string, PdfValue>): PdfValue {
  const copy = new Map(dict);
  for (const [key, value] of Object.entries(entries)) copy.set(key, value);
  return { kind: 'dict', entries: copy };
}

/** The document-modification-detection reference of a certification signature (12.8.2.2, table 253). */
function docMdpReference(): PdfValue {
  const params: PdfDict = new Map<string, PdfValue>([['Type', name('TransformParams')], ['P', number(2)], ['V', name('1.2')]]);
  const sigRef: PdfDict = new Map<string, PdfValue>([['Type', name('SigRef')], ['TransformMethod', name('DocMDP')], ['TransformParams', { kind: 'dict', entries: params }]]);
  return { kind: 'array', items: [{ kind: 'dict', entries: sigRef }] };
}

function appended(array: PdfValue | undefined, item: PdfValue): PdfValue {
  return { kind: 'array', items: [...(array?.kind === 'array' ? array.items : []), item] };
}

/** The first page in page-tree order. */
function firstPage(file: PdfFile, catalog: PdfDict): { ref: { kind: 'ref'; num: number; gen: number }; dict: PdfDict } {
  let node = catalog.get('Pages');
  for (let depth = 0; depth < 32 && node?.kind === 'ref'; depth += 1) {
    const dict = file.dict(node);
    if (!dict) break;
    const kids = file.resolve(dict.get('Kids'));
    if (kids?.kind !== 'array') return { ref: node, dict };
    node = kids.items[0];
  }
  throw new SigningError('unsupported-pdf', 'the PDF has no page to put the signature on', { reason: 'no-page' });
}
