import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExample } from '../fixtures/ratings.ts';
import { AppShell } from './page-models/app-shell.ts';
import { MESSAGES } from './page-models/messages.ts';
import { ReportPage } from './page-models/report-page.ts';
import { SettingsPage } from './page-models/settings-page.ts';
import { SETTINGS_MESSAGES } from './page-models/settings-messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const SITE = 'Järvenrannan IPS-työhönvalmennus';
const s = SETTINGS_MESSAGES.fi;
let app: PreviewApp;

beforeAll(async () => {
  app = await startPreviewApp();
});

afterAll(async () => {
  await app?.close();
});

/** Polls the backend until `check` holds (the page saves settings without waiting for the answer). */
async function eventually(check: () => Promise<boolean>, timeout = 10_000) {
  const until = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('settings wired into the UI', { timeout: 120_000 }, () => {
  it('saves the UI language in the settings; a browser with empty localStorage starts in it', async () => {
    const first = await app.open();
    await new SitesPage(first.page).waitUntilLoaded();
    expect((await app.call('settings.get', {})).language).toBe('fi');
    await new AppShell(first.page).switchLanguage('en');
    await eventually(async () => (await app.call('settings.get', {})).language === 'en');

    // Another browser context (a fresh one: empty localStorage), so it paints in Finnish and then follows the settings.
    const second = await app.open();
    await second.page.waitForFunction(() => document.documentElement.lang === 'en');
    await new SitesPage(second.page, MESSAGES.en).waitUntilLoaded();
    expect(await new AppShell(second.page, MESSAGES.en).languageButton('en').getAttribute('aria-pressed')).toBe('true');
    // …and keeps it for its own next start.
    expect(await second.page.evaluate(() => localStorage.getItem('ips.language'))).toBe('en');

    // Back to Finnish, saved too, for the tests that follow.
    await new AppShell(second.page, MESSAGES.en).switchLanguage('fi');
    await eventually(async () => (await app.call('settings.get', {})).language === 'fi');
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('preselects the default signing identity on the report page, and sets it on the settings page', async () => {
    const aino = await app.call('identities.create', { name: 'Aino Laaksonen', role: 'pääarvioija', storagePassphrase: 'salasana-aino-1' });
    const mikael = await app.call('identities.create', { name: 'Mikael Sundström', role: 'vertaisarvioija', storagePassphrase: 'salasana-mikael-2' });
    await app.call('settings.update', { reviewerIdentityId: mikael.id, language: 'fi' });
    const { reviewId } = await app.call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: 'consensus' } });

    const { page, errors } = await app.open({ bypassCSP: true });
    await new SitesPage(page).waitUntilLoaded();
    const report = new ReportPage(page);
    await report.goto(reviewId);
    await report.heading(SITE).waitFor();
    await report.identitySelect.waitFor();
    await page.waitForFunction((id) => [...document.querySelectorAll('select')].some((select) => select.value === String(id)), mikael.id);
    expect(await report.selectedIdentity()).toContain(`Mikael Sundström (vertaisarvioija, `);

    // The settings page lists both and "none", with the default chosen; a change is saved at once.
    const settings = new SettingsPage(page);
    await settings.open();
    const select = page.getByRole('combobox', { name: s.signing.defaultIdentity, exact: true });
    await select.waitFor();
    expect(await select.evaluate((element: HTMLSelectElement) => [...element.options].map((option) => option.textContent))).toEqual([
      s.signing.none,
      expect.stringContaining('Aino Laaksonen (pääarvioija, '),
      expect.stringContaining('Mikael Sundström (vertaisarvioija, '),
    ]);
    expect(await select.inputValue()).toBe(String(mikael.id));
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);

    await select.selectOption(String(aino.id));
    await page.getByRole('status').filter({ hasText: s.signing.saved }).waitFor();
    expect((await app.call('settings.get', {})).reviewerIdentityId).toBe(aino.id);
    await select.selectOption('');
    await page.getByRole('status').filter({ hasText: s.signing.saved }).waitFor();
    expect((await app.call('settings.get', {})).reviewerIdentityId).toBeUndefined();
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);

    // Without a default the report page chooses the first identity, as before.
    await report.goto(reviewId);
    await report.heading(SITE).waitFor();
    await page.waitForFunction((id) => [...document.querySelectorAll('select')].some((select) => select.value === String(id)), aino.id);
    expect(await report.selectedIdentity()).toContain('Aino Laaksonen (pääarvioija, ');
    expect(errors).toEqual([]);
  });
});
