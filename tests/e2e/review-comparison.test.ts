import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinalReview } from '../fixtures/final-review.ts';
import { interpolate } from './page-models/messages.ts';
import { REVIEW_COMPARISON_MESSAGES, ReviewComparisonPage } from './page-models/review-comparison-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = REVIEW_COMPARISON_MESSAGES.fi;
const scale = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'scales', 'data', 'ips-25-1.1.0.json'), 'utf8')) as {
  items: { number: number; title: { fi: string } }[];
  sections: { key: string; title: { fi: string }; items: number[] }[];
};
const itemLabel = (n: number) => interpolate(m.itemTitle, { number: n, title: scale.items.find((i) => i.number === n)!.title.fi });
const SITE = 'Kokkolan IPS';

let app: PreviewApp;
let siteId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: SITE });
  siteId = site.id;
  // Three final reviews: 2024 all 2; 2025 all 3; 2026 items 1–3 at 5, item 25 at 2, item 24 not rated, the rest 3.
  await createFinalReview(app.call, { siteId, visitDate: '2024-04-10', score: () => 2 });
  await createFinalReview(app.call, { siteId, visitDate: '2025-04-10', score: () => 3 });
  await createFinalReview(app.call, { siteId, visitDate: '2026-04-10', score: (item) => (item <= 3 ? 5 : item === 25 ? 2 : item === 24 ? null : 3) });
  // A two-reviewer draft in progress is never offered.
  await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2026-10-01'], reviewers: [{ name: 'A', role: null }, { name: 'B', role: null }] });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe('comparing two reviews of a site (issue 13)', () => {
  it('opens from the site page by keyboard, compares the newest final review with the one before: rows, subtotals, totals, bands, chart', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate((id) => {
      window.location.hash = `#/sites/${id}`;
    }, siteId);
    const comparison = new ReviewComparisonPage(page);
    await comparison.linkFromSitePage.focus();
    await page.keyboard.press('Enter');
    await comparison.heading(SITE).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/sites/${siteId}/compare$`));

    // The default pair: 10.4.2025 against 10.4.2026; the draft is not among the choices.
    await comparison.totalsTable.waitFor();
    expect(await comparison.select('first').locator('option:checked').innerText()).toContain('10.4.2025');
    expect(await comparison.select('second').locator('option:checked').innerText()).toContain('10.4.2026');
    expect(await comparison.select('first').locator('option').count()).toBe(3);

    const staffing = comparison.sectionTable(scale.sections[0]!.title.fi);
    expect(await comparison.itemRow(staffing, itemLabel(1))).toEqual(['3', '5', `▲ ${interpolate(m.change.up, { by: 2 })}`]);
    expect(await comparison.subtotalRow(staffing)).toEqual([
      interpolate(m.table.subtotalValue, { sum: 9, rated: 3, items: 3 }), interpolate(m.table.subtotalValue, { sum: 15, rated: 3, items: 3 }), '',
    ]);
    const last = comparison.sectionTable(scale.sections.find((s) => s.items.includes(25))!.title.fi);
    expect(await comparison.itemRow(last, itemLabel(25))).toEqual(['3', '2', `▼ ${interpolate(m.change.down, { by: 1 })}`]);
    const item24 = await comparison.itemRow(comparison.sectionTable(scale.sections.find((s) => s.items.includes(24))!.title.fi), itemLabel(24));
    expect(item24[1]).toBe(interpolate(m.notRated, { reason: 'ei tietoa' }));
    expect(item24[2]).toBe(`– ${m.change.notCompared}`);
    expect(await comparison.itemRow(last, itemLabel(23))).toEqual(['3', '3', `= ${m.change.same}`]);

    expect(await comparison.totalsRow('total')).toEqual(['75', expect.stringMatching(/^80,2 \(arvio 24\/25/)]);
    const fair = (scale as unknown as { scoring: { bands: { key: string; label: { fi: string } }[] } }).scoring.bands.find((b) => b.key === 'fair')!.label.fi;
    expect(await comparison.totalsRow('band')).toEqual([fair, fair]);
    expect(await comparison.totalsRow('rated')).toEqual(['25/25', '24/25']);
    expect(await page.getByText(interpolate(m.summary.counts, { up: 3, down: 1, same: 20, notCompared: 1 }), { exact: true }).count()).toBe(1);

    await comparison.chart.waitFor();
    expect(await comparison.chart.evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(0);

    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await noSidewaysScroll(page);
    expect(errors).toEqual([]);
  });

  it('compares any two reviews chosen with the keyboard', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.evaluate((id) => {
      window.location.hash = `#/sites/${id}/compare`;
    }, siteId);
    const comparison = new ReviewComparisonPage(page);
    await comparison.totalsTable.waitFor();
    const first = comparison.select('first');
    const oldest = await first.locator('option', { hasText: '10.4.2024' }).getAttribute('value');
    await first.focus();
    await first.selectOption(oldest!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await comparison.compareButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => comparison.totalsRow('total')).toEqual(['50', expect.stringMatching(/^80,2/)]);
    const staffing = comparison.sectionTable(scale.sections[0]!.title.fi);
    expect(await comparison.itemRow(staffing, itemLabel(1))).toEqual(['2', '5', `▲ ${interpolate(m.change.up, { by: 3 })}`]);

    // The same review twice is not compared.
    await first.selectOption((await comparison.select('second').inputValue()));
    // The button says it cannot compare (aria-disabled) and stays reachable by keyboard.
    expect(await comparison.compareButton.getAttribute('aria-disabled')).toBe('true');
    await comparison.compareButton.focus();
    await page.keyboard.press('Enter');
    await page.getByText(m.picker.same, { exact: true }).waitFor();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await noSidewaysScroll(page);
    expect(errors).toEqual([]);
  });
});
