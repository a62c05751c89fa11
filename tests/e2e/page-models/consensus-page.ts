import type { Locator, Page } from 'playwright-core';
import { CONSENSUS_MESSAGES, type ConsensusMessages } from './consensus-messages.ts';
import { exactly, interpolate } from './messages.ts';

/** The consensus view of a two-reviewer review (#/reviews/ID/consensus). */
export class ConsensusPage {
  constructor(readonly page: Page, readonly messages: ConsensusMessages = CONSENSUS_MESSAGES.fi) {}

  heading(site: string) {
    return this.page.getByRole('heading', { level: 1, name: interpolate(this.messages.title, { site }), exact: true });
  }

  get waitingRegion() {
    return this.page.getByRole('region', { name: this.messages.waiting.heading });
  }

  get startButton() {
    return this.page.getByRole('button', { name: this.messages.start.button, exact: true });
  }

  get planLink() {
    return this.page.getByRole('navigation', { name: this.messages.header.views }).getByRole('link', { name: this.messages.header.toPlan });
  }

  get agreementRegion() {
    return this.page.getByRole('region', { name: this.messages.agreement.heading });
  }

  get resultRegion() {
    return this.page.getByRole('region', { name: this.messages.result.heading });
  }

  /** A figure's value as shown, e.g. agreementFigure(m.agreement.exact) -> "88 %". */
  async figure(region: Locator, label: string): Promise<string> {
    return region.locator('.figure').filter({ has: this.page.getByRole('term').filter({ hasText: exactly(label) }) }).locator('.figure-value').innerText();
  }

  table(section: string) {
    return this.page.getByRole('table', { name: interpolate(this.messages.table.caption, { section }) });
  }

  /** An item's row, found by its row header ("6. Title"). */
  row(itemLabel: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader').getByText(itemLabel, { exact: true }) });
  }

  async isMarkedDisagreement(itemLabel: string): Promise<boolean> {
    // The words follow an icon hidden from assistive technology ("≠ Arviot eroavat").
    return (await this.row(itemLabel).getByText(this.messages.disagreement).count()) === 1;
  }

  /** The reviewers' cells of an item, as text. */
  async reviewerCells(itemLabel: string): Promise<string[]> {
    return this.row(itemLabel).locator('td.reviewer-cell').allInnerTexts();
  }

  choice(itemLabel: string) {
    return this.page.getByRole('combobox', { name: interpolate(this.messages.choice.label, { item: itemLabel }), exact: true });
  }

  justification(itemLabel: string) {
    return this.row(itemLabel).getByRole('textbox', { name: `${this.messages.justification.label} ${this.messages.justification.requiredMark}`, exact: true });
  }

  /** The item's consensus evidence (pre-filled from the reviewers' own). */
  evidence(itemLabel: string) {
    return this.row(itemLabel).getByRole('textbox', { name: `${this.messages.evidence.label} – ${itemLabel}`, exact: true });
  }

  /** The review's recommendation on the item. */
  recommendation(itemLabel: string) {
    return this.row(itemLabel).getByRole('textbox', { name: `${this.messages.recommendation.label} – ${itemLabel}`, exact: true });
  }

  /** The scale's score descriptions, shown beside the item while the reviewers discuss. */
  anchors(itemLabel: string) {
    return this.row(itemLabel).getByRole('group').filter({ hasText: this.messages.anchors.summary });
  }

  async choose(itemLabel: string, value: string) {
    await this.choice(itemLabel).selectOption(value);
  }

  async waitUntilSaved(itemLabel: string) {
    await this.row(itemLabel).getByRole('status').filter({ hasText: this.messages.save.saved }).waitFor();
  }

  get finalizeButton() {
    return this.page.getByRole('button', { name: this.messages.finalize.button, exact: true });
  }

  get confirmFinalizeButton() {
    return this.page.getByRole('button', { name: this.messages.finalize.confirm, exact: true });
  }

  get finalNotice() {
    return this.page.getByText(this.messages.final.notice, { exact: true });
  }

  /** Every control in the page's content that could change something (the header's language buttons aside). */
  editableControls() {
    return this.page.getByRole('main').locator('select, textarea, input, button');
  }
}
