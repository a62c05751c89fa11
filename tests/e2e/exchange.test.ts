import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../fixtures/identities/identities.ts';
import { readExample } from '../fixtures/ratings.ts';
import { exporterIdentity, STORAGE_PASSPHRASE } from '../exchange/bundle-fixtures.ts';
import { EXCHANGE_MESSAGES, ExchangePage } from './page-models/exchange-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = EXCHANGE_MESSAGES.fi;
const SITES = ['Järvenrannan IPS-työhönvalmennus', 'Ammatillisen kuntoutuksen IPS-pilotti'];
let from: PreviewApp;
let to: PreviewApp;
let folder: string;
let bundleFile: string;
let bundleName: string;

beforeAll(async () => {
  [from, to] = await Promise.all([startPreviewApp(), startPreviewApp()]);
  folder = mkdtempSync(join(tmpdir(), 'ips-e2e-exchange-'));
  const { p12 } = await exporterIdentity();
  await from.call('identities.import', { p12Base64: p12.toString('base64'), p12Passphrase: PASSPHRASE, protection: 'passphrase', storagePassphrase: STORAGE_PASSPHRASE });
  await from.call('reviews.importFile', { file: readExample('full-review.json') });
  await from.call('reviews.importFile', { file: readExample('partial-review-17-items.json') });
});

afterAll(async () => {
  await from?.close();
  await to?.close();
});

/** Each site's row on the sites page as it reads there (name, region, latest review, total, band…). */
async function siteRows(app: PreviewApp) {
  const { page } = await app.open();
  const sites = new SitesPage(page);
  await sites.waitUntilLoaded();
  const rows = Object.fromEntries(await Promise.all(SITES.map(async (name) => [name, await sites.rowTexts(name)] as const)));
  await page.close();
  return rows;
}

describe('review bundles between two organisations, through the UI', () => {
  it('exports from one database and imports into another: the same totals on the sites page', async () => {
    const { page, errors } = await from.open();
    const exchange = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await exchange.goto();
    await expect(exchange.scope('all').isChecked()).resolves.toBe(true);
    // The only stored identity is chosen already; it asks for its passphrase.
    await expect(exchange.identitySelect.inputValue()).resolves.not.toBe('');
    const saved = await exchange.exportBundle(STORAGE_PASSPHRASE);
    expect(saved.name).toMatch(/^ips-fidelity-\d{4}-\d{2}-\d{2}\.ipsreview$/);
    bundleName = saved.name;
    bundleFile = join(folder, saved.name);
    writeFileSync(bundleFile, saved.bytes);
    expect(errors).toEqual([]);

    const opened = await to.open();
    const importer = new ExchangePage(opened.page);
    await new SitesPage(opened.page).waitUntilLoaded();
    await importer.goto();
    await importer.choose(bundleFile, saved.name);
    await expect(importer.resultHeading('planHeading', saved.name).evaluate((h) => h === document.activeElement)).resolves.toBe(true);
    const plan = await importer.planRows();
    expect(plan.map((row) => [row[0], row.at(-1)])).toEqual(expect.arrayContaining([
      [expect.stringContaining(SITES[0]!), m.import.outcome.new],
      [expect.stringContaining(SITES[1]!), m.import.outcome.new],
    ]));
    await importer.importButton.click();
    await importer.resultHeading('doneHeading', saved.name).waitFor();
    expect(await importer.summary()).toBe('2 uutta');
    expect(opened.errors).toEqual([]);

    expect(await siteRows(to)).toEqual(await siteRows(from));
  });

  it('the same bundle again changes nothing and says so', async () => {
    const { page } = await to.open();
    const importer = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await importer.goto();
    await importer.choose(bundleFile, bundleName);
    const plan = await importer.planRows();
    expect(plan.map((row) => row.at(-1))).toEqual([m.import.outcome.unchanged, m.import.outcome.unchanged]);
    await expect(importer.importSection.getByText(m.import.nothingToDo, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(importer.importButton.count()).resolves.toBe(0);
  });

  it('a tampered bundle is refused with the reason, and the page passes axe', async () => {
    const tampered = join(folder, 'muutettu.ipsreview');
    const text = (await import('node:fs')).readFileSync(bundleFile, 'utf8');
    writeFileSync(tampered, text.replace('"score":4', '"score":5'));
    const { page } = await to.open({ bypassCSP: true });
    const importer = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await importer.goto();
    await importer.choose(tampered, 'muutettu.ipsreview');
    await importer.resultHeading('refusedHeading', 'muutettu.ipsreview').waitFor();
    expect(await importer.problems()).toEqual([`signature.value: ${m.problem['signature-invalid']}`]);
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });

  it('a newer revision replaces the one here only when ticked; the import says so', async () => {
    const file = { ...(readExample('full-review.json') as object), reviewId: '11111111-2222-4333-8444-555555555555', status: 'consensus', site: { name: 'Revisiotesti' } };
    const { reviewId } = await from.call('reviews.importFile', { file });
    const identityId = (await from.call('identities.list', {}))[0]!.id;
    const exportIt = () => from.call('bundles.export', { reviewIds: [reviewId], identityId, storagePassphrase: STORAGE_PASSPHRASE });
    await to.call('bundles.import', { bundleBase64: (await exportIt()).bundleBase64 });
    await from.call('consensus.set', { reviewId, item: 2, score: 1, justification: null });
    const newer = join(folder, 'uudempi.ipsreview');
    writeFileSync(newer, Buffer.from((await exportIt()).bundleBase64, 'base64'));

    const { page, errors } = await to.open();
    const importer = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await importer.goto();
    await importer.choose(newer, 'uudempi.ipsreview');
    const [row] = await importer.planRows();
    // Issue 13: the preview says what the review is (its status), then the revision.
    expect(row!.at(3)).toBe('Konsensus');
    expect(row!.at(4)).toBe('2 (täällä 1)');
    const replace = importer.importSection.getByRole('checkbox', { name: /^Korvaa: Revisiotesti, / });
    // Nothing to import until the newer revision is chosen.
    await expect(importer.importButton.count()).resolves.toBe(0);
    await replace.check();
    await importer.importButton.click();
    await importer.resultHeading('doneHeading', 'uudempi.ipsreview').waitFor();
    expect(await importer.summary()).toBe('1 korvattu');
    expect(errors).toEqual([]);
    const [imported] = (await to.call('sites.list', { search: 'Revisiotesti' }));
    expect(imported!.latestReview!.score).toEqual((await from.call('sites.list', { search: 'Revisiotesti' }))[0]!.latestReview!.score);
  });

  it('takes a bundle the desktop shell opened (menu Import…, a double-clicked file) and shows its check', async () => {
    const bytes = (await import('node:fs')).readFileSync(bundleFile);
    expect(to.server.backend.offerFile({ fileName: 'avattu.ipsreview', bytes })).toMatchObject({ ok: true });
    const { page, errors } = await to.open();
    const importer = new ExchangePage(page);
    await new SitesPage(page).waitUntilLoaded();
    await importer.goto();
    await importer.resultHeading('planHeading', 'avattu.ipsreview').waitFor();
    expect((await importer.planRows()).map((row) => row.at(-1))).toEqual([m.import.outcome.unchanged, m.import.outcome.unchanged]);
    expect(errors).toEqual([]);
  });
});
