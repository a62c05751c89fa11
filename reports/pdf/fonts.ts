import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { FontName } from './theme.ts';

/**
 * The report's typeface: DejaVu Sans from the dejavu-fonts-ttf package, regular and bold, plus DejaVu Sans Mono for
 * hashes and certificate fingerprints.
 *
 * Why DejaVu and not Noto Sans (@fontsource/noto-sans): both cover ä ö å – “ ” € —, but @fontsource ships Noto
 * only as WOFF/WOFF2 files cut into unicode-range subsets for browsers. Its "latin" subset lacks the letters of
 * the Sámi languages spoken in Finland (č đ ŋ š ŧ ž, checked with fontkit), so a Sámi name would need a second
 * font and per-character font switching. DejaVu Sans is one plain TrueType file per weight that covers Latin,
 * Latin Extended, Greek and Cyrillic; pdfkit embeds a subset of exactly the glyphs used, so the file stays small.
 */
const require = createRequire(import.meta.url);
const FONT_FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};
const FONT_NAMES = Object.keys(FONT_FILES) as FontName[];

export const fontPath = (name: FontName): string => require.resolve(FONT_FILES[name]);

let cache: Record<FontName, Buffer> | undefined;

/** The font files, read once per process (a report is rendered many times in a benchmark or the app). */
export function fontFiles(): Record<FontName, Buffer> {
  cache ??= { regular: readFileSync(fontPath('regular')), bold: readFileSync(fontPath('bold')), mono: readFileSync(fontPath('mono')) };
  return cache;
}

/**
 * pdfkit's font object per document (its EmbeddedFont) as far as this module touches it: the parsed font, the
 * per-document glyph subset, and the cache of shaped words.
 */
interface EmbeddedFont {
  font: object;
  id: string;
  layoutCache?: Record<string, unknown>;
}
type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: object, id: string) => EmbeddedFont;
/** pdfkit's document internals used here (pdfkit 0.17; tests/reports/report-fonts.test.ts pins the behaviour). */
interface DocumentFonts {
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  _font: EmbeddedFont;
}

interface SharedFont {
  parsed: object;
  EmbeddedFont: EmbeddedFontClass;
  shapes: Record<string, unknown>;
}

/** Shaped words kept across documents, per font; cleared beyond this many so a long app session stays small. */
const MAX_SHAPES_PER_FONT = 50_000;
let shared: Record<FontName, SharedFont> | undefined;

/**
 * Why fonts are shared across documents: pdfkit parses a TrueType file again for every document and shapes every
 * distinct word with fontkit again (its shaping cache lives in the per-document font object). That was 40 % of a
 * report's render time (docs/performance.md). Here each font is parsed once per process, and the shaped words
 * (glyph ids and advances, never changed once made) are kept for the next report, while each document still gets
 * its own pdfkit font object, and so its own subset of exactly the glyphs it uses.
 */
function sharedFonts(): Record<FontName, SharedFont> {
  if (shared) return shared;
  const files = fontFiles();
  const made = {} as Record<FontName, SharedFont>;
  for (const name of FONT_NAMES) {
    // pdfkit exports neither fontkit nor its font class; a throwaway document parses the file once and hands both.
    const probe = new PDFDocument({ autoFirstPage: false }) as unknown as PDFKit.PDFDocument & DocumentFonts;
    probe.registerFont(name, files[name]);
    probe.font(name);
    const pdfkitFont = probe._font;
    made[name] = { parsed: pdfkitFont.font, EmbeddedFont: pdfkitFont.constructor as EmbeddedFontClass, shapes: Object.create(null) };
  }
  shared = made;
  return shared;
}

export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  const internals = doc as PDFKit.PDFDocument & DocumentFonts;
  for (const [name, font] of Object.entries(sharedFonts()) as [FontName, SharedFont][]) {
    // Registering the bytes too keeps doc.font(name) working as documented should pdfkit's internals change.
    doc.registerFont(name, fontFiles()[name]);
    if (countKeys(font.shapes) > MAX_SHAPES_PER_FONT) font.shapes = Object.create(null);
    const embedded = new font.EmbeddedFont(doc, font.parsed, `F${++internals._fontCount}`);
    if (embedded.layoutCache) embedded.layoutCache = font.shapes;
    internals._fontFamilies[name] = embedded;
  }
}

function countKeys(record: Record<string, unknown>): number {
  let count = 0;
  for (const _ in record) count += 1;
  return count;
}

/** Forget the shaped words (benchmarks measure a first report with this). */
export function clearSharedShapes(): void {
  if (shared) for (const font of Object.values(shared)) font.shapes = Object.create(null);
}
