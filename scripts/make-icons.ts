/**
 * Draws build/icon.png (1024 x 1024) from build/icon.svg with the Debian Chromium, for electron-builder, which
 * makes the Windows .ico and macOS .icns from it. Run after editing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BUILD = join(import.meta.dirname, '..', 'build');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  const svg = readFileSync(join(BUILD, 'icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(BUILD, 'icon.png'), omitBackground: true });
  console.log('build/icon.png written');
} finally {
  await browser.close();
}
