import type { Page } from 'playwright-core';
import { CONSENSUS_MESSAGES, type ConsensusMessages } from './consensus-messages.ts';

/** The chart of a site's totals over time, on the site page. */
export class SiteChart {
  constructor(readonly page: Page, readonly messages: ConsensusMessages = CONSENSUS_MESSAGES.fi) {}

  get region() {
    return this.page.getByRole('region', { name: this.messages.chart.title, exact: true });
  }

  /** The canvas: one image to assistive technology, named by its summary. */
  get canvas() {
    return this.region.getByRole('img');
  }

  get dataToggle() {
    return this.region.getByText(this.messages.chart.dataSummary, { exact: true });
  }

  get dataTable() {
    return this.page.getByRole('table', { name: this.messages.chart.dataCaption, exact: true });
  }

  async dataRows(): Promise<string[][]> {
    const rows = await this.dataTable.locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }

  async legendTexts(): Promise<string[]> {
    return this.region.locator('.chart-legend li').allInnerTexts();
  }
}
