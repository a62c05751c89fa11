import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppShell } from './page-models/app-shell.ts';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SiteForm } from './page-models/site-form.ts';
import { SitePage } from './page-models/site-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const fi = MESSAGES.fi;
let app: PreviewApp;

beforeAll(async () => {
  app = await startPreviewApp();
});

afterAll(async () => {
  await app?.close();
});

describe('sites list in the browser preview', () => {
  it('creates a site with Finnish letters; it is still there after a reload', async () => {
    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const name = 'Äänekosken työllisyyspalvelut – Öljymäen IPS';

    const form = await sites.openNewSiteForm();
    await form.fill({ name, region: 'Keski-Suomen hyvinvointialue', organisation: 'Äänekosken kaupunki', model: 1 });
    await form.save();
    await form.waitUntilClosed();
    await sites.waitForStatus(interpolate(fi.sites.status.created, { name }));

    const cells = await sites.rowTexts(name);
    expect(cells.slice(0, 3)).toEqual([`${name}\nÄänekosken kaupunki`, 'Keski-Suomen hyvinvointialue', fi.collaborationModel.model1]);
    expect(cells).toContain(fi.sites.noReviews);
    expect(cells).toContain(fi.sites.active);

    // The token left the visible URL; sessionStorage keeps the session through a reload.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await sites.waitUntilLoaded();
    expect(await sites.siteNames()).toContain(name);
    expect(await sites.rowTexts(name)).toContain('Keski-Suomen hyvinvointialue');
    expect((await app.call('sites.list', {})).map((s) => s.name)).toContain(name);
    expect(errors).toEqual([]);
  });

  it('edits a site, archives it (gone unless "show archived") and restores it', async () => {
    const original = 'Pohjois-Savon IPS-yksikkö';
    await app.call('sites.create', { name: original, regionCode: '13', collaborationModel: 2 });
    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();

    const form = await sites.openEditForm(original);
    expect(await form.name.inputValue()).toBe(original);
    expect(await form.regionChoice()).toBe('Pohjois-Savon hyvinvointialue');
    expect(await form.modelRadio(2).isChecked()).toBe(true);
    const renamed = 'Kuopion IPS-yksikkö';
    await form.fill({ name: renamed, organisation: 'Pohjois-Savon hyvinvointialue, psykiatria' });
    await form.save();
    await form.waitUntilClosed();
    await sites.waitForStatus(interpolate(fi.sites.status.updated, { name: renamed }));
    expect((await sites.rowTexts(renamed))[0]).toBe(`${renamed}\nPohjois-Savon hyvinvointialue, psykiatria`);
    expect(await sites.siteNames()).not.toContain(original);

    await sites.archive(renamed);
    await sites.row(renamed).waitFor({ state: 'detached' });
    const stored = (await app.call('sites.list', { includeArchived: true })).find((s) => s.name === renamed);
    expect(stored?.active).toBe(false);

    await sites.showArchived.check();
    await sites.row(renamed).waitFor();
    expect(await sites.rowTexts(renamed)).toContain(fi.sites.archived);

    await sites.restore(renamed);
    await sites.showArchived.uncheck();
    await sites.cell(renamed, fi.sites.active).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows an empty name as an error at the field and creates nothing', async () => {
    const before = await app.call('sites.list', { includeArchived: true });
    const { page } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();

    const form = await sites.openNewSiteForm();
    await form.fill({ name: '   ', region: 'Lapin hyvinvointialue', model: 2 });
    await form.save();
    await form.alert.filter({ hasText: fi.errors['invalid-input'] }).waitFor();
    expect(await form.name.getAttribute('aria-invalid')).toBe('true');
    expect(await form.descriptionOf(form.name)).toBe(fi.validation.required);
    // The error stands right after its field, and focus went to the field to fix.
    expect(await form.name.evaluate((input) => input.parentElement?.querySelector('.field-error')?.textContent)).toBe(fi.validation.required);
    expect(await form.name.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await form.dialog.isVisible()).toBe(true);

    await form.cancelButton.click();
    await form.waitUntilClosed();
    expect(await app.call('sites.list', { includeArchived: true })).toEqual(before);
    expect(await app.call('regions.list', {})).toHaveLength(23);
  });

  it('works with the keyboard only: Tab to "new site", fill, submit with Enter', async () => {
    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const name = 'Näppäimistöllä lisätty yksikkö';

    // The first Tab stop is the skip link, shown on focus; it moves focus to the main content.
    const shell = new AppShell(page);
    await page.keyboard.press('Tab');
    expect(await shell.skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
    expect((await shell.skipLink.boundingBox())?.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await shell.main.evaluate((main) => main === document.activeElement)).toBe(true);

    // From there, Tab until "new site" has focus.
    for (let presses = 0; presses < 15; presses++) {
      await page.keyboard.press('Tab');
      if (await sites.newSiteButton.evaluate((button) => button === document.activeElement)) break;
    }
    expect(await sites.newSiteButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await sites.newSiteButton.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');

    const form = new SiteForm(page, 'create');
    await form.waitUntilOpen();
    expect(await form.name.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    // The region select is chosen with the arrow keys; Enter in the next text field submits (a select does not).
    for (let presses = 0; presses < 25 && (await form.regionChoice()) !== 'Etelä-Pohjanmaan hyvinvointialue'; presses++) await page.keyboard.press('ArrowDown');
    expect(await form.regionChoice()).toBe('Etelä-Pohjanmaan hyvinvointialue');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await form.waitUntilClosed();
    await sites.waitForStatus(interpolate(fi.sites.status.created, { name }));
    expect(await sites.rowTexts(name)).toContain('Etelä-Pohjanmaan hyvinvointialue');
    // Focus went back to the button that opened the form.
    expect(await sites.newSiteButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('filters by region and by name', async () => {
    await app.call('sites.create', { name: 'Rovaniemen IPS', regionCode: '21' });
    await app.call('sites.create', { name: 'Kemin IPS', regionCode: '21' });
    await app.call('sites.create', { name: 'Seinäjoen IPS', regionCode: '16' });
    const { page } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();

    await sites.regionFilter.selectOption({ label: 'Lapin hyvinvointialue' });
    await sites.waitForSites(['Rovaniemen IPS', 'Kemin IPS']);
    await sites.searchBox.fill('kemi');
    await sites.waitForSites(['Kemin IPS']);
    await sites.regionFilter.selectOption({ label: fi.sites.filters.allRegions });
    await sites.searchBox.fill('seinä');
    await sites.waitForSites(['Seinäjoen IPS']);
  });

  it("shows a site's reviews with the prorated total and its estimate marker", async () => {
    const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'examples', 'partial-review-17-items.json'), 'utf8')) as unknown;
    await app.call('reviews.importFile', { file });
    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const name = 'Ammatillisen kuntoutuksen IPS-pilotti';
    await sites.cell(name, 'taso arvioitujen kriteerien perusteella: hyvä').waitFor();
    const listed = await sites.rowTexts(name);
    expect(listed).toEqual(expect.arrayContaining(['107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)', 'taso arvioitujen kriteerien perusteella: hyvä']));
    expect(listed.some((cell) => cell.startsWith('8.9.2026'))).toBe(true);

    await sites.openSite(name);
    const site = new SitePage(page);
    await site.waitUntilLoaded(name);
    await site.cell('taso arvioitujen kriteerien perusteella: hyvä').waitFor();
    expect(page.url()).toMatch(/#\/sites\/\d+$/);
    expect(await site.reviewRows()).toEqual([[fi.reviewKind.external, '8.9.2026', fi.reviewStatus.final, '107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)', 'taso arvioitujen kriteerien perusteella: hyvä', 'IPS-menetelmäuskollisuusasteikko – tuettu työllistyminen (25 kohtaa) 1.0.0']]);

    await site.backLink.click();
    await sites.waitUntilLoaded();
    expect(errors).toEqual([]);
  });

  it('an unknown site id says it was not found, with a way back', async () => {
    const { page } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    await page.evaluate(() => {
      window.location.hash = '#/sites/99999';
    });
    await page.getByRole('alert').filter({ hasText: fi.errors['not-found'] }).waitFor();
    await new SitePage(page).backLink.click();
    await new SitesPage(page).waitUntilLoaded();
  });

  it('without the preview token, says the connection was refused', async () => {
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL('/', app.server.url).href);
      await page.getByRole('alert').filter({ hasText: fi.errors.unauthorized }).waitFor();
    } finally {
      await context.close();
    }
  });
});
