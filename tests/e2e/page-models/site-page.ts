import type { Page } from 'playwright-core';
import { MESSAGES, type Messages } from './messages.ts';

/** One site: its details and its reviews. */
export class SitePage {
  constructor(readonly page: Page, readonly messages: Messages = MESSAGES.fi) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  get backLink() {
    return this.page.getByRole('link', { name: this.messages.site.back, exact: true });
  }

  get reviewsTable() {
    return this.page.getByRole('table', { name: this.messages.site.table.caption });
  }

  async waitUntilLoaded(name: string) {
    await this.heading(name).waitFor();
    await this.page.locator('.reviews-table, .site-page .empty-state').first().waitFor();
  }

  /** A cell of the reviews table with exactly this text. */
  cell(text: string) {
    return this.reviewsTable.getByRole('cell', { name: text, exact: true });
  }

  /** Each review row's cells as text: kind, dates, status, total, band, scale. */
  async reviewRows(): Promise<string[][]> {
    const rows = await this.reviewsTable.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }
}
