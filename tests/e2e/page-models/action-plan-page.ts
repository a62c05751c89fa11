import type { Locator, Page } from 'playwright-core';
import en from '../../../renderer/i18n/locales/actionPlan/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/actionPlan/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/actionPlan/sv.json' with { type: 'json' };
import { interpolate } from './messages.ts';

/** The action plan's messages (the app shows them under `actionPlan.`). */
export type ActionPlanMessages = typeof fi;
export const ACTION_PLAN_MESSAGES: Record<'fi' | 'sv' | 'en', ActionPlanMessages> = { fi, sv, en };

/** A review's action plan (#/reviews/ID/actions): one group of labelled fields per action, autosaved. */
export class ActionPlanPage {
  constructor(readonly page: Page, readonly messages: ActionPlanMessages = ACTION_PLAN_MESSAGES.fi) {}

  heading(site: string) {
    return this.page.getByRole('heading', { level: 1, name: interpolate(this.messages.title, { site }), exact: true });
  }

  async open(reviewId: number, site: string) {
    await this.page.evaluate((id) => {
      window.location.hash = `#/reviews/${id}/actions`;
    }, reviewId);
    await this.waitUntilLoaded(site);
  }

  async waitUntilLoaded(site: string) {
    await this.heading(site).waitFor();
    await this.page.getByRole('heading', { level: 2, name: this.messages.rows.heading, exact: true }).waitFor();
  }

  get candidates() {
    return this.page.getByRole('region', { name: this.messages.candidates.heading, exact: true });
  }

  createButton(count: number) {
    const template = count === 1 ? this.messages.candidates.create_one : this.messages.candidates.create_other;
    return this.page.getByRole('button', { name: interpolate(template, { count }), exact: true });
  }

  /** The fieldset of one action, named by its legend "N. Title" (the first, when the item has several rows). */
  row(item: number, title: string): Locator {
    return this.rows(item, title).first();
  }

  /** Every row about an item, in the plan's order. */
  rows(item: number, title: string): Locator {
    return this.page.getByRole('group', { name: interpolate(this.messages.rows.item, { number: item, title }), exact: true });
  }

  /** A free row, named by its saved title. */
  freeRow(title: string): Locator {
    return this.page.getByRole('group', { name: `${this.messages.rows.free}: ${title}`, exact: true });
  }

  freeTitle(row: Locator) {
    return row.getByRole('textbox', { name: this.messages.rows.freeTitle, exact: true });
  }

  get addSection() {
    return this.page.getByRole('region', { name: this.messages.add.heading, exact: true });
  }

  /** Adds a row through the form: about item "N. Title", or (title given) a free row. */
  async addRow(subject: { item: number; title: string } | { freeTitle: string }) {
    const form = this.addSection;
    const select = form.getByRole('combobox', { name: this.messages.add.subject, exact: true });
    if ('item' in subject) await select.selectOption({ label: interpolate(this.messages.rows.item, { number: subject.item, title: subject.title }) });
    else {
      await select.selectOption({ label: this.messages.add.free });
      await form.getByRole('textbox', { name: this.messages.add.title, exact: true }).fill(subject.freeTitle);
    }
    await form.getByRole('button', { name: this.messages.add.button, exact: true }).click();
  }

  /** Clicks "Save as PDF" or "Save as CSV" and gives the download. */
  async export(kind: 'pdf' | 'csv') {
    const region = this.page.getByRole('region', { name: this.messages.export.heading, exact: true });
    const [download] = await Promise.all([this.page.waitForEvent('download'), region.getByRole('button', { name: this.messages.export[kind], exact: true }).click()]);
    return download;
  }

  get previousPlan() {
    return this.page.getByRole('region', { name: this.messages.previous.heading, exact: true });
  }

  goal(row: Locator) {
    return row.getByRole('textbox', { name: this.messages.rows.goal, exact: true });
  }

  owner(row: Locator) {
    return row.getByRole('textbox', { name: this.messages.rows.owner, exact: true });
  }

  dueDate(row: Locator) {
    return row.getByRole('textbox', { name: this.messages.rows.dueDate, exact: true });
  }

  status(row: Locator) {
    return row.getByRole('combobox', { name: this.messages.rows.status, exact: true });
  }

  notes(row: Locator) {
    return row.getByRole('textbox', { name: this.messages.rows.notes, exact: true });
  }

  removeButton(row: Locator) {
    return row.getByRole('button', { name: this.messages.rows.remove, exact: true });
  }

  async waitUntilSaved() {
    await this.page.getByRole('status').filter({ hasText: this.messages.save.saved }).waitFor();
    await this.page.waitForFunction(() => !document.querySelector('.save-status--failed'));
  }

  get progress() {
    return this.page.getByRole('region', { name: this.messages.progress.heading, exact: true });
  }
}
