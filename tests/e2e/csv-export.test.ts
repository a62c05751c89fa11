import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const s = MESSAGES.fi.sites.exportCsv;
let app: PreviewApp;

beforeAll(async () => {
  app = await startPreviewApp();
  for (const [name, region, score] of [['Äänekosken IPS', '15', 4], ['Kemin työpaja', '21', 3]] as const) {
    const site = await app.call('sites.create', { name, regionCode: region });
    const review = await app.call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino', role: null }] });
    for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId: review.id, reviewerId: review.reviewers[0]!.id, item, score });
  }
});

afterAll(async () => {
  await app?.close();
});

describe('reviews CSV from the sites screen', () => {
  it('saves every review as a CSV download, or only the chosen region’s', async () => {
    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: s.button, exact: true }).click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^ips-arvioinnit-kaikki-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.map((r) => [r[0], r[1], r[2], r.at(-7)])).toEqual([
      ['Yksikkö', 'Alue', 'Aluekoodi', 'Yhteispistemäärä'], ['Kemin työpaja', 'Lapin hyvinvointialue', '21', '75'], ['Äänekosken IPS', 'Keski-Suomen hyvinvointialue', '15', '100'],
    ]);
    await sites.waitForStatus(interpolate(s.saved_other, { file: fileName, count: 2 }));

    await sites.regionFilter.selectOption({ label: 'Lapin hyvinvointialue' });
    const [regional] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: s.buttonRegion, exact: true }).click()]);
    expect(regional.suggestedFilename()).toMatch(/^ips-arvioinnit-Lapin hyvinvointialue-/);
    const regionRows = parse(readFileSync((await regional.path())!, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(regionRows.map((r) => r[0])).toEqual(['Yksikkö', 'Kemin työpaja']);
    expect(errors).toEqual([]);
  });
});
