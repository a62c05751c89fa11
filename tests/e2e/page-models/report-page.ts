import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { exactly, interpolate } from './messages.ts';
import { REPORT_MESSAGES, type ReportMessages } from './report-messages.ts';

/** A review's report page (#/reviews/ID/report): language, preview, identities, signing, the signed report. */
export class ReportPage {
  constructor(readonly page: Page, readonly messages: ReportMessages = REPORT_MESSAGES.fi) {}

  /** Opens a review's report by its address in a page that already shows the app. */
  async goto(reviewId: number) {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/reviews/${reviewId}/report`);
  }

  heading(site: string) {
    return this.page.getByRole('heading', { level: 1, name: interpolate(this.messages.page.title, { site }), exact: true });
  }

  languageRadio(language: 'fi' | 'sv' | 'en') {
    return this.page.getByRole('group', { name: this.messages.language.legend }).getByRole('radio', { name: this.messages.language.name[language], exact: true });
  }

  get makePreviewButton() {
    return this.page.getByRole('button', { name: this.messages.preview.make, exact: true });
  }

  get savePreviewLink() {
    return this.page.getByRole('link', { name: this.messages.preview.save, exact: true });
  }

  /** A field by its label; `mark` is the "(required)" / "(optional)" the label ends with. */
  field(label: string, mark?: 'required' | 'optional'): Locator {
    return this.page.getByLabel(mark ? `${label} ${this.messages.identity[mark]}` : label, { exact: true });
  }

  /** The error shown for a field (its aria-describedby), or '' when it has none. */
  async fieldError(field: Locator): Promise<string> {
    return field.evaluate((input) => {
      const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return ids.map((id) => document.getElementById(id)).filter((el) => el?.classList.contains('field-error')).map((el) => el!.textContent).join(' ');
    });
  }

  get identitySelect() {
    return this.page.getByRole('combobox', { name: this.messages.identity.label, exact: true });
  }

  /** The chosen identity's option text. */
  selectedIdentity(): Promise<string> {
    return this.identitySelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  }

  get createIdentityButton() {
    return this.page.getByRole('button', { name: this.messages.identity.create, exact: true });
  }

  get importIdentityButton() {
    return this.page.getByRole('button', { name: this.messages.identity.import, exact: true });
  }

  /** Fills and submits the new-identity form (opened with createIdentityButton). */
  async fillCreateIdentity(values: { name: string; role?: string; organisation?: string; passphrase: string; repeat?: string }) {
    const m = this.messages;
    await this.field(m.create.name, 'required').fill(values.name);
    if (values.role) await this.field(m.create.role, 'optional').fill(values.role);
    if (values.organisation) await this.field(m.create.organisation, 'optional').fill(values.organisation);
    await this.field(m.storage.passphrase, 'required').fill(values.passphrase);
    await this.field(m.storage.repeat, 'required').fill(values.repeat ?? values.passphrase);
    await this.page.getByRole('button', { name: m.create.submit, exact: true }).click();
  }

  get signPassphrase() {
    return this.field(this.messages.sign.passphrase);
  }

  get startSigningButton() {
    return this.page.getByRole('button', { name: this.messages.sign.start, exact: true });
  }

  /** The confirmation that says what signing does; its first button signs. */
  get confirmation() {
    return this.page.getByRole('group').filter({ has: this.page.locator('.sign-confirm p') });
  }

  /** Types the storage passphrase, starts signing and confirms with the keyboard (focus is on the confirm button). */
  async sign(passphrase: string, confirmName: string = this.messages.sign.confirm) {
    await this.signPassphrase.fill(passphrase);
    await this.startSigningButton.click();
    const confirm = this.page.getByRole('button', { name: confirmName, exact: true });
    await confirm.waitFor();
    await this.page.waitForFunction(() => document.activeElement?.closest('.sign-confirm') !== null);
    await this.page.keyboard.press('Enter');
  }

  get signedReport() {
    return this.page.getByRole('region', { name: this.messages.signed.heading, exact: true });
  }

  get signersTable() {
    return this.signedReport.getByRole('table', { name: this.messages.signed.signers });
  }

  /** The signers as rows of text: name, role, date, fingerprint. */
  async signerRows(): Promise<string[][]> {
    const rows = await this.signersTable.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }

  async sha256(): Promise<string> {
    return this.signedReport.locator('code.hash').innerText();
  }

  get saveSignedLink() {
    return this.page.getByRole('link', { name: this.messages.signed.save, exact: true });
  }

  get finalNotice() {
    return this.page.getByRole('note').filter({ hasText: this.messages.page.finalNotice });
  }

  status(text: string) {
    return this.page.getByRole('status').filter({ hasText: exactly(text) });
  }

  /** Clicks a download link and returns the saved file's name and bytes. */
  async download(link: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}
