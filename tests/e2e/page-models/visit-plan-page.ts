import type { Locator, Page } from 'playwright-core';
import type { OpenedPage, PreviewApp } from '../support/preview-app.ts';
import { CONSENSUS_MESSAGES, type ConsensusMessages } from './consensus-messages.ts';
import { interpolate } from './messages.ts';

type Category = 'request' | 'interview' | 'observation';

/** Opens a review's visit plan in a new page of the app and waits until it shows. */
export async function openVisitPlan(app: PreviewApp, reviewId: number, site: string, bypassCSP = false): Promise<OpenedPage & { plan: VisitPlanPage }> {
  const opened = await app.open({ bypassCSP });
  await opened.page.evaluate((id) => {
    window.location.hash = `#/reviews/${id}/plan`;
  }, reviewId);
  const plan = new VisitPlanPage(opened.page);
  await plan.waitUntilLoaded(site);
  return { ...opened, plan };
}

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

  start(source: string) {
    return this.page.getByRole('textbox', { name: interpolate(this.messages.plan.startFor, { source }), exact: true });
  }

  end(source: string) {
    return this.page.getByRole('textbox', { name: interpolate(this.messages.plan.endFor, { source }), exact: true });
  }

  noteItems(source: string) {
    return this.page.getByRole('textbox', { name: interpolate(this.messages.plan.noteItemsFor, { source }), exact: true });
  }

  /** Adds a person met to a row and fills in their name and role (the nth person of the row, from 1). */
  async addPerson(source: string, number: number, name: string, role: string) {
    await this.page.getByRole('button', { name: interpolate(this.messages.plan.people.addFor, { source }), exact: true }).click();
    await this.page.getByRole('textbox', { name: interpolate(this.messages.plan.people.nameFor, { number, source }), exact: true }).fill(name);
    const roleField = this.page.getByRole('textbox', { name: interpolate(this.messages.plan.people.roleFor, { number, source }), exact: true });
    await roleField.fill(role);
    await roleField.blur();
  }

  /** Adds a row of the reviewers' own under a kind. */
  async addOwnRow(category: Category, label: string) {
    const group = this.group(category);
    await group.getByRole('textbox', { name: this.messages.plan.custom.newLabel, exact: true }).fill(label);
    await group.getByRole('button', { name: this.messages.plan.custom.add[category], exact: true }).click();
    await this.done(label).waitFor();
  }

  removeOwnRowButton(source: string) {
    return this.page.getByRole('button', { name: interpolate(this.messages.plan.custom.removeFor, { source }), exact: true });
  }

  get requestRegion() {
    return this.page.getByRole('region', { name: this.messages.plan.request.heading, exact: true });
  }

  /** Makes the request to the site and saves the download; resolves to the saved file's path. */
  async downloadRequest(path: string): Promise<string> {
    await this.requestRegion.getByRole('button', { name: this.messages.plan.request.make, exact: true }).click();
    const link = this.requestRegion.getByRole('link', { name: this.messages.plan.request.save, exact: true });
    await link.waitFor();
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    await download.saveAs(path);
    return download.suggestedFilename();
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
