import type { Locator, Page } from 'playwright-core';
import { CONSENSUS_MESSAGES, type ConsensusMessages } from './consensus-messages.ts';
import { interpolate } from './messages.ts';

type Category = 'request' | 'interview' | 'observation';

/** The visit plan of a review (#/reviews/ID/plan): a checklist per kind, each entry autosaved. */
export class VisitPlanPage {
  constructor(readonly page: Page, readonly messages: ConsensusMessages = CONSENSUS_MESSAGES.fi) {}

  heading(site: string) {
    return this.page.getByRole('heading', { level: 1, name: interpolate(this.messages.plan.title, { site }), exact: true });
  }

  group(category: Category) {
    return this.page.getByRole('region', { name: this.messages.plan.category[category], exact: true });
  }

  async waitUntilLoaded(site: string) {
    await this.heading(site).waitFor();
    await this.page.locator('.plan-table').first().waitFor();
  }

  /** The data sources listed under a kind, as their row headers read. */
  async sources(category: Category): Promise<string[]> {
    return this.group(category).locator('tbody th').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));
  }

  row(source: string): Locator {
    return this.page.locator('tr.plan-row').filter({ has: this.page.getByRole('checkbox', { name: interpolate(this.messages.plan.doneFor, { source }), exact: true }) });
  }

  done(source: string) {
    return this.page.getByRole('checkbox', { name: interpolate(this.messages.plan.doneFor, { source }), exact: true });
  }

  who(source: string) {
    return this.page.getByRole('textbox', { name: interpolate(this.messages.plan.whoFor, { source }), exact: true });
  }

  when(source: string) {
    return this.page.getByRole('textbox', { name: interpolate(this.messages.plan.whenFor, { source }), exact: true });
  }

  note(source: string) {
    return this.page.getByRole('textbox', { name: interpolate(this.messages.plan.noteFor, { source }), exact: true });
  }

  async waitUntilSaved(source: string) {
    await this.row(source).getByRole('status').filter({ hasText: this.messages.save.saved }).waitFor();
  }

  get summary() {
    return this.page.getByRole('region', { name: this.messages.plan.summary.heading });
  }

  get missingRegion() {
    return this.page.getByRole('region', { name: this.messages.plan.missing.heading });
  }
}
