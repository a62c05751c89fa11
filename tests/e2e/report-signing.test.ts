import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, testIdentity } from '../fixtures/identities/identities.ts';
import { readExample } from '../fixtures/ratings.ts';
import { AppShell } from './page-models/app-shell.ts';
import { interpolate } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { plural, REPORT_MESSAGES } from './page-models/report-messages.ts';
import { ReportPage } from './page-models/report-page.ts';
import { VerifyReportPage } from './page-models/report-verify-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = REPORT_MESSAGES.fi;
const SITE = 'Järvenrannan IPS-työhönvalmennus';
const FIRST = { name: 'Aino Laaksonen', role: 'pääarvioija', organisation: 'Pirkanmaan hyvinvointialue', passphrase: 'salasana-aino-1' };
const SECOND = { name: 'Mikael Sundström', role: 'vertaisarvioija', passphrase: 'salasana-mikael-2' };
let app: PreviewApp;
let reviewId: number;
let folder: string;

beforeAll(async () => {
  app = await startPreviewApp();
  // The example review, with its consensus ready: everything decided, not signed yet.
  ({ reviewId } = await app.call('reviews.importFile', { file: { ...(readExample('full-review.json') as object), status: 'consensus' } }));
  folder = mkdtempSync(join(tmpdir(), 'ips-e2e-report-'));
});

afterAll(async () => {
  await app?.close();
});

/** The app with its Content-Security-Policy in force (bypassCSP: false), or without it for axe-core's script. */
async function openReport(options: { bypassCSP: boolean }) {
  const opened = await app.open(options);
  await new SitesPage(opened.page).waitUntilLoaded();
  const report = new ReportPage(opened.page);
  await report.goto(reviewId);
  await report.heading(SITE).waitFor();
  return { ...opened, report };
}

const serious = async (page: Page) => seriousOrCritical(await axeFindings(page));

function pdfsig(pdf: Buffer): string {
  const file = join(folder, `pdfsig-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

async function storedReport() {
  const stored = await app.call('reports.get', { reviewId });
  if (!stored) throw new Error('no signed report stored');
  return { ...stored, pdf: Buffer.from(stored.pdfBase64, 'base64') };
}

describe('the report page', { timeout: 240_000 }, () => {
  it('previews the PDF, creates an identity, signs with confirmation (the review becomes final), saves the signed PDF; all under the app CSP', async () => {
    const { page, report, errors } = await openReport({ bypassCSP: false });
    const checked = await openReport({ bypassCSP: true });
    expect(await serious(checked.page)).toEqual([]);
    // Also with the new-identity form open and showing its errors.
    await checked.report.createIdentityButton.click();
    await checked.page.getByRole('button', { name: m.create.submit, exact: true }).click();
    await checked.page.getByText(m.errors.required, { exact: true }).waitFor();
    expect(await serious(checked.page)).toEqual([]);
    if (process.env.REPORT_SCREENSHOT) await checked.page.screenshot({ path: process.env.REPORT_SCREENSHOT.replace(/\.png$/, '-before.png'), fullPage: true });

    // Preview: Finnish by default; the PDF is offered as a download (a blob: link, which the CSP allows).
    expect(await report.languageRadio('fi').isChecked()).toBe(true);
    await report.makePreviewButton.click();
    await report.savePreviewLink.waitFor();
    const preview = await report.download(report.savePreviewLink);
    expect(preview.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(preview.name).toBe(interpolate(m.fileName.preview, { site: SITE, date: '2026-10-13' }));
    const pages = (preview.bytes.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
    expect(pages).toBeGreaterThan(3);
    const ready = interpolate(plural(m.preview, 'ready', pages), { count: pages, size: '§' }).split('§')[0]!;
    expect(await page.getByRole('status').filter({ hasText: ready }).count()).toBe(1);
    // Another language makes the preview out of date (arrow keys move between the radio buttons).
    await report.languageRadio('fi').focus();
    await page.keyboard.press('ArrowDown');
    expect(await report.languageRadio('sv').isChecked()).toBe(true);
    expect(await report.savePreviewLink.count()).toBe(0);
    await page.keyboard.press('ArrowUp');
    expect(await report.languageRadio('fi').isChecked()).toBe(true);

    // Signing needs an identity: there is none yet, and the page says so at the right place.
    await page.getByText(m.identity.none, { exact: true }).waitFor();
    await report.signPassphrase.fill(FIRST.passphrase);
    await report.startSigningButton.click();
    await page.getByText(m.errors.chooseIdentity, { exact: true }).waitFor();

    // Create one: the passphrases must match; the note says the passphrase cannot be recovered.
    await report.createIdentityButton.click();
    expect(await report.createIdentityButton.getAttribute('aria-expanded')).toBe('true');
    expect(await report.field(m.create.name, 'required').evaluate((input) => input === document.activeElement)).toBe(true);
    await page.getByText(m.storage.note, { exact: true }).waitFor();
    await report.fillCreateIdentity({ ...FIRST, repeat: 'eri-salasana' });
    const repeat = report.field(m.storage.repeat, 'required');
    expect(await report.fieldError(repeat)).toBe(m.errors.passphraseMismatch);
    expect(await repeat.getAttribute('aria-invalid')).toBe('true');
    expect(await repeat.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await serious(checked.page)).toEqual([]);
    await report.fillCreateIdentity(FIRST);
    await report.status(interpolate(m.create.done, { name: FIRST.name })).waitFor({ timeout: 60_000 });
    expect(await report.selectedIdentity()).toContain(`${FIRST.name} (${FIRST.role}, ${FIRST.organisation}, `);
    expect(await report.identitySelect.evaluate((select) => select === document.activeElement)).toBe(true);
    const [identity] = await app.call('identities.list', {});
    expect(identity).toMatchObject({ name: FIRST.name, role: FIRST.role, organisation: FIRST.organisation });
    await page.getByText(identity!.certificateFingerprint, { exact: true }).waitFor();

    // A wrong storage passphrase is refused at its field, and nothing changes.
    await report.sign('väärä-salasana');
    const passphrase = report.signPassphrase;
    await page.getByText(m.errors.signing['wrong-storage-secret'], { exact: true }).waitFor();
    expect(await report.fieldError(passphrase)).toBe(m.errors.signing['wrong-storage-secret']);
    expect(await passphrase.evaluate((input) => input === document.activeElement)).toBe(true);
    expect((await app.call('reviews.get', { id: reviewId })).status).toBe('consensus');

    // The confirmation says what signing does; Enter on its focused button signs.
    await passphrase.fill(FIRST.passphrase);
    await report.startSigningButton.click();
    await page.getByText(interpolate(m.sign.confirmText, { name: FIRST.name }), { exact: true }).waitFor();
    await page.getByRole('button', { name: m.sign.cancel, exact: true }).click();
    await page.waitForFunction((name) => document.activeElement?.textContent === name, m.sign.start);
    await report.sign(FIRST.passphrase);
    await report.signedReport.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'signed-report-heading');
    await report.status(interpolate(m.sign.done, { name: FIRST.name })).waitFor();
    await report.finalNotice.waitFor();
    // The identity that signed becomes the default signing identity (settings.reviewerIdentityId).
    await expect.poll(async () => (await app.call('settings.get', {})).reviewerIdentityId).toBe(identity!.id);

    const stored = await storedReport();
    expect((await app.call('reviews.get', { id: reviewId })).status).toBe('final');
    expect(await report.sha256()).toBe(stored.sha256);
    expect(stored.sha256).toBe(createHash('sha256').update(stored.pdf).digest('hex'));
    const rows = await report.signerRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual([FIRST.name, FIRST.role]);
    expect(rows[0]![3]).toBe(identity!.certificateFingerprint);
    // The language is fixed now, and the identity that signed cannot sign again.
    await page.getByText(interpolate(m.language.fixed, { language: m.language.name.fi }), { exact: true }).waitFor();
    expect(await report.languageRadio('fi').count()).toBe(0);
    expect(await report.selectedIdentity()).toBe(m.identity.choose);

    const saved = await report.download(report.saveSignedLink);
    expect(saved.name).toBe(interpolate(m.fileName.signed, { site: SITE, date: '2026-10-13' }));
    expect(saved.bytes.equals(stored.pdf)).toBe(true);
    expect(pdfsig(saved.bytes)).toContain('Signature is Valid');

    await checked.page.reload();
    await checked.report.signedReport.waitFor();
    expect(await serious(checked.page)).toEqual([]);

    // The review itself is final: read-only in the editor.
    const editor = new ReviewEditorPage(page);
    await page.getByRole('link', { name: m.page.toReview, exact: true }).click();
    await editor.finalNotice.waitFor();
    expect(await page.getByRole('link', { name: m.editorLink, exact: true }).getAttribute('href')).toBe(`#/reviews/${reviewId}/report`);
    expect(errors).toEqual([]);
  });

  it('a second reviewer imports a .p12 file and signs the same report; both are listed, and pdfsig finds both signatures valid', async () => {
    const { page, report, errors } = await openReport({ bypassCSP: false });
    const { p12 } = await testIdentity(SECOND.name, { organisation: 'Tampereen yliopisto' });
    const p12File = join(folder, 'mikael.p12');
    writeFileSync(p12File, p12);

    await report.importIdentityButton.click();
    await report.field(m.import.file, 'required').setInputFiles(p12File);
    await report.field(m.import.p12Passphrase).fill('väärä');
    await report.field(m.import.role, 'optional').fill(SECOND.role);
    await report.field(m.storage.passphrase, 'required').fill(SECOND.passphrase);
    await report.field(m.storage.repeat, 'required').fill(SECOND.passphrase);
    await page.getByRole('button', { name: m.import.submit, exact: true }).click();
    const p12Passphrase = report.field(m.import.p12Passphrase);
    await page.getByText(m.errors.signing['wrong-passphrase'], { exact: true }).waitFor();
    expect(await report.fieldError(p12Passphrase)).toBe(m.errors.signing['wrong-passphrase']);
    await p12Passphrase.fill(PASSPHRASE);
    await page.getByRole('button', { name: m.import.submit, exact: true }).click();
    await report.status(interpolate(m.import.done, { name: SECOND.name })).waitFor({ timeout: 60_000 });
    expect(await report.selectedIdentity()).toContain(`${SECOND.name} (${SECOND.role}, Tampereen yliopisto, `);
    // The first signer is in the list but cannot be chosen again.
    const first = report.identitySelect.getByRole('option', { name: new RegExp(`^${FIRST.name}`) });
    expect(await first.isDisabled()).toBe(true);
    expect(await first.innerText()).toContain(m.identity.alreadySigned.replace('{{identity}}', '').trim());

    await report.sign(SECOND.passphrase, m.sign.confirmNext);
    await page.waitForFunction(() => document.querySelectorAll('.signers-table tbody tr').length === 2, undefined, { timeout: 60_000 });
    const rows = await report.signerRows();
    expect(rows.map((row) => row[0])).toEqual([FIRST.name, SECOND.name]);
    const stored = await storedReport();
    expect(stored.signers.map((s) => s.name)).toEqual([FIRST.name, SECOND.name]);
    expect(await report.sha256()).toBe(stored.sha256);
    expect(pdfsig(stored.pdf).match(/Signature is Valid/g)).toHaveLength(2);

    if (process.env.REPORT_SCREENSHOT) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: process.env.REPORT_SCREENSHOT });
      await page.screenshot({ path: process.env.REPORT_SCREENSHOT.replace(/\.png$/, '-full.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
  });
});

describe('a review with undecided items', { timeout: 120_000 }, () => {
  it('says which items keep the report from being signed, before and when signing is tried', async () => {
    const site = await app.call('sites.create', { name: 'Lahden IPS-palvelu' });
    const draft = await app.call('reviews.create', { siteId: site.id, kind: 'self', visitDates: ['2026-11-02'], reviewers: [{ name: FIRST.name, role: null }] });
    for (let item = 1; item <= 23; item++) await app.call('ratings.set', { reviewId: draft.id, reviewerId: draft.reviewers[0]!.id, item, score: 4 });
    const opened = await app.open({ bypassCSP: true });
    const { page } = opened;
    await new SitesPage(page).waitUntilLoaded();
    const report = new ReportPage(page);
    await report.goto(draft.id);
    await report.heading('Lahden IPS-palvelu').waitFor();
    const warning = page.locator('.undecided--warning');
    await warning.waitFor();
    expect(await warning.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/^24\. \S/), expect.stringMatching(/^25\. \S/)]);
    // The identity that signed last (the settings' default signing identity) is chosen in advance; choose the first.
    expect(await report.selectedIdentity()).toContain(SECOND.name);
    const first = (await app.call('identities.list', {})).find((identity) => identity.name === FIRST.name)!;
    await report.identitySelect.selectOption(String(first.id));
    expect(await report.selectedIdentity()).toContain(FIRST.name);

    await report.sign(FIRST.passphrase);
    const refusal = page.getByRole('alert').filter({ hasText: m.errors.undecided });
    await refusal.waitFor();
    expect(await refusal.getByRole('listitem').count()).toBe(2);
    expect(await warning.count()).toBe(0);
    await page.waitForFunction((name) => document.activeElement?.textContent === name, m.sign.start);
    expect((await app.call('reviews.get', { id: draft.id })).status).toBe('draft');
    expect(await app.call('reports.get', { reviewId: draft.id })).toBeNull();
    expect(await serious(page)).toEqual([]);
  });
});

describe('the verify page', { timeout: 120_000 }, () => {
  it('finds the signed report valid with both signers; a copy with one byte changed and an unsigned PDF are not valid, in words', async () => {
    const { page, errors } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    await page.getByRole('banner').getByRole('link', { name: m.headerVerifyLink, exact: true }).click();
    const verify = new VerifyReportPage(page);
    await verify.heading.waitFor();

    const stored = await storedReport();
    const identities = await app.call('identities.list', {});
    const signedFile = join(folder, 'raportti-allekirjoitettu.pdf');
    writeFileSync(signedFile, stored.pdf);
    await verify.check(signedFile, 'raportti-allekirjoitettu.pdf');
    expect(await verify.verdict('raportti-allekirjoitettu.pdf')).toBe(`✓ ${m.verify.valid} ${interpolate(plural(m.verify, 'validExplain', 2), { count: 2 })}`);
    const signatures = await verify.signatures('raportti-allekirjoitettu.pdf');
    expect(signatures.map((s) => s[m.verify.signer])).toEqual([FIRST.name, SECOND.name]);
    expect(signatures.map((s) => s[m.verify.fingerprint])).toEqual(identities.map((i) => i.certificateFingerprint));
    expect(signatures.map((s) => s[m.verify.intact])).toEqual([m.verify.intactYes, m.verify.intactYes]);
    expect(signatures[0]![m.verify.organisation]).toBe(FIRST.organisation);
    expect(signatures[0]![m.verify.revision]).toMatch(/^version 2, [\d\s ]+ tavua: tiedoston aiemman version$/);
    expect(signatures[1]![m.verify.revision]).toBe(interpolate(m.verify.revisionWhole, { revision: 3, bytes: stored.pdf.length.toLocaleString('fi-FI') }));
    expect(signatures[1]![m.verify.time]).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}/);
    await page.getByText(m.verify.trustNote, { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verification-heading');
    // Keyboard: back to the file input; its (visually hidden) focus shows on the button beside it.
    await page.keyboard.press('Shift+Tab');
    expect(await verify.fileInput.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await page.locator('.file-field__button').evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');

    // One byte flipped inside the report's text.
    const tampered = Buffer.from(stored.pdf);
    const at = tampered.indexOf('Järvenrannan');
    expect(at).toBeGreaterThan(0);
    tampered[at] = tampered[at]! ^ 0x01;
    const tamperedFile = join(folder, 'muutettu.pdf');
    writeFileSync(tamperedFile, tampered);
    await verify.check(tamperedFile, 'muutettu.pdf');
    expect(await verify.verdict('muutettu.pdf')).toBe(`✗ ${m.verify.invalid} ${m.verify.invalidExplain}`);
    expect(await verify.problems('muutettu.pdf')).toContain(interpolate(m.verify.problemForSignature, { number: 1, message: m.verify.problem['digest-mismatch'] }));

    const unsigned = await app.call('reports.render', { reviewId, language: 'fi' });
    const unsignedFile = join(folder, 'allekirjoittamaton.pdf');
    writeFileSync(unsignedFile, Buffer.from(unsigned.pdfBase64, 'base64'));
    await verify.check(unsignedFile, 'allekirjoittamaton.pdf');
    expect(await verify.problems('allekirjoittamaton.pdf')).toEqual([m.verify.problem.unsigned]);
    expect(await verify.signatures('allekirjoittamaton.pdf')).toEqual([]);

    // The result follows the UI language.
    const sv = REPORT_MESSAGES.sv;
    await new AppShell(page).switchLanguage('sv');
    await page.getByText(sv.verify.problem.unsigned, { exact: true }).waitFor();
    expect(await new VerifyReportPage(page, sv).verdict('allekirjoittamaton.pdf')).toBe(`✗ ${sv.verify.invalid} ${sv.verify.invalidExplain}`);
    expect(errors).toEqual([]);
    // The switch was saved in the settings, which a new browser context follows: back to Finnish for the rest.
    await expect.poll(async () => (await app.call('settings.get', {})).language).toBe('sv');
    await app.call('settings.update', { language: 'fi' });

    // axe-core with a result on the page (both verdicts).
    const checked = await app.open({ bypassCSP: true });
    await new SitesPage(checked.page).waitUntilLoaded();
    await checked.page.evaluate(() => {
      window.location.hash = '#/verify';
    });
    const checkedVerify = new VerifyReportPage(checked.page);
    await checkedVerify.check(signedFile, 'raportti-allekirjoitettu.pdf');
    expect(await serious(checked.page)).toEqual([]);
    if (process.env.REPORT_SCREENSHOT) await checked.page.screenshot({ path: process.env.REPORT_SCREENSHOT.replace(/\.png$/, '-verify.png'), fullPage: true });
    await checkedVerify.check(tamperedFile, 'muutettu.pdf');
    expect(await serious(checked.page)).toEqual([]);
  });
});
