import type { Locator, Page } from 'playwright-core';
import { MESSAGES, type Messages } from './messages.ts';
import { REGION_MESSAGES } from './region-messages.ts';

export interface SiteFormFields {
  name?: string;
  /** A listed region's name as the select shows it (UI language). */
  region?: string;
  organisation?: string;
  model?: 'none' | 1 | 2 | 'other';
  collaborationNote?: string;
}

/** The new / edit site dialog. */
export class SiteForm {
  readonly dialog: Locator;

  constructor(readonly page: Page, readonly mode: 'create' | 'edit', readonly messages: Messages = MESSAGES.fi) {
    const title = mode === 'create' ? messages.siteForm.createTitle : messages.siteForm.editTitle;
    this.dialog = page.getByRole('dialog', { name: title });
  }

  get name() {
    return this.dialog.getByRole('textbox', { name: this.messages.siteForm.name });
  }

  /** The region select (scales/regions/fi-regions.json in the UI language). */
  get region() {
    return this.dialog.getByRole('combobox', { name: this.regionMessages.label, exact: true });
  }

  /** The name of the region chosen in the select. */
  async regionChoice(): Promise<string> {
    return this.region.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  }

  get collaborationNote() {
    return this.dialog.getByRole('textbox', { name: new RegExp(`^${this.regionMessages.collaboration.note}`) });
  }

  private get regionMessages() {
    return REGION_MESSAGES[this.messages === MESSAGES.sv ? 'sv' : this.messages === MESSAGES.en ? 'en' : 'fi'];
  }

  get organisation() {
    return this.dialog.getByLabel(this.messages.siteForm.organisation, { exact: true });
  }

  modelRadio(model: 'none' | 1 | 2 | 'other') {
    const m = this.messages.collaborationModel;
    const name = model === 'none' ? m.none : model === 'other' ? this.regionMessages.collaboration.other : model === 1 ? m.model1 : m.model2;
    return this.dialog.getByRole('radio', { name, exact: true });
  }

  get saveButton() {
    return this.dialog.getByRole('button', { name: this.messages.siteForm.save, exact: true });
  }

  get cancelButton() {
    return this.dialog.getByRole('button', { name: this.messages.siteForm.cancel, exact: true });
  }

  get alert() {
    return this.dialog.getByRole('alert');
  }

  async waitUntilOpen() {
    await this.dialog.waitFor({ state: 'visible' });
  }

  async waitUntilClosed() {
    await this.dialog.waitFor({ state: 'detached' });
  }

  async fill(fields: SiteFormFields) {
    if (fields.name !== undefined) await this.name.fill(fields.name);
    if (fields.region !== undefined) await this.region.selectOption({ label: fields.region });
    if (fields.organisation !== undefined) await this.organisation.fill(fields.organisation);
    if (fields.model !== undefined) await this.modelRadio(fields.model).check();
    if (fields.collaborationNote !== undefined) await this.collaborationNote.fill(fields.collaborationNote);
  }

  async save() {
    await this.saveButton.click();
  }

  /** The text that describes a field (its hint and its error), as a screen reader announces it. */
  async descriptionOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(ids.split(/\s+/).filter(Boolean).map((id) => this.page.locator(`[id="${id}"]`).innerText()));
    return texts.join(' ');
  }
}
