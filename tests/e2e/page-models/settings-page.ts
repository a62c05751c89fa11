import type { Locator, Page } from 'playwright-core';
import { exactly } from './messages.ts';
import { SETTINGS_MESSAGES, type SettingsMessages } from './settings-messages.ts';

/** The settings page (#/settings): the backups table, "Back up now", and restoring a backup behind a confirmation. */
export class SettingsPage {
  constructor(readonly page: Page, readonly messages: SettingsMessages = SETTINGS_MESSAGES.fi) {}

  /** The header link every screen has. */
  get headerLink() {
    return this.page.getByRole('banner').getByRole('link', { name: this.messages.headerLink, exact: true });
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.messages.title, exact: true });
  }

  get backups() {
    return this.page.getByRole('region', { name: this.messages.backups.heading, exact: true });
  }

  get backupNowButton() {
    return this.backups.getByRole('button', { name: this.messages.backups.backupNow, exact: true });
  }

  /** The page's live region (outside the dialog). */
  get status() {
    return this.backups.getByRole('status');
  }

  get table() {
    return this.backups.getByRole('table', { name: this.messages.backups.table.caption, exact: true });
  }

  /** Each row as [time, reason, size], newest first. */
  async rows(): Promise<string[][]> {
    const rows = await this.table.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').evaluateAll((cells) => cells.slice(0, 3).map((c) => (c as HTMLElement).innerText.trim()))));
  }

  /** The Restore button of the n-th row (0: newest); its accessible name carries the backup's time. */
  restoreButton(index: number): Locator {
    return this.table.getByRole('button', { name: new RegExp(`^${this.messages.backups.restoreLabel.replace('{{time}}', '').trim()} `) }).nth(index);
  }

  get dialog() {
    return this.page.getByRole('dialog', { name: this.messages.restoreDialog.title, exact: true });
  }

  get confirmRestore() {
    return this.dialog.getByRole('button', { name: this.messages.restoreDialog.confirm, exact: true });
  }

  get cancelRestore() {
    return this.dialog.getByRole('button', { name: this.messages.restoreDialog.cancel, exact: true });
  }

  async open() {
    await this.headerLink.click();
    await this.heading.waitFor();
  }

  /** Waits until the table lists exactly `count` backups. */
  async waitForRows(count: number) {
    await this.page.waitForFunction(
      ([caption, n]) => [...document.querySelectorAll('table')].some((t) => t.caption?.textContent === caption && t.tBodies[0]?.rows.length === n),
      [this.messages.backups.table.caption, count] as const,
    );
  }

  statusIs(text: string) {
    return this.backups.getByRole('status').filter({ hasText: exactly(text) });
  }

  /** The scale versions section: which version new reviews use, and adopting another after seeing its differences. */
  get scaleVersions() {
    return this.page.getByRole('region', { name: this.messages.scales.heading, exact: true });
  }

  /** Each scale version's row as [version, origin, for new reviews]. */
  async scaleRows(): Promise<string[][]> {
    const rows = await this.scaleVersions.getByRole('table', { name: this.messages.scales.caption, exact: true }).locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }
}
