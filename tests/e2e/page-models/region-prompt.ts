import type { Page } from 'playwright-core';
import { REGION_MESSAGES, type RegionMessages } from './region-messages.ts';

/** The site page's "choose the region from the list" prompt for a free-text region (migration 013). */
export class RegionPrompt {
  constructor(readonly page: Page, readonly messages: RegionMessages = REGION_MESSAGES.fi) {}

  get region() {
    return this.page.getByRole('region', { name: this.messages.promptTitle, exact: true });
  }

  get select() {
    return this.region.getByRole('combobox', { name: this.messages.label, exact: true });
  }

  get saveButton() {
    return this.region.getByRole('button', { name: this.messages.save, exact: true });
  }

  async choose(regionName: string) {
    await this.select.selectOption({ label: regionName });
    await this.saveButton.click();
  }
}
