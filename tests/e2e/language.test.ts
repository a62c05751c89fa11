import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './page-models/app-shell.ts';
import { MESSAGES } from './page-models/messages.ts';
import { SitePage } from './page-models/site-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

let app: PreviewApp;
const SITE = 'Ammatillisen kuntoutuksen IPS-pilotti';

beforeAll(async () => {
  app = await startPreviewApp();
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'examples', 'partial-review-17-items.json'), 'utf8')) as unknown;
  await app.call('reviews.importFile', { file });
});

afterAll(async () => {
  await app?.close();
});

describe('UI language', () => {
  it('starts in Finnish, switches to English and back; labels and <html lang> follow', async () => {
    const { page, errors } = await app.open();
    const shell = new AppShell(page);
    let sites = new SitesPage(page, MESSAGES.fi);
    await sites.waitUntilLoaded();
    expect(await shell.htmlLang()).toBe('fi');
    expect(await shell.languageButton('fi').getAttribute('aria-pressed')).toBe('true');
    expect(await page.title()).toBe(`${MESSAGES.fi.sites.title} – ${MESSAGES.fi.app.name}`);

    sites = new SitesPage(page, await shell.switchLanguage('en'));
    await sites.heading.waitFor();
    await sites.newSiteButton.waitFor();
    await sites.showArchived.waitFor();
    expect(await shell.htmlLang()).toBe('en');
    expect(await page.title()).toBe(`${MESSAGES.en.sites.title} – ${MESSAGES.en.app.name}`);
    // Numbers and dates in the English locale; band labels from the scale data in English.
    await sites.cell(SITE, 'band on the rated items: good').waitFor();
    expect(await sites.rowTexts(SITE)).toEqual(expect.arrayContaining(['107.4 (estimate from 17/25 items, mean 4.29, range 81–113)', 'band on the rated items: good']));

    // Remembered across a reload.
    await page.reload();
    await sites.waitUntilLoaded();
    expect(await shell.htmlLang()).toBe('en');

    sites = new SitesPage(page, await new AppShell(page, MESSAGES.en).switchLanguage('fi'));
    await sites.heading.waitFor();
    await sites.newSiteButton.waitFor();
    expect(await shell.htmlLang()).toBe('fi');
    await sites.cell(SITE, 'taso arvioitujen kriteerien perusteella: hyvä').waitFor();
    expect(await sites.rowTexts(SITE)).toEqual(expect.arrayContaining(['107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)', 'taso arvioitujen kriteerien perusteella: hyvä']));
    expect(errors).toEqual([]);
  });

  it('has Swedish too, on the site page as well', async () => {
    const { page, errors } = await app.open();
    const shell = new AppShell(page);
    const sites = new SitesPage(page, await shell.switchLanguage('sv'));
    await sites.waitUntilLoaded();
    await sites.openSite(SITE);
    const site = new SitePage(page, MESSAGES.sv);
    await site.waitUntilLoaded(SITE);
    const [row] = await site.reviewRows();
    expect(row?.slice(0, 4)).toEqual([MESSAGES.sv.reviewKind.external, '8.9.2026', MESSAGES.sv.reviewStatus.final, '107,4 (uppskattning utifrån 17/25 kriterier, medelvärde 4,29, variationsvidd 81–113)']);
    expect(await shell.htmlLang()).toBe('sv');
    expect(errors).toEqual([]);
  });
});
