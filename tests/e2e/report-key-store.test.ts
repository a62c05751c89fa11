import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyVault } from '../../electron/backend/keys/key-vault.ts';
import { tempDbFile, testKeyVault } from '../fixtures/backend.ts';
import { PASSPHRASE, tempDir, testIdentity } from '../fixtures/identities/identities.ts';
import { readExample } from '../fixtures/ratings.ts';
import { interpolate } from './page-models/messages.ts';
import { REPORT_MESSAGES } from './page-models/report-messages.ts';
import { ReportPage } from './page-models/report-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = REPORT_MESSAGES.fi;
const SITE = 'Järvenrannan IPS-työhönvalmennus';
const SIGNER = { name: 'Aino Laaksonen', role: 'pääarvioija' };
const IMPORTED = { name: 'Mikael Sundström', passphrase: 'salasana-mikael-2' };

/**
 * The OS key store of "this user account": testKeyVault() (AES-GCM under a key only it holds) behind a switch, so
 * a test can stand at another user account or computer, whose key store cannot unwrap what this one wrapped.
 */
const home = testKeyVault();
let current: KeyVault = home;
const vault: KeyVault = { wrap: (secret) => current.wrap(secret), unwrap: (wrapped) => current.unwrap(wrapped) };

/** The desktop app (with the key store) and then the browser preview (without) open the same database in turn. */
const dbFile = tempDbFile();
let app: PreviewApp;
let firstReview: number;
let secondReview: number;

/** The example review with its consensus ready, under its own id (the file's id would make both one review). */
async function importReview(reviewUid: string) {
  const { reviewId } = await app.call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), reviewId: reviewUid, status: 'consensus' } });
  return reviewId;
}

async function openReport(reviewId: number, options: { bypassCSP: boolean }) {
  const opened = await app.open(options);
  await new SitesPage(opened.page).waitUntilLoaded();
  const report = new ReportPage(opened.page);
  await report.goto(reviewId);
  await report.heading(SITE).waitFor();
  return { ...opened, report };
}

async function identityId(name: string): Promise<number> {
  const found = (await app.call('identities.list', {})).find((identity) => identity.name === name);
  if (!found) throw new Error(`no identity ${name}`);
  return found.id;
}

const serious = async (page: Page) => seriousOrCritical(await axeFindings(page));
const protectionGroup = (page: Page) => page.getByRole('group', { name: m.protection.legend, exact: true });
const protectionRadio = (page: Page, choice: 'system' | 'passphrase') => protectionGroup(page).getByRole('radio', { name: m.protection[choice], exact: true });

/** The bodies the page sent to reports.sign (the preview's API is POST /api/<call>). */
function signRequests(page: Page): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/reports.sign')) bodies.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
  });
  return bodies;
}

/** Starts signing and confirms with the keyboard (focus moves to the confirm button); no passphrase is typed. */
async function signWithoutPassphrase(page: Page, report: ReportPage) {
  await report.startSigningButton.click();
  await page.getByRole('button', { name: m.sign.confirm, exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.sign-confirm') !== null);
  await page.keyboard.press('Enter');
}

describe('with the OS key store (the desktop app)', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    app = await startPreviewApp({ dbFile, keyVault: vault });
    firstReview = await importReview('5b0d3c1e-6a43-4f5e-9a0f-2b7d1e4c9a01');
    secondReview = await importReview('5b0d3c1e-6a43-4f5e-9a0f-2b7d1e4c9a02');
  });

  afterAll(async () => {
    current = home;
    await app?.close();
  });

  it('offers the key store first (no passphrase fields), creates an identity kept there and signs without a passphrase', async () => {
    const { page, report, errors } = await openReport(firstReview, { bypassCSP: false });
    const sent = signRequests(page);

    // The choice, with the key store chosen: nothing to type for it.
    await report.createIdentityButton.click();
    await protectionGroup(page).waitFor();
    expect(await protectionRadio(page, 'system').isChecked()).toBe(true);
    expect(await report.field(m.storage.passphrase, 'required').count()).toBe(0);
    expect(await report.field(m.storage.repeat, 'required').count()).toBe(0);
    expect(await page.getByText(m.storage.note, { exact: true }).count()).toBe(0);
    // Each choice is explained (its hint is the radio's description).
    const systemHint = await protectionRadio(page, 'system').evaluate((radio) => {
      const ids = (radio.getAttribute('aria-describedby') ?? '').split(' ');
      return ids.map((id) => document.getElementById(id)?.textContent).join(' ');
    });
    expect(systemHint).toBe(m.protection.systemHint);

    // Arrow keys move between the two choices; the passphrase fields show only with the passphrase.
    await protectionRadio(page, 'system').focus();
    await page.keyboard.press('ArrowDown');
    expect(await protectionRadio(page, 'passphrase').isChecked()).toBe(true);
    await report.field(m.storage.passphrase, 'required').waitFor();
    await report.field(m.storage.repeat, 'required').waitFor();
    await page.getByText(m.storage.note, { exact: true }).waitFor();
    await page.keyboard.press('ArrowUp');
    expect(await protectionRadio(page, 'system').isChecked()).toBe(true);
    expect(await report.field(m.storage.passphrase, 'required').count()).toBe(0);

    // The name is still required, and is where focus goes.
    await page.getByRole('button', { name: m.create.submit, exact: true }).click();
    const name = report.field(m.create.name, 'required');
    await page.getByText(m.errors.required, { exact: true }).waitFor();
    expect(await report.fieldError(name)).toBe(m.errors.required);
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);

    await name.fill(SIGNER.name);
    await report.field(m.create.role, 'optional').fill(SIGNER.role);
    await page.getByRole('button', { name: m.create.submit, exact: true }).click();
    await report.status(interpolate(m.create.done, { name: SIGNER.name })).waitFor({ timeout: 60_000 });
    const [identity] = await app.call('identities.list', {});
    expect(identity).toMatchObject({ name: SIGNER.name, role: SIGNER.role, protection: 'system' });
    expect(home.calls.wrap).toBe(1);
    expect(await report.selectedIdentity()).toContain(`${SIGNER.name} (${SIGNER.role}, `);
    expect(await report.identitySelect.evaluate((select) => select === document.activeElement)).toBe(true);

    // Signing with it: no passphrase field, a note says why.
    await page.locator('.identity-facts').getByText(m.protection.system, { exact: true }).waitFor();
    expect(await report.signPassphrase.count()).toBe(0);
    await page.getByText(m.sign.systemNote, { exact: true }).waitFor();

    // At another user account (or computer) the key store cannot unlock the key: said at the identity, nothing signed.
    current = testKeyVault();
    await signWithoutPassphrase(page, report);
    await page.getByText(m.errors.keyStore.refused, { exact: true }).waitFor();
    expect(await report.fieldError(report.identitySelect)).toBe(m.errors.keyStore.refused);
    expect(await report.identitySelect.getAttribute('aria-invalid')).toBe('true');
    expect(await report.identitySelect.evaluate((select) => select === document.activeElement)).toBe(true);
    expect((await app.call('reviews.get', { id: firstReview })).status).toBe('consensus');

    // Back at this user account it signs.
    current = home;
    await signWithoutPassphrase(page, report);
    await report.signedReport.waitFor({ timeout: 60_000 });
    await report.status(interpolate(m.sign.done, { name: SIGNER.name })).waitFor();
    expect((await app.call('reviews.get', { id: firstReview })).status).toBe('final');
    const rows = await report.signerRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual([SIGNER.name, SIGNER.role]);
    expect(rows[0]![3]).toBe(identity!.certificateFingerprint);
    expect((await app.call('reports.get', { reviewId: firstReview }))?.signers.map((s) => s.name)).toEqual([SIGNER.name]);
    // No passphrase was ever sent.
    expect(sent).toHaveLength(2);
    for (const body of sent) expect(body).not.toHaveProperty('storagePassphrase');
    expect(errors).toEqual([]);
  });

  it('imports a .p12 file with the passphrase chosen instead; signing with that identity asks for the passphrase', async () => {
    const { page, report, errors } = await openReport(secondReview, { bypassCSP: false });
    const { p12 } = await testIdentity(IMPORTED.name);
    const p12File = join(tempDir('ips-e2e-keystore-'), 'mikael.p12');
    writeFileSync(p12File, p12);

    await report.importIdentityButton.click();
    await protectionGroup(page).waitFor();
    expect(await protectionRadio(page, 'system').isChecked()).toBe(true);
    await report.field(m.import.file, 'required').setInputFiles(p12File);
    await report.field(m.import.p12Passphrase).fill(PASSPHRASE);
    // A click on the choice's label chooses it.
    await protectionGroup(page).getByText(m.protection.passphrase, { exact: true }).click();
    expect(await protectionRadio(page, 'passphrase').isChecked()).toBe(true);
    // The passphrase's own checks apply again.
    await page.getByRole('button', { name: m.import.submit, exact: true }).click();
    const storage = report.field(m.storage.passphrase, 'required');
    await page.getByText(m.errors.passphraseShort, { exact: true }).waitFor();
    expect(await storage.evaluate((input) => input === document.activeElement)).toBe(true);
    await storage.fill(IMPORTED.passphrase);
    await report.field(m.storage.repeat, 'required').fill(IMPORTED.passphrase);
    await page.getByRole('button', { name: m.import.submit, exact: true }).click();
    await report.status(interpolate(m.import.done, { name: IMPORTED.name })).waitFor({ timeout: 60_000 });
    const imported = (await app.call('identities.list', {})).find((i) => i.name === IMPORTED.name);
    expect(imported).toMatchObject({ protection: 'passphrase' });
    expect(home.calls.wrap).toBe(1);

    // This identity needs its passphrase; the key-store one does not.
    expect(await report.selectedIdentity()).toContain(IMPORTED.name);
    await report.signPassphrase.waitFor();
    expect(await page.getByText(m.sign.systemNote, { exact: true }).count()).toBe(0);
    await report.startSigningButton.click();
    await page.getByText(m.errors.required, { exact: true }).waitFor();
    expect(await report.fieldError(report.signPassphrase)).toBe(m.errors.required);
    expect(await report.signPassphrase.evaluate((input) => input === document.activeElement)).toBe(true);
    await report.identitySelect.selectOption(String(await identityId(SIGNER.name)));
    await page.getByText(m.sign.systemNote, { exact: true }).waitFor();
    expect(await report.signPassphrase.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('passes axe-core with the key protection choice open, with its errors, and with the passphrase chosen', async () => {
    const { page, report } = await openReport(secondReview, { bypassCSP: true });
    await report.createIdentityButton.click();
    await protectionGroup(page).waitFor();
    expect(await serious(page)).toEqual([]);
    await page.getByRole('button', { name: m.create.submit, exact: true }).click();
    await page.getByText(m.errors.required, { exact: true }).waitFor();
    expect(await serious(page)).toEqual([]);
    await protectionRadio(page, 'passphrase').check();
    await report.field(m.storage.passphrase, 'required').waitFor();
    expect(await serious(page)).toEqual([]);
    if (process.env.REPORT_SCREENSHOT) await page.screenshot({ path: process.env.REPORT_SCREENSHOT.replace(/\.png$/, '-key-store.png'), fullPage: true });
  });
});

describe('without the OS key store (the browser preview)', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await startPreviewApp({ dbFile });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('offers only the storage passphrase, and says an identity kept by a key store cannot sign here', async () => {
    const { page, report, errors } = await openReport(secondReview, { bypassCSP: true });
    expect(await app.call('identities.keyStore', {})).toEqual({ systemAvailable: false });

    // The forms are as before: no choice, the passphrase fields at once.
    await report.createIdentityButton.click();
    await report.field(m.storage.passphrase, 'required').waitFor();
    await report.field(m.storage.repeat, 'required').waitFor();
    expect(await protectionGroup(page).count()).toBe(0);
    expect(await page.getByRole('radio', { name: m.protection.system, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: m.identity.cancel, exact: true }).click();
    await report.importIdentityButton.click();
    await report.field(m.storage.passphrase, 'required').waitFor();
    expect(await protectionGroup(page).count()).toBe(0);
    await page.getByRole('button', { name: m.identity.cancel, exact: true }).click();

    // The identity made in the desktop app is listed; it needs no passphrase, but this app has no key store.
    await report.identitySelect.selectOption(String(await identityId(SIGNER.name)));
    await page.getByText(m.sign.systemNote, { exact: true }).waitFor();
    expect(await report.signPassphrase.count()).toBe(0);
    await signWithoutPassphrase(page, report);
    await page.getByText(m.errors.keyStore.unavailableToSign, { exact: true }).waitFor();
    expect(await report.fieldError(report.identitySelect)).toBe(m.errors.keyStore.unavailableToSign);
    expect(await report.identitySelect.evaluate((select) => select === document.activeElement)).toBe(true);
    expect((await app.call('reviews.get', { id: secondReview })).status).toBe('consensus');
    expect(await serious(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
