import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SitePage } from './page-models/site-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

let app: PreviewApp;
const SITE = 'Ammatillisen kuntoutuksen IPS-pilotti';

beforeAll(async () => {
  app = await startPreviewApp();
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'examples', 'partial-review-17-items.json'), 'utf8')) as unknown;
  await app.call('reviews.importFile', { file });
  await app.call('sites.create', { name: 'Arkistoitu työllisyyspalvelukokonaisuusyksikkö', regionCode: '05' });
  const archived = (await app.call('sites.list', {})).find((s) => s.name.startsWith('Arkistoitu'));
  await app.call('sites.setActive', { id: archived!.id, active: false });
});

afterAll(async () => {
  await app?.close();
});

/** axe-core on every screen and state: no serious or critical violation (issue 4's bar for every screen). */
describe('accessibility (axe-core)', () => {
  it('sites list, with archived sites shown', async () => {
    const { page } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    await sites.showArchived.check();
    await sites.row('Arkistoitu työllisyyspalvelukokonaisuusyksikkö').waitFor();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });

  it('the new-site form, also with a validation error', async () => {
    const { page } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const form = await sites.openNewSiteForm();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await form.save();
    await form.alert.waitFor();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });

  it('the check itself reports a serious problem (an input without a label)', async () => {
    const { page } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('input')));
    expect(seriousOrCritical(await axeFindings(page)).map((f) => f.id)).toContain('label');
  });

  it('the site page', async () => {
    const { page } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    await sites.openSite(SITE);
    await new SitePage(page).waitUntilLoaded(SITE);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });
});
