import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { newTempFolder } from '../fixtures/temp-registry.ts';
import { join } from 'node:path';

/**
 * The produced PDFs are checked with independent tools (Debian poppler-utils and qpdf), run as subprocesses:
 * what they read is what any PDF reader reads, not what our code believes it wrote.
 */

export function writeTempPdf(name: string, pdf: Buffer): string {
  const file = join(newTempFolder('ips-report-'), name);
  writeFileSync(file, pdf);
  return file;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** Text laid out as on the page (columns side by side). */
export const pdftotextLayout = (file: string) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);

/** Text in the order it is drawn, whitespace collapsed: a table cell's wrapped lines read as one phrase. */
export const pdftotextFlat = (file: string) => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');

export function pdfinfo(file: string): { pages: number; pageSize: string; fields: Record<string, string> } {
  const fields = Object.fromEntries(run('pdfinfo', ['-isodates', file]).split('\n')
    .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!.trim(), m[2]!.trim()]));
  return { pages: Number(fields.Pages), pageSize: fields['Page size'] ?? '', fields };
}

export interface FontRow { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }

export function pdffonts(file: string): FontRow[] {
  return run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim()).map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object ID: read the flags from the right.
    const parts = line.trim().split(/\s+/);
    const [emb, sub, uni] = parts.slice(-5, -2);
    return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

export function qpdfCheck(file: string): { code: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface WordBox { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
export interface PageWords { width: number; height: number; words: WordBox[] }

/** Every word with its box, per page, from `pdftotext -bbox` (top-left origin, points). */
export function wordBoxes(file: string): PageWords[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const pages: PageWords[] = [];
  const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(token)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else pages.at(-1)!.words.push({ text: unescapeHtml(m[7]!), xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return pages;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Pairs of words on a page whose boxes overlap by more than `tolerance` points in both directions. */
export function overlappingWords(words: readonly WordBox[], tolerance = 0.25): [WordBox, WordBox][] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin);
  const found: [WordBox, WordBox][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.yMin >= a.yMax - tolerance) break;
      const overlapX = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const overlapY = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (overlapX > tolerance && overlapY > tolerance) found.push([a, b]);
    }
  }
  return found;
}
