/**
 * The report's structure tree (ISO 32000-1 14.7–14.8, tagged PDF): what assistive technology reads, in reading
 * order, and what PDF/A and PDF/UA checkers look for. Built with pdfkit 0.17's own structure API (doc.struct,
 * doc.markStructureContent), plus three things pdfkit lacks, written through the same object writer:
 * table attributes (/A: header scope, column span), and a Form element that points at a signature widget
 * (an /OBJR kid, with the widget's /StructParent in the parent tree).
 *
 * Every text line is its own marked-content sequence, opened and closed around the one `doc.text` call, so no
 * marked content ever spans a page break; an element (a table cell that runs over a page) collects the sequences
 * of every page it appears on, in the order they are drawn. Page furniture (running header and footer, repeated
 * table headers, "(continued)" lines, rules, fills) is marked as /Artifact, so readers skip it.
 */

export type StructType =
  | 'Document' | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'P' | 'Table' | 'TR' | 'TH' | 'TD'
  | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Figure' | 'Caption' | 'Form' | 'Span';

export interface StructOptions {
  alt?: string;
  lang?: string;
  /** Table attributes (/A << /O /Table ... >>). */
  scope?: 'Row' | 'Column';
  colSpan?: number;
}

interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

/** pdfkit's structure element as far as this module touches it (pdfkit 0.17). */
export interface StructElement {
  dictionary: PdfRef;
  add(child: StructElement | PDFKit.PDFStructureContent): StructElement;
  end(): void;
}

interface MarkingInternals {
  getStructTreeRoot(): PdfRef & { data: { ParentTree: { add(key: number, value: unknown): void }; ParentTreeNextKey: number } };
  page: { dictionary: PdfRef };
}

export class Tagger {
  private readonly stack: StructElement[];
  private artifactDepth = 0;

  constructor(readonly doc: PDFKit.PDFDocument) {
    const root = this.make('Document');
    doc.addStructure(root as unknown as PDFKit.PDFStructureElement);
    this.stack = [root];
  }

  /** The element content is marked into by default: the innermost open one. */
  get current(): StructElement {
    return this.stack.at(-1)!;
  }

  get inArtifact(): boolean {
    return this.artifactDepth > 0;
  }

  /** A new element, added as the last child of `parent` (by default the current element), not opened. */
  child(type: StructType, options: StructOptions = {}, parent: StructElement = this.current): StructElement {
    const element = this.make(type, options);
    parent.add(element);
    return element;
  }

  /** Opens a child of the current element: content is marked into it until it is closed. */
  open(type: StructType, options: StructOptions = {}): StructElement {
    const element = this.child(type, options);
    this.stack.push(element);
    return element;
  }

  close(element: StructElement): void {
    const index = this.stack.lastIndexOf(element);
    if (index <= 0) throw new Error('closing a structure element that is not open');
    for (const open of this.stack.splice(index)) open.end();
  }

  /** `draw` inside a new element of `type`. */
  within<T>(type: StructType, draw: (element: StructElement) => T, options: StructOptions = {}): T {
    const element = this.open(type, options);
    try {
      return draw(element);
    } finally {
      this.close(element);
    }
  }

  /** What `draw` writes becomes content of `element` (default: the current element); nested marks join it. */
  mark(draw: () => void, element: StructElement = this.current): void {
    if (this.artifactDepth > 0 || this.marking) {
      draw();
      return;
    }
    const type = String(element.dictionary.data.S);
    const content = this.doc.markStructureContent(type);
    this.marking = true;
    try {
      draw();
    } finally {
      this.marking = false;
      this.doc.endMarkedContent();
    }
    element.add(content);
  }

  private marking = false;

  /** What `draw` writes is page furniture or decoration, outside the structure tree. */
  artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    if (this.artifactDepth > 0 || this.marking) {
      draw();
      return;
    }
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    this.artifactDepth += 1;
    try {
      draw();
    } finally {
      this.artifactDepth -= 1;
      this.doc.endMarkedContent();
    }
  }

  /**
   * A Form element for an annotation on the current page (a signature widget): the element's kid is an object
   * reference to the widget, and the widget's /StructParent key maps back to the element in the parent tree.
   */
  formFor(widget: PdfRef, description: string): void {
    const internals = this.doc as unknown as MarkingInternals;
    const form = this.child('Form', { alt: description });
    const page = internals.page.dictionary;
    const root = internals.getStructTreeRoot();
    const key = root.data.ParentTreeNextKey++;
    root.data.ParentTree.add(key, form.dictionary);
    widget.data.StructParent = key;
    // pdfkit writes an element's /K from its own children when it ends it; the object reference is added then.
    const dictionary = form.dictionary;
    const end = dictionary.end.bind(dictionary);
    dictionary.end = () => {
      const kids = Array.isArray(dictionary.data.K) ? dictionary.data.K : [];
      dictionary.data.K = [...kids, { Type: 'OBJR', Obj: widget, Pg: page }];
      end();
    };
    form.end();
  }

  private make(type: StructType, options: StructOptions = {}): StructElement {
    const { scope, colSpan, ...rest } = options;
    const element = this.doc.struct(type, rest) as unknown as StructElement;
    if (scope || colSpan) {
      element.dictionary.data.A = { O: 'Table', ...(scope ? { Scope: scope } : {}), ...(colSpan ? { ColSpan: colSpan } : {}) };
    }
    return element;
  }
}
