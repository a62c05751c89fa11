import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { testCertificate } from '../fixtures/identities/certificate-authority.ts';
import { PASSPHRASE, smallPdf, testIdentity } from '../fixtures/identities/identities.ts';
import { interpolate } from './page-models/messages.ts';
import { REPORT_MESSAGES } from './page-models/report-messages.ts';
import { VerifyReportPage } from './page-models/report-verify-page.ts';
import { SettingsPage } from './page-models/settings-page.ts';
import { SignatureTrust, TRUST_MESSAGES, TrustedSignersPage } from './page-models/trusted-signers-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = REPORT_MESSAGES.fi;
const tm = TRUST_MESSAGES.fi;
const OWN = 'Aino Laaksonen';
const COLLEAGUE = 'Mikael Sundström';
let app: PreviewApp;
let folder: string;
let colleague: { p12: Buffer; identity: SigningIdentity };
let byColleague: string;
let byImpostor: string;

const signedFile = async (name: string, identity: SigningIdentity) => {
  const file = join(folder, name);
  writeFileSync(file, await signPdf(await smallPdf(), identity, { reason: 'Hyväksyntä', name: identity.commonName }));
  return file;
};
const serious = async (page: Page) => seriousOrCritical(await axeFindings(page));

beforeAll(async () => {
  app = await startPreviewApp();
  folder = mkdtempSync(join(tmpdir(), 'ips-e2e-trust-'));
  const [own, other, impostor] = await Promise.all([testIdentity(OWN), testIdentity(COLLEAGUE), testIdentity(` aino  LAAKSONEN`)]);
  colleague = other;
  // The app's own identity: trusted without being added; a self-signed namesake is the impostor.
  await app.call('identities.import', { p12Base64: own.p12.toString('base64'), p12Passphrase: PASSPHRASE, storagePassphrase: 'salasana-aino-1' });
  byColleague = await signedFile('mikael.pdf', colleague.identity);
  byImpostor = await signedFile('aino-vaarennos.pdf', impostor.identity);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function openVerify(bypassCSP = false) {
  const opened = await app.open({ bypassCSP });
  await new SitesPage(opened.page).waitUntilLoaded();
  await opened.page.getByRole('banner').getByRole('link', { name: m.headerVerifyLink, exact: true }).click();
  const verify = new VerifyReportPage(opened.page);
  await verify.heading.waitFor();
  const card = (fileName: string) => new SignatureTrust(verify.result(fileName).getByRole('listitem').first());
  return { ...opened, verify, card };
}

describe('trusted signers', { timeout: 120_000 }, () => {
  it('an unknown signer is confirmed once by fingerprint and is then trusted; an impostor is a red warning; the list shows and removes them', async () => {
    const { page, errors, verify, card } = await openVerify();

    await verify.check(byColleague, 'mikael.pdf');
    const unknown = card('mikael.pdf');
    expect(await unknown.verdict()).toBe(`? ${tm.verdict.unknown}`);
    await unknown.addButton.click();
    await unknown.confirmation.waitFor();
    // The fingerprint to compare is shown before anything is stored.
    expect(await unknown.confirmation.locator('code').innerText()).toBe(colleague.identity.certificateFingerprint);
    expect((await app.call('trust.list', {})).signers).toEqual([]);
    await unknown.confirmButton.click();
    await page.getByRole('status').filter({ hasText: interpolate(tm.add.added, { name: COLLEAGUE }) }).waitFor();
    await expect.poll(() => unknown.verdict()).toBe(`✓ ${tm.verdict['trusted-signer']}`);
    expect(await unknown.addButton.count()).toBe(0);

    // Verified again from the file: still trusted.
    await verify.check(byImpostor, 'aino-vaarennos.pdf');
    await verify.check(byColleague, 'mikael.pdf');
    expect(await card('mikael.pdf').verdict()).toBe(`✓ ${tm.verdict['trusted-signer']}`);

    // The impostor: intact, but a red warning with an icon and words, at the top and on the signature.
    await verify.check(byImpostor, 'aino-vaarennos.pdf');
    const warningText = interpolate(tm.verdict.impostor, { known: OWN });
    const warning = verify.result('aino-vaarennos.pdf').locator('.trust-warning');
    expect(await warning.innerText()).toBe(`⚠ ${warningText}`);
    expect(await card('aino-vaarennos.pdf').verdict()).toBe(`⚠ ${warningText}`);
    expect(await warning.locator('.trust-verdict').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(164, 22, 26)');
    expect(await card('aino-vaarennos.pdf').addButton.count()).toBe(0);

    // The list, from the settings page: the confirmed signer, the own identity; removing; a root only as a CA.
    await new SettingsPage(page).headerLink.click();
    await page.getByRole('link', { name: tm.page.link, exact: true }).click();
    const trusted = new TrustedSignersPage(page);
    await trusted.heading.waitFor();
    expect(await trusted.names(trusted.signers)).toEqual([COLLEAGUE]);
    await page.getByRole('region', { name: tm.page.ownHeading, exact: true }).getByText(OWN).waitFor();

    const notCa = join(folder, 'not-a-ca.pem');
    writeFileSync(notCa, testCertificate('Pekka Puupää').pem);
    await trusted.addRoot(notCa);
    await trusted.alert.filter({ hasText: tm.errors['not-a-ca'] }).waitFor();
    const ca = join(folder, 'ca.pem');
    writeFileSync(ca, testCertificate('Työ ja terveys ry CA', { ca: true }).pem);
    await trusted.addRoot(ca);
    await trusted.status.filter({ hasText: interpolate(tm.page.rootAdded, { name: 'Työ ja terveys ry CA' }) }).waitFor();
    await expect.poll(() => trusted.names(trusted.roots)).toEqual(['Työ ja terveys ry CA']);

    await trusted.removeButton(COLLEAGUE).click();
    await trusted.status.filter({ hasText: interpolate(tm.page.removed, { name: COLLEAGUE }) }).waitFor();
    await trusted.signers.getByText(tm.page.signersEmpty).waitFor();
    expect(errors).toEqual([]);
  });

  it('passes axe with an unknown signer asking for confirmation, with an impostor warning, and on the trusted signers page', async () => {
    const { page, verify, card } = await openVerify(true);
    await verify.check(byColleague, 'mikael.pdf');
    await card('mikael.pdf').addButton.click();
    await card('mikael.pdf').confirmation.waitFor();
    expect(await serious(page)).toEqual([]);
    await verify.check(byImpostor, 'aino-vaarennos.pdf');
    expect(await serious(page)).toEqual([]);
    await page.evaluate(() => {
      window.location.hash = '#/settings/trusted-signers';
    });
    await new TrustedSignersPage(page).heading.waitFor();
    await new TrustedSignersPage(page).roots.waitFor();
    expect(await serious(page)).toEqual([]);
  });
});
