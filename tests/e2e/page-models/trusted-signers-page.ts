import type { Locator, Page } from 'playwright-core';
import en from '../../../renderer/i18n/locales/trust/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/trust/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/trust/sv.json' with { type: 'json' };
import { interpolate } from './messages.ts';

/** The trust messages (the app shows them under `trust.`). */
export type TrustMessages = typeof fi;
export const TRUST_MESSAGES: Record<'fi' | 'sv' | 'en', TrustMessages> = { fi, sv, en };

/** Who signed, on a verification result's signature card: the verdict, and "Add to trusted signers" with its confirmation. */
export class SignatureTrust {
  constructor(readonly card: Locator, readonly messages: TrustMessages = TRUST_MESSAGES.fi) {}

  /** The verdict as the card writes it (its mark, then its words). */
  verdict(): Promise<string> {
    return this.card.locator('dt', { hasText: this.messages.verdictLabel }).locator('xpath=following-sibling::dd[1]').innerText();
  }

  get addButton() {
    return this.card.getByRole('button', { name: this.messages.add.button, exact: true });
  }

  get confirmation() {
    return this.card.getByRole('group', { name: this.messages.add.button, exact: true });
  }

  get confirmButton() {
    return this.confirmation.getByRole('button', { name: this.messages.add.confirm, exact: true });
  }
}

/** The trusted signers page (#/settings/trusted-signers): signers and roots with Remove, a root from a file. */
export class TrustedSignersPage {
  constructor(readonly page: Page, readonly messages: TrustMessages = TRUST_MESSAGES.fi) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.messages.page.title, exact: true });
  }

  get signers() {
    return this.page.getByRole('region', { name: this.messages.page.signersHeading, exact: true });
  }

  get roots() {
    return this.page.getByRole('region', { name: this.messages.page.rootsHeading, exact: true });
  }

  get status() {
    return this.page.getByRole('status');
  }

  get alert() {
    return this.page.getByRole('alert');
  }

  /** The first column (row headers) of a section's table. */
  names(section: Locator): Promise<string[]> {
    return section.getByRole('rowheader').allInnerTexts();
  }

  removeButton(name: string) {
    return this.page.getByRole('button', { name: interpolate(this.messages.page.remove, { name }), exact: true });
  }

  async addRoot(file: string) {
    await this.page.getByLabel(this.messages.page.addRoot, { exact: true }).setInputFiles(file);
  }
}
