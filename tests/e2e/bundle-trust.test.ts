import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerMaterialOf, type SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { smallPdf, testIdentity } from '../fixtures/identities/identities.ts';
import { bundleOf, exampleFile, exporterIdentity } from '../exchange/bundle-fixtures.ts';
import { interpolate } from './page-models/messages.ts';
import { EXCHANGE_MESSAGES, ExchangePage } from './page-models/exchange-page.ts';
import { TRUST_MESSAGES } from './page-models/trusted-signers-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = EXCHANGE_MESSAGES.fi;
const tm = TRUST_MESSAGES.fi;
const FILE = 'vaarennos.ipsreview';
let app: PreviewApp;
let bundleFile: string;
let aino: SigningIdentity;
let mikael: SigningIdentity;
let fakeMikael: SigningIdentity;

beforeAll(async () => {
  app = await startPreviewApp();
  [aino, mikael, fakeMikael] = (await Promise.all([
    exporterIdentity(), exporterIdentity('Mikael Sundström'), testIdentity('Mikael Sundström'),
  ])).map((i) => i.identity) as [SigningIdentity, SigningIdentity, SigningIdentity];
  // The receiver knows Mikael; the bundle's report is signed by Aino (unknown here) and by a self-signed "Mikael".
  await app.call('trust.addSigner', { certificateBase64: signerMaterialOf(mikael).certificate.toString('base64') });
  const once = await signPdf(await smallPdf(), aino, { reason: 'Hyväksytty', name: aino.commonName });
  const twice = await signPdf(once, fakeMikael, { reason: 'Hyväksytty', name: 'Mikael Sundström' });
  const signer = (identity: SigningIdentity) => ({ name: identity.commonName, role: null, date: '2026-11-23', certificateFingerprint: identity.certificateFingerprint });
  bundleFile = join(mkdtempSync(join(tmpdir(), 'ips-e2e-bundle-trust-')), FILE);
  writeFileSync(bundleFile, bundleOf(aino, [{
    file: exampleFile(),
    signedReport: { language: 'fi', pdf: twice, sha256: createHash('sha256').update(twice).digest('hex'), signers: [signer(aino), signer(fakeMikael)], createdAt: '2026-11-23T12:00:00.000Z' },
  }]));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('who signed, in the import preview', () => {
  it('an impostor is a red warning at the top and on its signer; an unknown signer is confirmed once and then trusted; the import asks again with the warning; axe clean', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    const importer = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await importer.goto();
    await importer.choose(bundleFile, FILE);

    const warning = `⚠ ${interpolate(tm.verdict.impostor, { known: 'Mikael Sundström' })}`;
    expect((await importer.impostorWarning.innerText()).split('\n')[0]).toBe(warning);
    expect(await importer.impostorWarning.innerText()).toContain(interpolate(m.import.trust.impostorSignedReports, { sites: 'Järvenrannan IPS-työhönvalmennus' }));
    expect(await importer.impostorWarning.locator('.trust-verdict').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(164, 22, 26)');
    expect(await importer.exporterVerdict()).toBe(`? ${tm.verdict.unknown}`);
    // The report's line: its site, its visit dates, and that every expected signer signed.
    const [before, after] = m.import.trust.report.complete.replace('{{site}}', 'Järvenrannan IPS-työhönvalmennus').split('{{dates}}');
    expect((await importer.signersRegion.locator('p').first().innerText())).toMatch(new RegExp(`^${before}\\d.*${after!.replace('.', '\\.')}$`));
    const [ainoCard, fakeCard] = await importer.signerCards();
    expect(await ainoCard!.verdict()).toBe(`? ${tm.verdict.unknown}`);
    expect(await fakeCard!.verdict()).toBe(warning);
    expect(await fakeCard!.addButton.count()).toBe(0);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);

    // Confirmed once, by keyboard: the fingerprint is shown before anything is stored.
    await ainoCard!.addButton.focus();
    await page.keyboard.press('Enter');
    await ainoCard!.confirmation.waitFor();
    expect(await ainoCard!.confirmation.locator('code').innerText()).toBe(aino.certificateFingerprint);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    expect((await app.call('trust.list', {})).signers.map((s) => s.name)).toEqual(['Mikael Sundström']);
    await ainoCard!.confirmButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: interpolate(tm.add.added, { name: 'Aino Laaksonen' }) }).waitFor();
    // The bundle is judged again: Aino is trusted as signer and as exporter; focus is back on her verdict.
    await expect.poll(() => ainoCard!.verdict()).toBe(`✓ ${tm.verdict['trusted-signer']}`);
    expect(await importer.exporterVerdict()).toBe(`✓ ${tm.verdict['trusted-signer']}`);
    expect(await ainoCard!.card.locator('dd:focus').innerText()).toBe(`✓ ${tm.verdict['trusted-signer']}`);
    expect(await ainoCard!.addButton.count()).toBe(0);
    expect(await fakeCard!.verdict()).toBe(warning);

    // Importing asks first, repeating the warning; Escape cancels and gives focus back to the button.
    await importer.importButton.click();
    await importer.warningDialog.waitFor();
    expect(await importer.warningDialog.locator('.bundle-impostors').innerText()).toContain(warning);
    await expect(importer.warningDialog.getByRole('button', { name: m.import.confirm.cancel, exact: true }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await importer.warningDialog.waitFor({ state: 'detached' });
    await expect(importer.importButton.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect((await app.call('sites.list', { includeArchived: true })).length).toBe(0);

    await importer.importButton.click();
    await importer.warningDialog.getByRole('button', { name: m.import.confirm.submit, exact: true }).click();
    await importer.resultHeading('doneHeading', FILE).waitFor();
    expect(await importer.summary()).toBe('1 uusi');
    expect((await importer.impostorWarning.innerText()).split('\n')[0]).toBe(warning);
    expect(errors).toEqual([]);
  });
});
