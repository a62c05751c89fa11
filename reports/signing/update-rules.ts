import type { PdfFile, PdfObject } from '../pdf-reader/pdf-file.ts';
import { canonicalPdf, type PdfDict, type PdfValue } from '../pdf-reader/pdf-syntax.ts';
import { drawsNothing, nameOf, numberOf, rectOf, signatureFields, type SignatureField } from './signature-fields.ts';

/** What is wrong with one incremental update, with the object it concerns. */
export interface UpdateViolation {
  kind: 'changed' | 'appearance-outside-slot' | 'certification';
  detail: string;
  object?: number;
}

/** Keys a signature dictionary may have (ISO 32000-1 Table 252); anything else makes it serve as something more. */
const SIGNATURE_KEYS = new Set(['Type', 'Filter', 'SubFilter', 'Contents', 'Cert', 'ByteRange', 'Reference', 'Changes', 'Name', 'M', 'Location', 'Reason', 'ContactInfo', 'R', 'V', 'Prop_Build', 'Prop_AuthTime', 'Prop_AuthType']);
/** A signature widget may gain its value and appearance (and the appearance state and modification date) when signed. */
const FILLED_SLOT_KEYS = ['V', 'AP', 'AS', 'M'];
/** A new signature widget: no actions (/A, /AA), no kids, nothing that runs or shows beyond its appearance. */
const NEW_WIDGET_KEYS = new Set(['Type', 'Subtype', 'FT', 'T', 'TU', 'TM', 'V', 'Rect', 'F', 'P', 'AP', 'AS', 'MK', 'DA', 'Border', 'BS', 'M', 'NM', 'Ff', 'StructParent', 'Lock', 'SV', 'C']);
/** A form dictionary a signature adds (where the document had none): fields and signature flags, no /NeedAppearances. */
const NEW_FORM_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA', 'Type']);

/**
 * The rule for what may follow a signed revision (ISO 32000-1 12.8.2.2 DocMDP P=2 "fill in forms and sign", made
 * stricter: only signing). Update `k` (0-based revision) may:
 * - add one new signature dictionary (a new object number never referenced before, only signature keys),
 *   referenced only from the /V of its widget; the widget is either a slot the document reserved (an existing
 *   unsigned signature field, gaining only /V and /AP, its rectangle unchanged) or a new field that draws nothing;
 * - add the widget to one page's /Annots and the form's /Fields (keeping every earlier item), set /SigFlags and
 *   add resources to the form's /DR;
 * - add new objects: the widget's appearance and its fonts, a DSS dictionary with its certificates and
 *   revocation data (ETSI EN 319 142-1 5.4); the catalog may gain /AcroForm (when it had none) and /DSS.
 * Nothing else: no other object rewritten, no object deleted, no cross-reference entry pointing into earlier
 * bytes (where content prepared before signing could hide), no new object that an earlier object already
 * referenced (a dangling reference switched on later), no change to the trailer's /Root, /Info or /Encrypt.
 * `signature` is the object number of the signature dictionary this update adds, or null for a DSS-only update.
 */
export function checkUpdate(file: PdfFile, k: number, signature: number | null): UpdateViolation | null {
  const update = file.revisions[k]!;
  const before = k - 1;
  const trailerProblem = checkTrailer(file, k);
  if (trailerProblem) return trailerProblem;

  const written = [...update.entries].filter(([num]) => num !== 0 && num !== update.xrefStream);
  const changed: { num: number; previous: PdfObject | null; current: PdfObject }[] = [];
  for (const [num, entry] of written) {
    if (entry.type === 'free') {
      if (file.object(num, before)) return { kind: 'changed', detail: `the update deletes object ${num}`, object: num };
      continue;
    }
    if (entry.type === 'offset' && (entry.offset < update.start || entry.offset >= update.end)) {
      const previous = file.entry(num, before);
      if (previous?.type === 'offset' && previous.offset === entry.offset && previous.gen === entry.gen) continue; // listed again, unchanged
      return { kind: 'changed', detail: `the update points object ${num} at bytes outside itself (at ${entry.offset}, in earlier content)`, object: num };
    }
    if (entry.type === 'compressed' && file.definingRevision(entry.stream, k) !== k) {
      return { kind: 'changed', detail: `the update puts object ${num} in object stream ${entry.stream} of an earlier revision`, object: num };
    }
    let current: PdfObject | null;
    try {
      current = file.object(num, k);
    } catch (error) {
      return { kind: 'changed', detail: `object ${num} of the update cannot be read (${(error as Error).message})`, object: num };
    }
    if (!current) return { kind: 'changed', detail: `object ${num} of the update cannot be read`, object: num };
    const previous = safeObject(file, num, before);
    if (previous && sameObject(previous, current)) continue;
    if (nameOf(dictOf(current)?.get('Type')) === 'ObjStm' && !previous) continue; // a container; its objects are judged one by one
    changed.push({ num, previous, current });
  }

  const referencedBefore = referencedObjects(file, before);
  for (const { num, previous } of changed) {
    if (!previous && referencedBefore.has(num)) {
      return { kind: 'changed', detail: `the update defines object ${num}, which the signed content already referred to (a prepared reference switched on after signing)`, object: num };
    }
  }

  const catalogNum = refNum(update.trailer.get('Root'));
  const fieldsNow = signatureFields(file, k);
  const fieldsBefore = signatureFields(file, before);
  const newWidgets = new Set(fieldsNow.filter((f) => f.signature !== null && f.signature === signature).map((f) => f.num));
  const added = new Set(changed.filter((c) => !c.previous).map((c) => c.num));
  if (signature !== null && newWidgets.size !== 1) {
    return { kind: 'changed', detail: newWidgets.size ? `signature dictionary ${signature} is the value of ${newWidgets.size} fields` : `signature dictionary ${signature} is the value of no signature field`, object: signature };
  }
  const formNum = refNum(file.catalog(k)?.get('AcroForm'));
  if (formNum !== null && added.has(formNum)) {
    const extra = [...(file.dict({ kind: 'ref', num: formNum, gen: 0 }, k)?.keys() ?? [])].filter((key) => !NEW_FORM_KEYS.has(key));
    if (extra.length) return { kind: 'changed', detail: `the new form dictionary (object ${formNum}) sets ${extra.map((key) => `/${key}`).join(' ')}`, object: formNum };
  }

  // A reserved slot may carry an empty appearance before signing (PDF/A wants one); the signer may redraw it in place.
  const slotAppearance = exclusiveAppearanceObjects(file, before, [...newWidgets].filter((num) => fieldsBefore.some((f) => f.num === num)));

  for (const { num, previous, current } of changed) {
    const dict = dictOf(current);
    const label = describe(num, dict);
    if (previous && slotAppearance.has(num)) {
      if (nameOf(dict?.get('Subtype')) !== 'Form' || !current.stream) return { kind: 'changed', detail: `${label}, the slot's appearance, was replaced by something other than an appearance`, object: num };
      continue;
    }
    if (num === signature) {
      if (previous) return { kind: 'changed', detail: `the new signature dictionary reuses ${describe(num, dictOf(previous))}`, object: num };
      const extra = [...(dict?.keys() ?? [])].filter((key) => !SIGNATURE_KEYS.has(key));
      if (!dict || current.stream || extra.length) return { kind: 'changed', detail: `the new signature dictionary (object ${num}) also carries ${extra.map((k2) => `/${k2}`).join(' ') || 'a stream'}, so it serves as something else too`, object: num };
      if (dict.has('Reference')) return { kind: 'certification', detail: `signature dictionary ${num} certifies the document after an earlier signature (only the first signature may certify)`, object: num };
      continue;
    }
    if (newWidgets.has(num)) {
      const problem = checkWidget(file, k, num, previous, dict, fieldsBefore);
      if (problem) return problem;
      continue;
    }
    if (!previous) continue; // a new object: judged below by what refers to it
    if (num === catalogNum) {
      const problem = checkCatalog(file, k, dictOf(previous), dict);
      if (problem) return { ...problem, object: num };
      continue;
    }
    const previousDict = dictOf(previous);
    const type = nameOf(previousDict?.get('Type'));
    if (previousDict && dict && isFormDict(file, before, num)) {
      if (!sameExcept(previousDict, dict, ['Fields', 'SigFlags', 'DR', 'DA']) || !grows(file, k, previousDict.get('Fields'), dict.get('Fields'), before, newWidgets)
        || !dictGrows(file, previousDict.get('DR'), dict.get('DR'), before, k)) {
        return { kind: 'changed', detail: `${label} (the form) changes more than its list of signature fields`, object: num };
      }
      continue;
    }
    if (type === 'Page' && previousDict && dict) {
      if (!sameExcept(previousDict, dict, ['Annots']) || !grows(file, k, previousDict.get('Annots'), dict.get('Annots'), before, newWidgets)) {
        return { kind: 'changed', detail: `${label} (a page) changes more than its annotations: a signature may only add its own widget`, object: num };
      }
      continue;
    }
    if (previous.value.kind === 'array' && current.value.kind === 'array' && isAnnotsOrFieldsArray(file, before, num)) {
      if (!grows(file, k, previous.value, current.value, before, newWidgets)) return { kind: 'changed', detail: `${label} (a list of annotations or fields) changes more than gaining the new signature`, object: num };
      continue;
    }
    const role = num === refNum(update.trailer.get('Info')) ? ' (the document information dictionary /Info)' : '';
    return { kind: 'changed', detail: `${label}${role} was changed after signing`, object: num };
  }

  // Every added object must be what signing adds: reachable only from the new widget, the form's resources or the DSS.
  const allowedRoots: PdfValue[] = [];
  for (const num of newWidgets) {
    const widget = file.dict({ kind: 'ref', num, gen: 0 }, k);
    const ap = widget?.get('AP');
    if (ap) allowedRoots.push(ap);
  }
  const catalog = file.catalog(k);
  const form = file.dict(catalog?.get('AcroForm'), k);
  for (const key of ['DR']) if (form?.get(key)) allowedRoots.push(form.get(key)!);
  if (catalog?.get('DSS')) allowedRoots.push(catalog.get('DSS')!);
  if (form?.get('Fields')) allowedRoots.push(form.get('Fields')!);
  if (catalog?.get('AcroForm')) allowedRoots.push(catalog.get('AcroForm')!);
  const reachable = reachableFrom(file, k, allowedRoots, added);
  for (const num of newWidgets) reachable.add(num);
  if (signature !== null) reachable.add(signature);
  for (const page of pagesOf(file, k)) {
    const annots = file.resolve(file.dict(page, k)?.get('Annots'), k);
    if (annots && page.kind === 'ref') {
      const ref = file.dict(page, k)?.get('Annots');
      if (ref?.kind === 'ref' && added.has(ref.num)) reachable.add(ref.num);
    }
  }
  const referencedNow = referencesByObject(file, k, changed.map((c) => c.num));
  for (const num of added) {
    if (reachable.has(num)) continue;
    const referrers = referencedNow.get(num) ?? [];
    if (referrers.length === 0) continue; // unreferenced: nothing shows it (some signers leave such objects)
    return { kind: 'changed', detail: `the update adds object ${num}, used by object ${referrers[0]} for something other than a signature`, object: num };
  }
  return null;
}

function checkTrailer(file: PdfFile, k: number): UpdateViolation | null {
  const trailer = file.revisions[k]!.trailer;
  const previous = file.revisions[k - 1]!;
  const prev = trailer.get('Prev');
  if (prev?.kind !== 'number' || prev.value !== previous.startxref) return { kind: 'changed', detail: `revision ${k + 1} does not continue the signed revision (its /Prev is not the previous cross-reference section)` };
  if (trailer.has('Encrypt') && !previous.trailer.has('Encrypt')) return { kind: 'changed', detail: `revision ${k + 1} encrypts the file` };
  for (const key of ['Root', 'Info', 'Encrypt']) {
    if (canonicalPdf(trailer.get(key)) !== canonicalPdf(previous.trailer.get(key)) && !(key === 'Info' && !trailer.has('Info') && previous.kind === 'stream')) {
      return { kind: 'changed', detail: `revision ${k + 1} changes the trailer's /${key}` };
    }
  }
  return null;
}

function checkCatalog(file: PdfFile, k: number, previous: PdfDict | null, current: PdfDict | null): Omit<UpdateViolation, 'object'> | null {
  if (!previous || !current) return { kind: 'changed', detail: 'the document catalog was replaced' };
  if (!sameExcept(previous, current, ['AcroForm', 'DSS'])) {
    const key = [...new Set([...previous.keys(), ...current.keys()])].find((key2) => !['AcroForm', 'DSS'].includes(key2) && canonicalPdf(previous.get(key2)) !== canonicalPdf(current.get(key2)));
    return { kind: key === 'Perms' ? 'certification' : 'changed', detail: `the document catalog's /${key} was changed after signing` };
  }
  const before = previous.get('AcroForm');
  const after = current.get('AcroForm');
  if (before && canonicalPdf(before) !== canonicalPdf(after)) {
    // A direct form dictionary may gain fields; an indirect one stays the same object.
    if (before.kind === 'dict' && after?.kind === 'dict' && sameExcept(before.entries, after.entries, ['Fields', 'SigFlags', 'DR', 'DA'])
      && grows(file, k, before.entries.get('Fields'), after.entries.get('Fields'), k - 1, null)) return null;
    return { kind: 'changed', detail: "the document catalog's /AcroForm was replaced" };
  }
  return null;
}

function checkWidget(file: PdfFile, k: number, num: number, previous: PdfObject | null, dict: PdfDict | null, fieldsBefore: SignatureField[]): UpdateViolation | null {
  if (!dict) return { kind: 'changed', detail: `object ${num} is not a signature widget`, object: num };
  const rect = rectOf(file.resolve(dict.get('Rect'), k));
  const flags = numberOf(file.resolve(dict.get('F'), k)) ?? 0;
  if (previous) {
    const slot = fieldsBefore.find((f) => f.num === num);
    const previousDict = dictOf(previous);
    if (!slot || slot.signature !== null || !previousDict) return { kind: 'changed', detail: `${describe(num, previousDict)} was rewritten: only an unsigned signature field may be filled in`, object: num };
    if (!sameExcept(previousDict, dict, FILLED_SLOT_KEYS)) return { kind: 'changed', detail: `signature field ${slot.name ?? num} changes more than gaining its signature and appearance`, object: num };
    return null;
  }
  const extra = [...dict.keys()].filter((key) => !NEW_WIDGET_KEYS.has(key));
  if (extra.length) return { kind: 'changed', detail: `the new signature field (object ${num}) also sets ${extra.map((key) => `/${key}`).join(' ')}`, object: num };
  if (!drawsNothing(rect, flags)) {
    return { kind: 'appearance-outside-slot', detail: `the new signature field (object ${num}) has a visible appearance at [${rect?.join(' ')}], outside the signature slots the report reserved`, object: num };
  }
  return null;
}

/** The earlier array (direct or by reference) keeps all its items in order; items added are new signature widgets. */
function grows(file: PdfFile, k: number, previous: PdfValue | undefined, current: PdfValue | undefined, before: number, allowed: ReadonlySet<number> | null): boolean {
  const earlier = file.resolve(previous, before);
  const later = file.resolve(current, k);
  const earlierItems = earlier?.kind === 'array' ? earlier.items.map(canonicalPdf) : [];
  if (earlier && earlier.kind !== 'array') return false;
  if (later?.kind !== 'array') return earlierItems.length === 0 && later === undefined;
  const laterItems = later.items.map(canonicalPdf);
  if (!earlierItems.every((item, i) => laterItems[i] === item)) return false;
  return later.items.slice(earlierItems.length).every((item) => item.kind === 'ref' && (allowed === null || allowed.has(item.num)));
}

/** A resource dictionary (/DR) may only gain entries (a signer's appearance font); nothing earlier may change. */
function dictGrows(file: PdfFile, previous: PdfValue | undefined, current: PdfValue | undefined, before: number, k: number): boolean {
  const earlier = file.dict(previous, before);
  if (!earlier) return true;
  const later = file.dict(current, k);
  if (!later) return false;
  for (const [key, value] of earlier) {
    const next = later.get(key);
    if (canonicalPdf(value) === canonicalPdf(next)) continue;
    const a = file.dict(value, before);
    const b = file.dict(next, k);
    if (!a || !b || [...a].some(([k2, v]) => canonicalPdf(v) !== canonicalPdf(b.get(k2)))) return false;
  }
  return true;
}

function sameExcept(previous: PdfDict, next: PdfDict, free: readonly string[]): boolean {
  const keys = new Set([...previous.keys(), ...next.keys()]);
  return [...keys].every((key) => free.includes(key) || canonicalPdf(previous.get(key)) === canonicalPdf(next.get(key)));
}

function sameObject(a: PdfObject, b: PdfObject): boolean {
  if (canonicalPdf(a.value) !== canonicalPdf(b.value)) return false;
  if (!a.stream || !b.stream) return !a.stream && !b.stream;
  return a.stream.raw.equals(b.stream.raw);
}

function safeObject(file: PdfFile, num: number, revision: number): PdfObject | null {
  try {
    return file.object(num, revision);
  } catch {
    return null;
  }
}

function dictOf(object: PdfObject | null): PdfDict | null {
  return object?.value.kind === 'dict' ? object.value.entries : null;
}

function refNum(value: PdfValue | undefined): number | null {
  return value?.kind === 'ref' ? value.num : null;
}

function describe(num: number, dict: PdfDict | null): string {
  const type = nameOf(dict?.get('Type')) ?? nameOf(dict?.get('Subtype'));
  return `object ${num}${type ? ` (/${type})` : ''}`;
}

function isFormDict(file: PdfFile, revision: number, num: number): boolean {
  return refNum(file.catalog(revision)?.get('AcroForm')) === num;
}

function isAnnotsOrFieldsArray(file: PdfFile, revision: number, num: number): boolean {
  if (refNum(file.dict(file.catalog(revision)?.get('AcroForm'), revision)?.get('Fields')) === num) return true;
  return pagesOf(file, revision).some((page) => refNum(file.dict(page, revision)?.get('Annots')) === num);
}

/**
 * Objects reachable from the given widgets' /AP in `revision` and referred to by nothing else: the appearance a
 * slot had before signing, which only that slot can show.
 */
function exclusiveAppearanceObjects(file: PdfFile, revision: number, widgets: readonly number[]): Set<number> {
  if (!widgets.length) return new Set();
  const all = new Set(liveObjects(file, revision));
  const roots = widgets.flatMap((num) => {
    const ap = file.dict({ kind: 'ref', num, gen: 0 }, revision)?.get('AP');
    return ap ? [ap] : [];
  });
  const reachable = reachableFrom(file, revision, roots, all);
  const elsewhere = new Set<number>();
  collectRefs(file.revisions[revision]!.trailer, elsewhere);
  for (const num of all) {
    if (reachable.has(num) || widgets.includes(num)) continue;
    const object = safeObject(file, num, revision);
    if (object) collectRefs(object.value, elsewhere);
  }
  return new Set([...reachable].filter((num) => !elsewhere.has(num)));
}

/** The page objects of a revision's page tree (as references), guarded against loops. */
export function pagesOf(file: PdfFile, revision: number): PdfValue[] {
  const pages: PdfValue[] = [];
  const seen = new Set<number>();
  const walk = (node: PdfValue | undefined, depth: number) => {
    if (!node || node.kind !== 'ref' || seen.has(node.num) || depth > 64) return;
    seen.add(node.num);
    const dict = file.dict(node, revision);
    const type = nameOf(dict?.get('Type'));
    if (type === 'Page') pages.push(node);
    const kids = file.resolve(dict?.get('Kids'), revision);
    if (kids?.kind === 'array') for (const kid of kids.items) walk(kid, depth + 1);
  };
  walk(file.catalog(revision)?.get('Pages'), 0);
  return pages;
}

/** Object numbers referred to anywhere in a revision's live objects and trailer (dangling references included). */
function referencedObjects(file: PdfFile, revision: number): Set<number> {
  const found = new Set<number>();
  collectRefs(file.revisions[revision]!.trailer, found);
  for (const num of liveObjects(file, revision)) {
    const object = safeObject(file, num, revision);
    if (object) collectRefs(object.value, found);
  }
  return found;
}

function referencesByObject(file: PdfFile, revision: number, nums: readonly number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const num of nums) {
    const object = safeObject(file, num, revision);
    if (!object) continue;
    const refs = new Set<number>();
    collectRefs(object.value, refs);
    for (const ref of refs) map.set(ref, [...(map.get(ref) ?? []), num]);
  }
  return map;
}

function liveObjects(file: PdfFile, revision: number): number[] {
  const nums = new Set<number>();
  for (let r = 0; r <= revision; r += 1) for (const [num, entry] of file.revisions[r]!.entries) if (entry.type !== 'free') nums.add(num);
  return [...nums];
}

function reachableFrom(file: PdfFile, revision: number, roots: readonly PdfValue[], within: ReadonlySet<number>): Set<number> {
  const seen = new Set<number>();
  const queue = [...roots];
  while (queue.length) {
    const value = queue.pop()!;
    const refs = new Set<number>();
    collectRefs(value, refs);
    for (const num of refs) {
      if (seen.has(num) || !within.has(num)) continue;
      seen.add(num);
      const object = safeObject(file, num, revision);
      if (object) queue.push(object.value);
    }
  }
  return seen;
}

function collectRefs(value: PdfValue | PdfDict, into: Set<number>): void {
  if (value instanceof Map) {
    for (const v of value.values()) collectRefs(v, into);
    return;
  }
  if (value.kind === 'ref') into.add(value.num);
  else if (value.kind === 'array') for (const item of value.items) collectRefs(item, into);
  else if (value.kind === 'dict') for (const v of value.entries.values()) collectRefs(v, into);
}
