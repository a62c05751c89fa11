import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startPreviewServer } from '../electron/backend/preview-server.ts';
import type { CallInput, CallName, CallOutput } from '../electron/contract/contract.ts';
import { seedDemoData } from './demo-data.ts';

/**
 * `npm run screenshots`: builds the renderer, starts the browser preview on a temporary database, fills it with
 * demo data through the API and saves 1280x800 screenshots in Finnish to docs/screenshots/ (shown in the README).
 * Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 */
const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'docs', 'screenshots');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };

async function buildRenderer(outDir: string) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.renderer.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Goes to a screen by its hash route and waits until `ready` shows; then lets fonts and the chart settle. */
async function show(page: Page, hash: string, ready: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

async function save(page: Page, name: string) {
  await page.screenshot({ path: join(OUT_DIR, name), fullPage: false });
  console.log(`docs/screenshots/${name}`);
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`screenshots need Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const work = mkdtempSync(join(tmpdir(), 'ips-screenshots-'));
  const staticDir = join(work, 'renderer');
  await buildRenderer(staticDir);
  const server = await startPreviewServer({ dbFile: join(work, 'demo.sqlite'), staticDir, actor: 'screenshots', port: 0, log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--lang=fi-FI'] });
  try {
    const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
      const response = await server.backend.dispatch(name, input);
      if (!response.ok) throw new Error(`${name} failed: ${JSON.stringify(response.error)}`);
      return response.output as CallOutput<N>;
    };
    const demo = await seedDemoData(call);
    let failures = 0;
    mkdirSync(OUT_DIR, { recursive: true });

    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fi-FI' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(server.url);

    await show(page, '#/sites', '.sites-table');
    await page.locator('.sites-table tbody tr td').filter({ hasText: 'hyvä' }).first().waitFor();
    await save(page, 'sites-list.png');

    await show(page, `#/sites/${demo.chartSiteId}`, '.trend-chart canvas');
    // The reviews table and the whole chart: scroll until the chart's section ends at the bottom of the window.
    await page.locator('.site-trend').evaluate((chart) => window.scrollTo(0, chart.getBoundingClientRect().bottom + window.scrollY + 24 - window.innerHeight));
    await page.waitForTimeout(300);
    await save(page, 'site-page.png');

    // Two of the site's reviews item by item: the last section's table with its subtotals, and the chart below it.
    await show(page, `#/sites/${demo.chartSiteId}/compare`, '.comparison-chart canvas');
    await page.locator('.comparison-chart').evaluate((chart) => window.scrollTo(0, chart.getBoundingClientRect().bottom + window.scrollY + 24 - window.innerHeight));
    await page.waitForTimeout(300);
    await save(page, 'review-comparison.png');

    try {
      await show(page, `#/reviews/${demo.partialReviewId}`, 'main h1');
      await page.waitForTimeout(500);
      await save(page, 'review-editor.png');
    } catch {
      // The review editor is built alongside these screens; an older screenshot is better than none.
      console.error('review-editor.png: the review editor shows no heading yet; kept the existing file');
      failures += 1;
    }

    await show(page, `#/reviews/${demo.consensusReviewId}/consensus`, '.consensus-table');
    await page.locator('.agreement-panel').waitFor();
    // Agreement figures, the live result and the first items side by side (a disagreement among them).
    await page.locator('.consensus-summary').evaluate((summary) => window.scrollTo(0, summary.getBoundingClientRect().top + window.scrollY - 16));
    await page.waitForTimeout(300);
    await save(page, 'consensus-view.png');

    // Two laptops: the lead's page for the second reviewer's ratings file and the countersigned report.
    await show(page, `#/reviews/${demo.consensusReviewId}/laptops`, 'main h1');
    await page.waitForTimeout(300);
    await save(page, 'two-laptops.png');

    await show(page, `#/reviews/${demo.consensusReviewId}/plan`, '.plan-table');
    await save(page, 'visit-plan.png');

    await show(page, '#/compare', 'main canvas');
    await page.waitForTimeout(800);
    await save(page, 'comparison.png');

    await show(page, '#/exchange', 'main h1');
    await page.waitForTimeout(300);
    await save(page, 'exchange.png');
    await context.close();
    if (failures > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`screenshots failed: ${error.message}`);
  process.exitCode = 1;
});
