import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/store/open-database.ts';
import { tempDbFile } from '../fixtures/backend.ts';
import { AppShell } from './page-models/app-shell.ts';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { REGION_MESSAGES } from './page-models/region-messages.ts';
import { RegionPrompt } from './page-models/region-prompt.ts';
import { SiteForm } from './page-models/site-form.ts';
import { SitePage } from './page-models/site-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const fi = MESSAGES.fi;
const rfi = REGION_MESSAGES.fi;
let app: PreviewApp;
let dbFile: string;

/** A database from before the region list (schema 12): one free-text region the list knows, one it does not. */
function databaseBeforeTheList(file: string) {
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  migrate(db, 0, 12);
  db.exec(`
    INSERT INTO regions (id, name, created_at) VALUES (1, 'Pirkanmaa', 't'), (2, 'HUS', 't');
    INSERT INTO sites (id, name, region_id, collaboration_model, created_at, updated_at) VALUES
      (1, 'Tampereen IPS', 1, 1, 't', 't'), (2, 'Helsingin IPS', 2, 2, 't', 't');`);
  db.close();
}

beforeAll(async () => {
  dbFile = tempDbFile();
  databaseBeforeTheList(dbFile);
  app = await startPreviewApp({ dbFile });
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dbFile) rmSync(dirname(dbFile), { recursive: true, force: true });
});

async function expectAccessibleAtBothSizes(page: Page) {
  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(size);
    expect(seriousOrCritical(await axeFindings(page)), `${size.width}x${size.height}`).toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `sideways scroll at ${size.width}px`).toBeLessThanOrEqual(widths.client);
  }
}

describe('regions from the list (issue 13)', () => {
  it('after migration 013 the sites list flags the free-text region the list does not know', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    // "Pirkanmaa" was mapped to its listed region; "HUS" (several regions) is kept and flagged.
    expect((await sites.rowTexts('Tampereen IPS'))[1]).toBe('Pirkanmaan hyvinvointialue');
    expect((await sites.rowTexts('Helsingin IPS'))[1]).toContain(`HUS${rfi.unlistedBadge}`);
    await page.getByText(interpolate(rfi.unlistedCount_one, { count: 1 }), { exact: true }).waitFor();
    await sites.row('Helsingin IPS').getByRole('button', { name: interpolate(rfi.mapButtonNamed, { name: 'Helsingin IPS' }), exact: true }).waitFor();
    await expectAccessibleAtBothSizes(page);

    // The site form offers the list (and the kept free text) in a select, with a hint that says what to do.
    await sites.row('Helsingin IPS').getByRole('button', { name: interpolate(rfi.mapButtonNamed, { name: 'Helsingin IPS' }) }).click();
    const form = new SiteForm(page, 'edit');
    await form.waitUntilOpen();
    expect(await form.regionChoice()).toBe(interpolate(rfi.unlistedOption, { name: 'HUS' }));
    const options = await form.region.locator('option').allInnerTexts();
    expect(options).toHaveLength(1 + 1 + 23);
    expect(options).toEqual(expect.arrayContaining(['Helsingin kaupunki', 'Ahvenanmaa', 'Vantaan ja Keravan hyvinvointialue']));
    expect(await form.descriptionOf(form.region)).toBe(interpolate(rfi.unlistedHint, { name: 'HUS' }));
    await expectAccessibleAtBothSizes(page);
    await form.cancelButton.click();
    await form.waitUntilClosed();
    expect(errors).toEqual([]);
  });

  it('a new site picks its region from the list and the "other" collaboration model with a note', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const form = await sites.openNewSiteForm();
    await form.fill({ name: 'Vantaan IPS', region: 'Vantaan ja Keravan hyvinvointialue', model: 'other' });
    // "Other" without a note is refused at the note field.
    await form.save();
    await form.alert.filter({ hasText: fi.errors['invalid-input'] }).waitFor();
    expect(await form.collaborationNote.getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBothSizes(page);
    await form.fill({ collaborationNote: 'Kaupunki ja hyvinvointialue yhteisessä tiimissä' });
    await form.save();
    await form.waitUntilClosed();
    const cells = await sites.rowTexts('Vantaan IPS');
    expect(cells.slice(1, 3)).toEqual(['Vantaan ja Keravan hyvinvointialue', rfi.collaboration.other]);
    const saved = (await app.call('sites.list', {})).find((s) => s.name === 'Vantaan IPS')!;
    expect(saved).toMatchObject({ region: { code: '04' }, collaborationModel: 'other', collaborationNote: 'Kaupunki ja hyvinvointialue yhteisessä tiimissä' });
    expect(errors).toEqual([]);
  });

  it('the site page asks for the region of a flagged site, and the user maps it from the list', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    await sites.openSite('Helsingin IPS');
    await new SitePage(page).waitUntilLoaded('Helsingin IPS');
    const prompt = new RegionPrompt(page);
    await prompt.region.waitFor();
    expect(await prompt.region.innerText()).toContain(interpolate(rfi.unlistedHint, { name: 'HUS' }));
    await expectAccessibleAtBothSizes(page);

    // Saving with no region chosen says so at the select.
    await prompt.saveButton.click();
    await prompt.region.getByText(rfi.chooseFirst, { exact: true }).waitFor();
    expect(await prompt.select.getAttribute('aria-invalid')).toBe('true');

    await prompt.choose('Helsingin kaupunki');
    await page.getByRole('status').filter({ hasText: interpolate(rfi.saved, { name: 'Helsingin kaupunki' }) }).waitFor();
    await prompt.region.waitFor({ state: 'detached' });
    expect(await page.locator('.site-details').innerText()).toContain('Helsingin kaupunki');
    expect((await app.call('sites.get', { id: 2 })).region).toMatchObject({ code: '90', name: 'Helsingin kaupunki' });
    // Nothing is left to map: the sites list no longer flags anything.
    expect((await app.call('regions.list', {})).filter((r) => r.code === null)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('in Swedish the list shows the Swedish names', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    const sites = new SitesPage(page, await new AppShell(page).switchLanguage('sv'));
    await sites.waitUntilLoaded();
    expect((await sites.rowTexts('Tampereen IPS'))[1]).toBe('Birkalands välfärdsområde');
    await sites.regionFilter.selectOption({ label: 'Helsingfors stad' });
    await sites.waitForSites(['Helsingin IPS']);
    const form = await sites.openNewSiteForm();
    const options = await form.region.locator('option').allInnerTexts();
    expect(options[0]).toBe(REGION_MESSAGES.sv.none);
    // Sorted by the Swedish names.
    expect(options[1]).toBe('Birkalands välfärdsområde');
    expect(options).toContain('Åland');
    expect(errors).toEqual([]);
  });
});
