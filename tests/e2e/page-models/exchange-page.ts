import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import en from '../../../renderer/i18n/locales/exchange/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/exchange/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/exchange/sv.json' with { type: 'json' };
import { interpolate } from './messages.ts';
import { SignatureTrust, TRUST_MESSAGES } from './trusted-signers-page.ts';

/** The exchange page's messages (the app shows them under `exchange.`). */
export type ExchangeMessages = typeof fi;
export const EXCHANGE_MESSAGES: Record<'fi' | 'sv' | 'en', ExchangeMessages> = { fi, sv, en };

/** The exchange page (#/exchange): export a signed review bundle, check and import one. */
export class ExchangePage {
  constructor(readonly page: Page, readonly messages: ExchangeMessages = EXCHANGE_MESSAGES.fi) {}

  async goto() {
    await this.page.evaluate(() => {
      window.location.hash = '#/exchange';
    });
    await this.heading.waitFor();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.messages.title, exact: true });
  }

  get exportSection() {
    return this.page.getByRole('region', { name: this.messages.export.heading, exact: true });
  }

  get importSection() {
    return this.page.getByRole('region', { name: this.messages.import.heading, exact: true });
  }

  scope(choice: 'all' | 'site' | 'selected') {
    return this.exportSection.getByRole('radio', { name: this.messages.export[choice], exact: true });
  }

  get siteSelect() {
    return this.exportSection.getByRole('combobox', { name: this.messages.export.siteLabel, exact: true });
  }

  get identitySelect() {
    return this.exportSection.getByRole('combobox', { name: this.messages.export.identity, exact: true });
  }

  get passphrase() {
    return this.exportSection.getByLabel(this.messages.export.passphrase, { exact: true });
  }

  get exportButton() {
    return this.exportSection.getByRole('button', { name: this.messages.export.submit, exact: true });
  }

  /** Exports with the chosen identity's passphrase and saves the bundle the page offers; returns its name and bytes. */
  async exportBundle(passphrase: string): Promise<{ name: string; bytes: Buffer }> {
    await this.passphrase.fill(passphrase);
    await this.exportButton.click();
    await this.exportSection.getByRole('heading', { name: this.messages.export.doneHeading, exact: true }).waitFor();
    const link = this.exportSection.getByRole('link', { name: /\.ipsreview$/ });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  get fileInput() {
    return this.importSection.getByLabel(this.messages.import.file, { exact: true });
  }

  resultHeading(key: 'planHeading' | 'refusedHeading' | 'doneHeading', file: string) {
    return this.importSection.getByRole('heading', { level: 3, name: interpolate(this.messages.import[key], { file }), exact: true });
  }

  /** Chooses a file and waits until the page has checked it (its plan, or why it was refused). */
  async choose(path: string, fileName: string) {
    await this.fileInput.setInputFiles(path);
    await this.importSection.locator('.exchange-result h3').filter({ hasText: fileName }).waitFor();
  }

  get planTable() {
    return this.importSection.getByRole('table', { name: this.messages.import.table.caption });
  }

  /** Each review row as text: site, dates, kind, revision, total, band, outcome. */
  async planRows(): Promise<string[][]> {
    const rows = await this.planTable.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }

  get importButton() {
    return this.importSection.getByRole('button', { name: this.messages.import.submit, exact: true });
  }

  /** The red warning at the top of the preview: a certificate in a known reviewer's name with another key. */
  get impostorWarning() {
    return this.importSection.locator('.bundle-impostors').first();
  }

  /** The exporter's verdict, beside the exporter's name and fingerprint. */
  exporterVerdict(): Promise<string> {
    return this.importSection.locator('.exchange-result dt', { hasText: TRUST_MESSAGES.fi.verdictLabel }).first().locator('xpath=following-sibling::dd[1]').innerText();
  }

  get signersRegion() {
    return this.importSection.getByRole('region', { name: this.messages.import.trust.signersHeading, exact: true });
  }

  /** Each signer of the bundle's signed reports, in order, as a signature card with its verdict and confirmation. */
  async signerCards(): Promise<SignatureTrust[]> {
    return (await this.signersRegion.locator('.signature-card').all()).map((card) => new SignatureTrust(card));
  }

  /** The confirmation the import button asks for when the bundle has an impostor's certificate. */
  get warningDialog() {
    return this.page.getByRole('dialog', { name: this.messages.import.confirm.title, exact: true });
  }

  async problems(): Promise<string[]> {
    return this.importSection.getByRole('alert').locator('li').allInnerTexts();
  }

  summary() {
    return this.importSection.locator('.exchange-summary').innerText();
  }
}
