/**
 * Empty signature fields (ISO 32000-1 12.7.4.5) written with pdfkit's own object writer, so the report stays one
 * classic PDF with a plain cross-reference table. pdfkit 0.17 has no signature fields: its form support
 * (initForm/formAnnotation) would add /NeedAppearances and a default font that a signed form must not need. We use
 * the same internals it uses there (doc.ref, the page's /Annots array, the catalog's /AcroForm), pinned by
 * tests/reports/signature-slots.test.ts.
 */

export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: string | Buffer): void;
  end(): void;
}

interface PdfkitInternals {
  ref(data: Record<string, unknown>): PdfRef;
  page: { dictionary: PdfRef; annotations: PdfRef[] };
  _root: PdfRef;
  _convertRect(x: number, y: number, w: number, h: number): [number, number, number, number];
  endAcroForm(): unknown;
}

export interface SignatureFieldSpec {
  /** Partial field name (/T), unique in the document. */
  name: string;
  /** The field's description (/TU), shown by readers as its tooltip. */
  description: string;
  /** Top-left corner and size in pdfkit's page coordinates (y down), on the current page. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Adds an unsigned signature field on the current page: a merged field and widget annotation without /V, listed in
 * the page's /Annots and the catalog's /AcroForm /Fields. Print flag (/F 4) so that the signature that fills it
 * prints. /SigFlags 1: the document has signature fields (3 once signed, which the signer sets).
 * PDF/A-2 (6.3.3) wants an appearance for every annotation with an area: an empty form (it draws nothing; the
 * page shows the reserved place), which the signature replaces with its own (/AP is one of the keys a
 * signature may set, reports/signing/update-rules.ts). Returns the widget, for the structure tree.
 */
export function addSignatureField(document: PDFKit.PDFDocument, spec: SignatureFieldSpec): PdfRef {
  const doc = document as unknown as PdfkitInternals;
  const empty = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, round(spec.width), round(spec.height)], Resources: {} });
  empty.end();
  const widget = doc.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    // pdfkit writes a JavaScript String object as a PDF string (UTF-16BE when needed) and a primitive string as a name.
    T: new String(spec.name),
    TU: new String(spec.description),
    Rect: doc._convertRect(spec.x, spec.y, spec.width, spec.height).map(round),
    F: 4,
    P: doc.page.dictionary,
    AP: { N: empty },
  });
  doc.page.annotations.push(widget);
  acroFormOf(doc).data.Fields = [...(acroFormOf(doc).data.Fields as PdfRef[]), widget];
  return widget;
}

/** Writes the widget once everything has been set on it (the structure tree adds /StructParent). */
export function endSignatureField(widget: PdfRef): void {
  widget.end();
}

function acroFormOf(doc: PdfkitInternals): PdfRef {
  const existing = doc._root.data.AcroForm as PdfRef | undefined;
  if (existing) return existing;
  const acroForm = doc.ref({ Fields: [], SigFlags: 1 });
  doc._root.data.AcroForm = acroForm;
  // pdfkit's endAcroForm expects its own form state (fonts, NeedAppearances); ours only has to be written.
  doc.endAcroForm = () => {
    acroForm.end();
    return doc;
  };
  return acroForm;
}

/** Two decimals: what a reader needs, and the same bytes for the same layout. */
const round = (n: number) => Math.round(n * 100) / 100;
