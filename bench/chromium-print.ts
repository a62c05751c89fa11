import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's chromium; CHROMIUM=/path (or CHROMIUM_PATH, as for the end-to-end tests) overrides it. */
export const CHROMIUM = process.env.CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SUBREAPER = join(import.meta.dirname, 'subreaper.py');

/**
 * How many Electron apps make a PDF without a window to call printToPDF on (a CLI, a server, a worker): a fresh
 * headless Chromium process per document with its own throw-away profile. The flags are the ones that work on
 * these machines (/work/shared/reference/toolchain-notes.md) plus --no-pdf-header-footer (the page margin boxes
 * of the HTML carry the header and footer) and --disable-quic.
 */
export function chromiumArgs(userDataDir: string, htmlFile: string, pdfFile: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${userDataDir}`, '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href,
  ];
}

/** A fresh temporary folder for one print (HTML, profile, PDF). Made and removed outside the timed part. */
export function printFolder(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ips-bench-chromium-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PrintResult {
  pdf: Buffer;
  /** Wall time of the Chromium process, from spawn to exit. */
  processMs: number;
  /** CPU time of Chromium's whole process tree; only when printed with `accountCpu`. */
  treeCpuMs?: number;
}

/**
 * Writes the HTML into `dir`, prints it with a fresh Chromium process (profile in `dir/profile`), reads the PDF back.
 * With `accountCpu`, Chromium runs under bench/subreaper.py, which counts the CPU of every process it started.
 */
export async function printWithChromium(html: string, dir: string, { accountCpu = false } = {}): Promise<PrintResult> {
  const htmlFile = join(dir, 'report.html');
  const pdfFile = join(dir, 'report.pdf');
  writeFileSync(htmlFile, html);
  const args = chromiumArgs(join(dir, 'profile'), htmlFile, pdfFile);
  const started = performance.now();
  const stderr = accountCpu ? await run('python3', [SUBREAPER, CHROMIUM, ...args]) : await run(CHROMIUM, args);
  const processMs = performance.now() - started;
  const cpu = /cpu-ms (\d+)\s*$/.exec(stderr);
  return { pdf: readFileSync(pdfFile), processMs, ...(cpu ? { treeCpuMs: Number(cpu[1]) } : {}) };
}

/** Resolves with the tail of stderr (Chromium's log lines; the subreaper's count last). */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stderr);
      else reject(new Error(`${command} exited with ${code ?? signal}:\n${stderr}`));
    });
  });
}

export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
