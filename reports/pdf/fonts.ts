import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

export const fontPath = (name: FontName): string => require.resolve(FONT_FILES[name]);

let cache: Record<FontName, Buffer> | undefined;

/** The font files, read once per process (a report is rendered many times in a benchmark or the app). */
export function fontFiles(): Record<FontName, Buffer> {
  cache ??= { regular: readFileSync(fontPath('regular')), bold: readFileSync(fontPath('bold')), mono: readFileSync(fontPath('mono')) };
  return cache;
}

export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of Object.entries(fontFiles())) doc.registerFont(name, data);
}
