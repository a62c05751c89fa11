import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { MESSAGES } from './page-models/messages.ts';
import { SiteChart } from './page-models/site-chart.ts';
import { SitePage } from './page-models/site-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const c = CONSENSUS_MESSAGES.fi;
const SITE = 'Järvenrannan IPS-työhönvalmennus';
const EMPTY_SITE = 'Lapin IPS-työhönvalmennus';
let app: PreviewApp;

type FileRating = { item: number; score: number | null; reason?: string };
type ReviewFileJson = { reviewId?: string; kind: string; visitDates: string[]; ratings: FileRating[] };

beforeAll(async () => {
  app = await startPreviewApp();
  const full = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'examples', 'full-review.json'), 'utf8')) as ReviewFileJson;
  const { reviewId: _uid, ...withoutId } = full;
  // Three reviews of one site: an external review a year earlier (every item one point lower: 79), a partial
  // self-assessment (20 of 25 items, so its total is an estimate) and the example (104).
  await app.call('reviews.importFile', { file: { ...withoutId, visitDates: ['2025-10-07'], ratings: full.ratings.map((r) => ({ item: r.item, score: r.score === null ? null : r.score - 1, ...(r.reason ? { reason: r.reason } : {}) })) } });
  await app.call('reviews.importFile', {
    file: { ...withoutId, kind: 'self', visitDates: ['2026-04-14'], ratings: full.ratings.map((r) => (r.item > 20 ? { item: r.item, score: null, reason: 'no-data' } : { item: r.item, score: r.score })) },
  });
  await app.call('reviews.importFile', { file: full });
  await app.call('sites.create', { name: EMPTY_SITE, regionCode: '21' });
});

afterAll(async () => {
  await app?.close();
});

async function openSite(name: string, bypassCSP = false) {
  const opened = await app.open({ bypassCSP });
  const sites = new SitesPage(opened.page);
  await sites.waitUntilLoaded();
  await sites.openSite(name);
  await new SitePage(opened.page).waitUntilLoaded(name);
  return opened;
}

describe('site page: the total over time', () => {
  it('draws a chart of a site with three reviews: canvas named by its summary, legend from the scale, the data as a table', async () => {
    const { page, errors } = await openSite(SITE);
    const chart = new SiteChart(page);
    await chart.canvas.waitFor();
    const label = await chart.canvas.getAttribute('aria-label');
    expect(label).toContain('3 arviointia 7.10.2025–13.10.2026');
    expect(label).toContain(`(Ulkoinen arviointi): 104 – hyvä`);
    expect(await chart.canvas.evaluate((canvas) => canvas.tagName)).toBe('CANVAS');
    // chart.js drew something: the canvas has a size and non-blank pixels.
    expect(await chart.canvas.evaluate((canvas: HTMLCanvasElement) => canvas.width > 300 && canvas.height > 200)).toBe(true);
    expect(await chart.canvas.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return data.some((value, index) => index % 4 === 3 && value > 0);
    })).toBe(true);

    // The band thresholds come from the scale data.
    expect(await chart.legendTexts()).toEqual(expect.arrayContaining(['esimerkillinen 115–125', 'hyvä 100–114', 'melko hyvä 74–99', 'huono 25–73', c.chart.estimate]));

    await chart.dataToggle.click();
    expect(await chart.dataRows()).toEqual([
      ['7.10.2025', 'Ulkoinen arviointi', '79', 'melko hyvä'],
      ['14.4.2026', 'Itsearviointi', expect.stringMatching(/^\d+,\d \(arvio 20\/25 kriteerin perusteella, keskiarvo \d,\d\d, vaihteluväli \d+–\d+\)$/), expect.any(String)],
      ['13.10.2026', 'Ulkoinen arviointi', '104', 'hyvä'],
    ]);
    // No CSP violation or script error while chart.js runs.
    expect(errors).toEqual([]);
  });

  it('shows no chart for a site without reviews', async () => {
    const { page, errors } = await openSite(EMPTY_SITE);
    await page.getByText(MESSAGES.fi.site.noReviews, { exact: true }).waitFor();
    expect(await new SiteChart(page).region.count()).toBe(0);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation with the chart (axe-core)', async () => {
    const { page } = await openSite(SITE, true);
    const chart = new SiteChart(page);
    await chart.canvas.waitFor();
    await chart.dataToggle.click();
    await chart.dataTable.waitFor();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });
});
