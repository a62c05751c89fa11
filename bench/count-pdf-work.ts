/**
 * Counts, without timing, the work pdfkit does for one benchmark report: fontkit shaping runs, text lines and
 * colour operators drawn. The evidence behind the recommendations in docs/performance.md; rerun it after changing
 * reports/pdf/ to see the counts move.
 *
 *   npx tsx bench/count-pdf-work.ts
 *
 * It wraps pdfkit's internal EmbeddedFont.layoutRun (not a public API; pdfkit 0.17) in this process only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { clearSharedShapes, fontFiles } from '../reports/pdf/fonts.ts';
import { renderReviewReport } from '../reports/report-from-review.ts';
import { prepareWorkload } from './variants.ts';

interface ShapingFont { name: string; layoutRun(text: string, features?: unknown): { advanceWidth: number } }

async function main() {
  const w = await prepareWorkload();
  await renderReviewReport(w.review, w.registry, w.options); // warm: JIT, font files read

  // EmbeddedFont is not exported; reach its prototype through a font of a throw-away document.
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont('probe', fontFiles().regular);
  probe.font('probe');
  const embeddedFont = Object.getPrototypeOf((probe as unknown as { _font: object })._font) as ShapingFont;
  const original = embeddedFont.layoutRun;
  const shaped: { font: ShapingFont; text: string }[] = [];
  embeddedFont.layoutRun = function (this: ShapingFont, text, features) {
    shaped.push({ font: this, text });
    return original.call(this, text, features);
  };
  let pdf: Buffer;
  clearSharedShapes(); // count a report whose words were not shaped before (as in bench/variants.ts)
  try {
    ({ pdf } = await renderReviewReport(w.review, w.registry, w.options));
  } finally {
    embeddedFont.layoutRun = original;
  }

  // A word measured with its trailing space vs. bare + the width of a space: equal unless the font kerns with the space.
  const spaced = shaped.filter((s) => /^\S+ $/.test(s.text));
  const width = (s: { font: ShapingFont }, text: string) => original.call(s.font, text).advanceWidth;
  const kernedWithSpace = spaced.filter((s) => Math.abs(width(s, s.text) - (width(s, s.text.slice(0, -1)) + width(s, ' '))) > 1e-9);
  const bareAlsoShaped = spaced.filter((s) => shaped.some((t) => t.font === s.font && t.text === s.text.slice(0, -1)));

  const content = uncompressedContent(pdf);
  console.log(`one report: ${pdf.length} bytes`);
  console.log(`fontkit shaping runs: ${shaped.length} (distinct strings per font; kept for the next report, see reports/pdf/fonts.ts)`);
  console.log(`  "word " strings: ${spaced.length}, of which also shaped bare: ${bareAlsoShaped.length}; kerned with the space: ${kernedWithSpace.length}`);
  console.log(`text lines drawn (TJ): ${count(content, / TJ$/gm)}; colour operators (scn): ${count(content, / scn$/gm)}`);
}

/** The PDF with every stream decompressed (qpdf --qdf), as latin1 text. */
function uncompressedContent(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ips-bench-count-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'), 'latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
