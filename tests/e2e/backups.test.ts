import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from './page-models/messages.ts';
import { SettingsPage } from './page-models/settings-page.ts';
import { SETTINGS_MESSAGES } from './page-models/settings-messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';
import { tempDbFile } from '../fixtures/backend.ts';

const s = SETTINGS_MESSAGES.fi;
let app: PreviewApp;
const dbFile = tempDbFile();
const siteNames = async () => (await app.call('sites.list', {})).map((site) => site.name);

beforeAll(async () => {
  app = await startPreviewApp({ dbFile });
  await app.call('sites.create', { name: 'Ennen varmuuskopiota' });
});

afterAll(async () => {
  await app?.close();
});

describe('backups on the settings page', () => {
  it('backs up now from the keyboard, confirms a restore that says what happens, and reloads on the restored data', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    const settings = new SettingsPage(page);
    await settings.open();
    await page.getByText(s.backups.empty, { exact: true }).waitFor();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);

    // "Varmuuskopioi nyt" with Enter; the live region says what was made.
    await settings.backupNowButton.focus();
    await page.keyboard.press('Enter');
    await settings.waitForRows(1);
    expect(await settings.status.innerText()).toMatch(/^Varmuuskopio tehty \(.+, \d+ kt\)\.$/);
    expect((await settings.rows()).map((row) => row[1])).toEqual([s.backups.reason.manual]);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);

    await app.call('sites.create', { name: 'Varmuuskopion jälkeen' });

    // The confirmation: what, what happens to later changes, the check, the reload. Escape cancels; focus returns.
    await settings.restoreButton(0).click();
    await settings.dialog.waitFor();
    const text = await settings.dialog.innerText();
    for (const part of [s.restoreDialog.consequences, s.restoreDialog.check, s.restoreDialog.reload]) expect(text).toContain(part);
    expect(text).toContain(`(${s.backups.reason.manual.toLocaleLowerCase()})`);
    expect(await settings.cancelRestore.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await settings.dialog.waitFor({ state: 'detached' });
    expect(await settings.restoreButton(0).evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await siteNames()).toEqual(['Ennen varmuuskopiota', 'Varmuuskopion jälkeen']);

    // Confirmed: the page reloads, says what was restored, and lists the before-restore backup.
    await settings.restoreButton(0).click();
    const reloaded = page.waitForEvent('load');
    await settings.confirmRestore.click();
    await reloaded;
    await settings.heading.waitFor();
    await settings.waitForRows(2);
    expect(await settings.status.innerText()).toMatch(/^Varmuuskopio .+ palautettiin\./);
    expect((await settings.rows()).map((row) => row[1]).sort()).toEqual([s.backups.reason['before-restore'], s.backups.reason.manual].sort());
    expect(await siteNames()).toEqual(['Ennen varmuuskopiota']);
    await page.getByRole('banner').getByRole('link', { name: MESSAGES.fi.app.name }).click();
    await new SitesPage(page).row('Ennen varmuuskopiota').waitFor();
    expect(await new SitesPage(page).row('Varmuuskopion jälkeen').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a damaged backup is not restored: the dialog says why and the data stays', async () => {
    const before = await siteNames();
    const listed = await app.call('backups.list', {});
    const newest = listed.backups[0]!;
    const file = join(listed.folder, newest.name);
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from('not a database any more'), bytes.subarray(32)]));

    const { page } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.waitForRows(listed.backups.length);
    await settings.restoreButton(0).click();
    await settings.confirmRestore.click();
    await settings.dialog.getByRole('alert').filter({ hasText: MESSAGES.fi.errors['invalid-backup'] }).waitFor();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    expect(await settings.confirmRestore.isEnabled()).toBe(true);
    await settings.cancelRestore.click();
    expect(await siteNames()).toEqual(before);
  });

  it('a backup with a planted trigger is not restored: the dialog names the trigger and the data stays', async () => {
    const before = await siteNames();
    const made = await app.call('backups.create', {});
    const hostile = new BetterSqlite3(join((await app.call('backups.list', {})).folder, made.name));
    hostile.exec('CREATE TRIGGER force_five AFTER INSERT ON ratings BEGIN UPDATE ratings SET score = 5 WHERE reviewer_id = NEW.reviewer_id; END;');
    hostile.close();
    const listed = await app.call('backups.list', {});

    const { page } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.waitForRows(listed.backups.length);
    await settings.restoreButton(listed.backups.findIndex((b) => b.name === made.name)).click();
    await settings.confirmRestore.click();
    const alert = settings.dialog.getByRole('alert');
    await alert.filter({ hasText: 'extra trigger force_five on ratings' }).waitFor();
    expect(await alert.textContent()).toContain('Tietokannan rakenne poikkeaa tämän sovelluksen rakenteesta');
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await settings.cancelRestore.click();
    expect(await siteNames()).toEqual(before);
  });

  it('the backup folder is chosen only in the desktop app: the preview says so and changes nothing', async () => {
    const before = await app.call('backups.list', {});
    const { page } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    const settings = new SettingsPage(page);
    await settings.open();
    await page.getByRole('button', { name: s.backups.chooseFolder }).click();
    await page.getByRole('alert').filter({ hasText: MESSAGES.fi.errors['desktop-only'] }).waitFor();
    expect((await app.call('backups.list', {})).folder).toBe(before.folder);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });

  it('works in Swedish and English too', async () => {
    const { page } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    for (const language of ['sv', 'en'] as const) {
      await page.getByRole('button', { name: MESSAGES.fi.language[language], exact: true }).click();
      const settings = new SettingsPage(page, SETTINGS_MESSAGES[language]);
      await settings.open();
      await settings.backupNowButton.waitFor();
      await settings.table.waitFor();
      expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    }
  });
});
