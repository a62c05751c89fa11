import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrefFor, type Route } from '../../renderer/app/routes.ts';
import { seedDemoData } from '../../scripts/demo-data.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

/** Issue 13, "Done when": every screen at 1280x800 and 1024x700 — no serious or critical axe finding, no sideways scroll. */
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

let app: PreviewApp;
/** Every route of renderer/app/routes.ts with demo data (the mapped type makes a new route fail to compile here). */
let routes: { [N in Route['name']]: Route & { name: N } };

beforeAll(async () => {
  app = await startPreviewApp();
  const demo = await seedDemoData((name, input) => app.call(name, input));
  const reviews = await app.call('reviews.listForSite', { siteId: demo.chartSiteId });
  const finished = reviews.find((r) => r.status === 'final') ?? reviews[0]!;
  routes = {
    sites: { name: 'sites' },
    site: { name: 'site', siteId: demo.chartSiteId },
    'new-review': { name: 'new-review', siteId: demo.chartSiteId },
    'site-compare': { name: 'site-compare', siteId: demo.chartSiteId },
    review: { name: 'review', reviewId: demo.partialReviewId },
    consensus: { name: 'consensus', reviewId: demo.consensusReviewId },
    'visit-plan': { name: 'visit-plan', reviewId: demo.consensusReviewId },
    report: { name: 'report', reviewId: finished.id },
    'action-plan': { name: 'action-plan', reviewId: finished.id },
    laptops: { name: 'laptops', reviewId: demo.consensusReviewId },
    verify: { name: 'verify' },
    compare: { name: 'compare' },
    exchange: { name: 'exchange' },
    settings: { name: 'settings' },
    'trusted-signers': { name: 'trusted-signers' },
    'not-found': { name: 'not-found' },
  };
}, 240_000);

afterAll(async () => {
  await app?.close();
});

/** Every route name; a route added to renderer/app/routes.ts and not here fails to compile. */
const EVERY_ROUTE: { [N in Route['name']]: true } = {
  sites: true, site: true, 'new-review': true, 'site-compare': true, review: true, consensus: true, 'visit-plan': true, report: true, 'action-plan': true, laptops: true,
  verify: true, compare: true, exchange: true, settings: true, 'trusted-signers': true, 'not-found': true,
};
const NAMES = Object.keys(EVERY_ROUTE) as Route['name'][];

async function openAt(name: Route['name'], size: { width: number; height: number }): Promise<Page> {
  const { page } = await app.open({ bypassCSP: true });
  await page.setViewportSize(size);
  const hash = name === 'not-found' ? '#/no-such-screen' : hrefFor(routes[name]);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.locator('main h1').first().waitFor();
  // Let the screen's data arrive (a loading line has no table yet) and fonts settle.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe.each(WIDTHS)('every screen at $width x $height', (size) => {
  it.each(NAMES)('%s: no serious or critical axe finding', async (name) => {
    const page = await openAt(name, size);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await page.context().close();
  });
});

describe('no sideways scroll at 1024 px', () => {
  it.each(NAMES)('%s: the page is no wider than the window', async (name) => {
    const page = await openAt(name, { width: 1024, height: 700 });
    const widths = await page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      // What sticks out, to say where to look when this fails (outermost elements first).
      const outside = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > client + 0.5 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > client + 0.5))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`);
      return { scroll: document.documentElement.scrollWidth, client, outside };
    });
    expect(widths.scroll, `${name} scrolls sideways at 1024 px: ${widths.outside.join(', ')}`).toBeLessThanOrEqual(widths.client);
    await page.context().close();
  });

  it.each(NAMES)('%s: a table wider than the window is a named, focusable region with a visible hint; words wrap whole', async (name) => {
    const page = await openAt(name, { width: 1024, height: 700 });
    const found = await page.evaluate(() => ({
      silentScrollers: [...document.querySelectorAll<HTMLElement>('.table-scroll')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .filter((el) => el.tabIndex !== 0 || el.getAttribute('role') !== 'region' || !el.getAttribute('aria-label') || !el.nextElementSibling?.classList.contains('scroll-hint'))
        .map((el) => el.querySelector('caption')?.textContent ?? el.className),
      // A hash (code.hash) has no words to keep whole.
      midWordBreaks: [...document.querySelectorAll('main *:not(code.hash)')]
        .filter((el) => ['anywhere'].includes(getComputedStyle(el).overflowWrap) || ['break-all'].includes(getComputedStyle(el).wordBreak))
        .map((el) => el.className)
        .slice(0, 5),
      duplicateIds: [...document.querySelectorAll('[id]')].map((el) => el.id).filter((id, i, all) => all.indexOf(id) !== i),
    }));
    expect(found).toEqual({ silentScrollers: [], midWordBreaks: [], duplicateIds: [] });
    await page.context().close();
  });

  it('exchange: choosing one site to export gives the radio button and the site list different ids', async () => {
    const page = await openAt('exchange', { width: 1024, height: 700 });
    await page.locator('input[type="radio"][value="site"]').check();
    await page.locator('select').first().waitFor();
    expect(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id).filter((id, i, all) => all.indexOf(id) !== i))).toEqual([]);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await page.context().close();
  });

  it('the check itself fails on a page wider than the window', async () => {
    const page = await openAt('sites', { width: 1024, height: 700 });
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '1400px';
      wide.style.height = '1px';
      document.querySelector('main')?.append(wide);
    });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    await page.context().close();
  });
});
