import { Tagger, type StructType } from './tagging.ts';
import { BODY, BODY_WIDTH, STYLE, type TextStyle } from './theme.ts';
import { linesHeight, wrapText, type Align, type LaidLine, type Measure } from './text-wrap.ts';

/**
 * Content flowing down the body frame of A4 pages. Everything is drawn line by line at computed positions, and a
 * new page starts before anything would cross the bottom of the frame; so nothing overflows, whatever the input.
 */
export class PageFlow {
  y: number = BODY.top;
  /** Called after each new page, e.g. to repeat a table's header row. */
  onNewPage: (() => void) | undefined;
  private readonly widthCache = new Map<string, number>();
  /** The structure tree: every line drawn is content of the current element, or an artifact. */
  readonly tags: Tagger;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.tags = new Tagger(doc);
  }

  /** Rules, fills and frames: drawn as artifacts, outside the structure tree. */
  decor(draw: (doc: PDFKit.PDFDocument) => void): void {
    this.tags.artifact(() => draw(this.doc));
  }

  readonly measure: Measure = (text, style) => {
    const key = `${style.font}\u0000${style.size}\u0000${text}`;
    let width = this.widthCache.get(key);
    if (width === undefined) {
      // Font and size only: pdfkit writes a colour operator into the page for every fillColor call.
      width = this.doc.font(style.font).fontSize(style.size).widthOfString(text);
      this.widthCache.set(key, width);
    }
    return width;
  };

  get remaining(): number {
    return BODY.bottom - this.y;
  }

  get atPageTop(): boolean {
    return this.y <= BODY.top + 0.01;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = BODY.top;
    this.onNewPage?.();
  }

  /** Starts a new page unless `height` fits below (or we are at a page top already, where waiting cannot help). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atPageTop) this.newPage();
  }

  /** Vertical space; at the bottom of a page it is simply dropped. */
  gap(height: number): void {
    this.y = Math.min(this.y + height, BODY.bottom);
  }

  wrap(text: string, style: TextStyle, width: number = BODY_WIDTH, align?: Align): LaidLine[] {
    return wrapText(text, style, width, this.measure, align);
  }

  /** Draws lines from the current position down, breaking pages between lines. */
  lines(lines: readonly LaidLine[], x: number = BODY.left, width: number = BODY_WIDTH): void {
    for (const line of lines) {
      if (line.height > this.remaining) this.newPage();
      if (line.text) this.drawLine(line, x, this.y, width);
      this.y += line.height;
    }
  }

  /** A paragraph (a P element, or `type`). */
  paragraph(text: string, style: TextStyle, options: { x?: number; width?: number; after?: number; type?: StructType } = {}): void {
    const width = options.width ?? BODY_WIDTH;
    this.tags.within(options.type ?? 'P', () => this.lines(this.wrap(text, style, width), options.x ?? BODY.left, width));
    this.gap(options.after ?? style.lineHeight * 0.5);
  }

  /** A heading (H1, H2 or H3 by its style) kept together with at least `keepWith` points of what follows it. */
  heading(text: string, style: TextStyle, options: { keepWith?: number; before?: number; after?: number } = {}): void {
    const lines = this.wrap(text, style);
    if (!this.atPageTop) this.gap(options.before ?? style.lineHeight * 0.6);
    this.ensure(linesHeight(lines) + (options.keepWith ?? 40));
    this.tags.within(headingLevel(style), () => this.lines(lines));
    this.gap(options.after ?? style.lineHeight * 0.3);
  }

  /**
   * One line at (x, top of line box). The glyph box (ascent to descent) is centred in the line box, so boxes of
   * neighbouring lines never touch.
   */
  drawLine(line: LaidLine, x: number, y: number, width: number): void {
    const doc = this.setStyle(line.style);
    const glyphBox = doc.currentLineHeight();
    const offset = line.align === 'right' ? width - this.measure(line.text, line.style)
      : line.align === 'center' ? (width - this.measure(line.text, line.style)) / 2 : 0;
    const draw = () => doc.text(line.text, x + Math.max(0, offset), y + (line.height - glyphBox) / 2, { lineBreak: false });
    if (line.artifact) this.tags.artifact(draw);
    else this.tags.mark(draw);
  }

  /** Draws a single-line text at a position (charts, header, footer); the caller has made sure it fits. */
  textAt(text: string, style: TextStyle, x: number, y: number, width: number, align: Align = 'left'): void {
    this.drawLine({ text, style, height: style.lineHeight, align }, x, y, width);
  }

  setStyle(style: TextStyle): PDFKit.PDFDocument {
    return this.doc.font(style.font).fontSize(style.size).fillColor(style.color);
  }
}

function headingLevel(style: TextStyle): StructType {
  if (style === STYLE.h1) return 'H1';
  if (style === STYLE.h3) return 'H3';
  return 'H2';
}
