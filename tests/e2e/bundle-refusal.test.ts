import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundledReviewFile } from '../../exchange/bundle-review-check.ts';
import type { SigningIdentity } from '../../reports/signing/identity.ts';
import { signPdf } from '../../reports/signing/sign-pdf.ts';
import { smallPdf } from '../fixtures/identities/identities.ts';
import { ratingsSumming } from '../fixtures/ratings.ts';
import { bundleOf, bundleWithMovedBands, exampleFile, exporterIdentity, uidNumber } from '../exchange/bundle-fixtures.ts';
import { interpolate } from './page-models/messages.ts';
import { EXCHANGE_MESSAGES, ExchangePage } from './page-models/exchange-page.ts';
import { SettingsPage } from './page-models/settings-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = EXCHANGE_MESSAGES.fi;
let app: PreviewApp;
let folder: string;
let aino: SigningIdentity;
let mallory: SigningIdentity;

/** A bundle's signed report: the PDF with its one signer listed as the certificate names it. */
const signedBy = (signer: SigningIdentity, pdf: Buffer) => ({
  language: 'fi' as const, pdf, sha256: createHash('sha256').update(pdf).digest('hex'), createdAt: '2026-11-23T12:00:00.000Z',
  signers: [{ name: signer.commonName, role: null, date: '2026-11-23', certificateFingerprint: signer.certificateFingerprint }],
});

beforeAll(async () => {
  app = await startPreviewApp();
  folder = mkdtempSync(join(tmpdir(), 'ips-e2e-refusal-'));
  aino = (await exporterIdentity()).identity;
  mallory = (await exporterIdentity('Mallory Mäkinen', 'Hyökkääjä Oy')).identity;
  const pdf = await signPdf(await smallPdf(), aino, { reason: 'Hyväksytty', name: aino.commonName });
  await app.call('bundles.import', { bundleBase64: bundleOf(aino, [{ file: exampleFile(), signedReport: signedBy(aino, pdf) }]).toString('base64') });
});

afterAll(async () => {
  await app?.close();
});

describe('an import that must not change a review, through the UI', () => {
  it('another exporter\'s newer revision is shown refused, naming both senders, with no import button; the page passes axe', async () => {
    const newerPdf = await signPdf(await smallPdf('Versio 2'), mallory, { reason: 'Hyväksytty', name: mallory.commonName });
    const file = join(folder, 'mallory.ipsreview');
    writeFileSync(file, bundleOf(mallory, [{
      file: { ...exampleFile({ revision: 2 }), ratings: ratingsSumming(90) as BundledReviewFile['ratings'] },
      signedReport: signedBy(mallory, newerPdf),
    }]));
    const { page, errors } = await app.open({ bypassCSP: true });
    const importer = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await importer.goto();
    await importer.choose(file, 'mallory.ipsreview');
    const [row] = await importer.planRows();
    const sender = (name: string, fingerprint: string) => interpolate(m.import.refusal.sender, { name, fingerprint });
    expect(row!.at(-1)).toContain(m.import.outcome.refused);
    expect(row!.at(-1)).toContain(interpolate(m.import.refusal['exporter-changed'], {
      before: sender('Aino Laaksonen', aino.certificateFingerprint), now: sender('Mallory Mäkinen', mallory.certificateFingerprint),
    }));
    await expect(importer.importSection.getByRole('alert').filter({ hasText: m.import.refusedNote }).isVisible()).resolves.toBe(true);
    await expect(importer.importButton.count()).resolves.toBe(0);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a received scale version that differs is marked in the settings and becomes the default only when adopted after its differences', async () => {
    await app.call('bundles.import', { bundleBase64: bundleWithMovedBands(mallory, ratingsSumming(73) as BundledReviewFile['ratings'], uidNumber(99)).toString('base64') });
    const { page, errors } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    const settings = new SettingsPage(page);
    await settings.heading.waitFor();
    const s = settings.messages.scales;
    await settings.scaleVersions.getByRole('table').waitFor();
    const rows = await settings.scaleRows();
    const received = rows.find((r) => r[0]!.includes('9.9.9'))!;
    expect(received[0]).toContain('poikkeaa sovelluksen mukana tulleesta asteikosta');
    expect(received[1]).toBe(s.received);
    expect(rows.find((r) => r[0]!.includes('1.1.0'))![2]).toBe(s.isDefault);

    await settings.scaleVersions.getByRole('button', { name: interpolate(s.compare, { version: '9.9.9' }), exact: true }).click();
    const bands = settings.scaleVersions.getByRole('table', { name: interpolate(s.bandsCaption, { shipped: '1.1.0' }), exact: true });
    await bands.waitFor();
    expect((await bands.locator('tbody tr').first().locator('th, td').allInnerTexts())).toEqual(['huono', '25–73', '25–49']);
    await settings.scaleVersions.getByRole('button', { name: interpolate(s.adopt, { version: '9.9.9' }), exact: true }).click();
    await settings.scaleVersions.getByRole('status').filter({ hasText: interpolate(s.adopted, { version: '9.9.9' }) }).waitFor();
    expect((await app.call('scales.list', {})).filter((v) => v.isDefault).map((v) => v.version)).toEqual(['9.9.9']);
    await settings.scaleVersions.getByRole('button', { name: s.useShipped, exact: true }).click();
    await settings.scaleVersions.getByRole('status').filter({ hasText: interpolate(s.backToShipped, { version: '1.1.0' }) }).waitFor();
    expect((await app.call('scales.list', {})).filter((v) => v.isDefault).map((v) => v.version)).toEqual(['1.1.0']);
    expect(errors).toEqual([]);
  });
});
