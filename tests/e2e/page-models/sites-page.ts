import type { Locator, Page } from 'playwright-core';
import { exactly, interpolate, MESSAGES, type Messages } from './messages.ts';
import { SiteForm } from './site-form.ts';

/** The sites list (the first screen): filters, the table, and the create / edit / archive actions. */
export class SitesPage {
  constructor(readonly page: Page, readonly messages: Messages = MESSAGES.fi) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.messages.sites.title, exact: true });
  }

  get newSiteButton() {
    return this.page.getByRole('button', { name: this.messages.sites.newSite, exact: true });
  }

  get regionFilter() {
    return this.page.getByRole('combobox', { name: this.messages.sites.filters.region, exact: true });
  }

  get searchBox() {
    return this.page.getByRole('searchbox', { name: this.messages.sites.filters.search, exact: true });
  }

  get showArchived() {
    return this.page.getByRole('checkbox', { name: this.messages.sites.filters.showArchived, exact: true });
  }

  get table() {
    return this.page.getByRole('table', { name: this.messages.sites.table.caption });
  }

  get status() {
    return this.page.getByRole('status');
  }

  /** The row whose row header links to the site named exactly `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').getByRole('link', { name: exactly(name) }) });
  }

  async waitUntilLoaded() {
    await this.heading.waitFor();
    await this.page.locator('.sites-table, .empty-state').first().waitFor();
  }

  async siteNames(): Promise<string[]> {
    return this.table.getByRole('rowheader').getByRole('link').allInnerTexts();
  }

  /** The cells of a site's row, header first (name, then organisation on its own line), as text. */
  async rowTexts(name: string): Promise<string[]> {
    await this.row(name).waitFor();
    return this.row(name).locator('th, td').allInnerTexts();
  }

  /** A cell of a site's row with exactly this text (wait on it for data that arrives later, e.g. band labels). */
  cell(name: string, text: string): Locator {
    return this.row(name).getByRole('cell', { name: exactly(text) });
  }

  async openNewSiteForm(): Promise<SiteForm> {
    await this.newSiteButton.click();
    const form = new SiteForm(this.page, 'create', this.messages);
    await form.waitUntilOpen();
    return form;
  }

  async openEditForm(name: string): Promise<SiteForm> {
    await this.page.getByRole('button', { name: interpolate(this.messages.sites.editNamed, { name }), exact: true }).click();
    const form = new SiteForm(this.page, 'edit', this.messages);
    await form.waitUntilOpen();
    return form;
  }

  async archive(name: string) {
    await this.page.getByRole('button', { name: interpolate(this.messages.sites.archiveNamed, { name }), exact: true }).click();
    await this.waitForStatus(interpolate(this.messages.sites.status.archived, { name }));
  }

  async restore(name: string) {
    await this.page.getByRole('button', { name: interpolate(this.messages.sites.restoreNamed, { name }), exact: true }).click();
    await this.waitForStatus(interpolate(this.messages.sites.status.restored, { name }));
  }

  async openSite(name: string) {
    await this.row(name).getByRole('link', { name: exactly(name) }).click();
  }

  async waitForStatus(text: string) {
    await this.page.getByRole('status').filter({ hasText: exactly(text) }).waitFor();
  }

  /** Waits until the list shows exactly these sites (in any order). */
  async waitForSites(names: readonly string[]) {
    await this.page.waitForFunction(
      (expected) => {
        const shown = [...document.querySelectorAll('.sites-table tbody th a')].map((th) => th.textContent ?? '').sort();
        return JSON.stringify(shown) === JSON.stringify([...expected].sort());
      },
      names,
    );
  }
}
