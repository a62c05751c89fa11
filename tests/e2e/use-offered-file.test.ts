import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/backend/preview-server.ts';
import { tempDbFile } from '../fixtures/backend.ts';
import { CHROMIUM_PATH } from './support/preview-app.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TAKE_PATH = '/api/files.takeOffered';

/**
 * useOfferedFile in a real React root in Chromium: a one-component page bundled from the renderer's own
 * platform modules (HTTP transport, typed client, ApiProvider), in React's development build under StrictMode,
 * which mounts every effect twice: the hook must still ask the backend once, or the second answer (null) would
 * lose the file. Served by the preview server, so the call goes to the real backend and its slot.
 */
const HARNESS = `
import '${ROOT}/renderer/platform/zod-jitless.ts';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '${ROOT}/renderer/platform/api-client.ts';
import { ApiProvider } from '${ROOT}/renderer/platform/api-context.tsx';
import { chooseTransport } from '${ROOT}/renderer/platform/choose-transport.ts';
import { offeredFileText, useOfferedFile } from '${ROOT}/renderer/platform/use-offered-file.ts';

function OfferedFileProbe() {
  const file = useOfferedFile();
  const shown = file === null ? 'none' : JSON.stringify({ fileName: file.fileName, kind: file.kind, text: offeredFileText(file) });
  return createElement('output', { id: 'offered' }, shown);
}

const client = createApiClient(chooseTransport().transport);
createRoot(document.getElementById('root')).render(
  createElement(StrictMode, null, createElement(ApiProvider, { client }, createElement(OfferedFileProbe))),
);
`;

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'ips-offered-file-harness-'));
  const bundled = await build({
    stdin: { contents: HARNESS, resolveDir: ROOT, loader: 'tsx', sourcefile: 'harness.tsx' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"', 'import.meta.env.DEV': 'true' },
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(join(staticDir, 'harness.js'), bundled.outputFiles[0]!.contents);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="fi"><title>useOfferedFile</title><div id="root"></div><script type="module" src="/harness.js"></script>');
  server = await startPreviewServer({ dbFile: tempDbFile(), staticDir, actor: 'e2e', port: 0, log: () => {} });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the harness and waits for the hook's one request; returns what it shows and how often it asked. */
async function openHarness(page: Page, url = server.url) {
  let takes = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === TAKE_PATH) takes += 1;
  });
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === TAKE_PATH);
  await page.goto(url);
  await answered;
  const output = page.locator('#offered');
  return { output, takes: () => takes };
}

describe('useOfferedFile', () => {
  it('takes an offered bundle once, under StrictMode, and a reload finds nothing', async () => {
    const bundle = '{"format":"ips-fidelity-bundle/1","content":{}}';
    expect(server.backend.offerFile({ fileName: 'Tampere 2026.ipsreview', bytes: Buffer.from(bundle) })).toMatchObject({ ok: true });
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { output, takes } = await openHarness(page);
    await expect.poll(() => output.textContent()).toBe(JSON.stringify({ fileName: 'Tampere 2026.ipsreview', kind: 'bundle', text: bundle }));
    // StrictMode ran the effect twice; the request went once, and its answer is the one shown.
    expect(takes()).toBe(1);

    const reloaded = page.waitForResponse((response) => new URL(response.url()).pathname === TAKE_PATH);
    await page.reload();
    await reloaded;
    await expect.poll(() => page.locator('#offered').textContent()).toBe('none');
    expect(takes()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('decodes a review file as UTF-8 without its byte-order mark', async () => {
    const review = '{"format":"ips-fidelity-review/1","site":"Jyväskylän IPS – työhönvalmennus"}';
    server.backend.offerFile({ fileName: 'arviointi.json', bytes: Buffer.from(`\uFEFF${review}`, 'utf8') });
    const page = await (await browser.newContext()).newPage();
    const { output } = await openHarness(page);
    await expect.poll(() => output.textContent()).toBe(JSON.stringify({ fileName: 'arviointi.json', kind: 'review', text: review }));
  });

  it('is null when nothing was offered, and when the take fails', async () => {
    const page = await (await browser.newContext()).newPage();
    const { output, takes } = await openHarness(page);
    await expect.poll(() => output.textContent()).toBe('none');
    expect(takes()).toBe(1);

    // A wrong token: the call fails ('unauthorized'); the page carries on as if nothing was offered, and the
    // file stays in the slot for a page that may take it.
    server.backend.offerFile({ fileName: 'kept.ipsreview', bytes: Buffer.from('x') });
    const stranger = await (await browser.newContext()).newPage();
    const logged: string[] = [];
    stranger.on('console', (message) => {
      if (message.type() === 'error') logged.push(message.text());
    });
    const refused = await openHarness(stranger, `${new URL(server.url).origin}/#token=wrong`);
    await expect.poll(() => refused.output.textContent()).toBe('none');
    expect(logged.some((text) => text.includes('[files] takeOffered failed'))).toBe(true);
    const answer = await server.backend.dispatch('files.takeOffered', {});
    expect(answer).toMatchObject({ ok: true, output: { fileName: 'kept.ipsreview' } });
  });
});
