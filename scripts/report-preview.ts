/**
 * Makes the README's picture of a report page: renders the Finnish report of the partial example review and
 * converts its page 2 (the summary) to docs/report-page.png with pdftoppm (Debian poppler-utils).
 *
 *   npm run report:preview
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderReviewReport } from '../reports/report-from-review.ts';
import type { ReportHistoryEntry } from '../reports/report-input.ts';
import { loadScaleRegistry } from '../scales/scale-registry.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'docs', 'report-page.png');
const SUMMARY_PAGE = 2;

/** Earlier reviews of the (fictional) example site, so that the picture shows the trend chart too. */
const HISTORY: ReportHistoryEntry[] = [
  { date: '2025-09-16', total: 86, estimate: false, band: 'fair', kind: 'external' },
  { date: '2026-03-10', total: 96.2, estimate: true, band: 'fair', kind: 'self' },
];

async function main() {
  const { registry, refused } = loadScaleRegistry();
  if (refused.length) throw refused[0];
  const review = JSON.parse(readFileSync(join(ROOT, 'examples', 'partial-review-17-items.json'), 'utf8'));
  const started = performance.now();
  const { pdf, model } = await renderReviewReport(review, registry, { language: 'fi', reportDate: '2026-09-22', history: HISTORY });
  const elapsed = performance.now() - started;

  const dir = mkdtempSync(join(tmpdir(), 'ips-report-preview-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const prefix = join(dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(SUMMARY_PAGE), '-l', String(SUMMARY_PAGE), '-singlefile', file, prefix]);
    renameSync(`${prefix}.png`, OUTPUT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${OUTPUT}: page ${SUMMARY_PAGE} (${model.summary.heading}) of the report for ${model.frame.siteName}, rendered in ${elapsed.toFixed(0)} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
