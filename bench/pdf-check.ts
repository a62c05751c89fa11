import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportModel } from '../reports/report-model-types.ts';

export interface PdfReading {
  pages: number;
  /** pdftotext's text, whitespace collapsed. */
  text: string;
  producer: string;
}

/** Reads a PDF back with poppler-utils (pdfinfo, pdftotext): what any reader sees, not what we think we wrote. */
export function readPdf(pdf: Buffer): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), 'ips-bench-check-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN),
      text: text.replace(/\s+/g, ' '),
      producer: /^Producer:\s+(.*)$/m.exec(info)?.[1]?.trim() ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The strings every variant's PDF must hold for the comparison to be fair: the site, the total and the band. */
export function expectedStrings(model: ReportModel): string[] {
  const [total, band] = model.summary.figures;
  return [model.frame.siteName, total!.value, band!.value];
}

/** What is missing from a PDF's text (empty when the PDF holds the report's key strings). */
export function missingStrings(reading: PdfReading, model: ReportModel): string[] {
  return expectedStrings(model).filter((s) => !reading.text.includes(s.replace(/\s+/g, ' ')));
}
