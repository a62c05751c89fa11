import type { Page } from 'playwright-core';
import { interpolate, MESSAGES, type Messages } from './messages.ts';
import { REVIEW_MESSAGES, type ReviewMessages } from './review-messages.ts';

export interface NewReviewFields {
  kind?: 'external' | 'self' | 'peer';
  reviewingOrganisation?: string;
  /** The option's text, e.g. "… 1.0.0 (oletus)". */
  scaleLabel?: string;
  visitDates?: string[];
  reviewers?: { name: string; role?: string }[];
}

/** The new-review form (#/sites/ID/new-review). */
export class NewReviewPage {
  constructor(readonly page: Page, readonly messages: ReviewMessages = REVIEW_MESSAGES.fi, readonly app: Messages = MESSAGES.fi) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.messages.new.title, exact: true });
  }

  kindRadio(kind: 'external' | 'self' | 'peer') {
    return this.page.getByRole('radio', { name: this.app.reviewKind[kind], exact: true });
  }

  get reviewingOrganisation() {
    return this.page.getByRole('textbox', { name: this.messages.new.reviewingOrganisation, exact: true });
  }

  get scaleSelect() {
    return this.page.getByRole('combobox', { name: this.messages.new.scale, exact: true });
  }

  get languageSelect() {
    return this.page.getByRole('combobox', { name: this.messages.new.language, exact: true });
  }

  visitDate(number: number) {
    return this.page.getByLabel(interpolate(this.messages.new.visitDate, { number }), { exact: true });
  }

  get addVisitDateButton() {
    return this.page.getByRole('button', { name: this.messages.new.addVisitDate, exact: true });
  }

  removeVisitDateButton(number: number) {
    return this.page.getByRole('button', { name: interpolate(this.messages.new.removeVisitDate, { number }), exact: true });
  }

  /** The name's label ends with "(pakollinen)". */
  reviewerName(number: number) {
    return this.page.getByRole('textbox', { name: new RegExp(`^${interpolate(this.messages.new.reviewerName, { number })}`) });
  }

  reviewerRole(number: number) {
    return this.page.getByRole('combobox', { name: interpolate(this.messages.new.reviewerRole, { number }), exact: true });
  }

  get addReviewerButton() {
    return this.page.getByRole('button', { name: this.messages.new.addReviewer, exact: true });
  }

  get createButton() {
    return this.page.getByRole('button', { name: this.messages.new.create, exact: true });
  }

  get alert() {
    return this.page.getByRole('main').getByRole('alert');
  }

  async waitUntilLoaded() {
    await this.heading.waitFor();
    await this.createButton.waitFor();
  }

  /** The scale options' texts, in order. */
  scaleOptions(): Promise<string[]> {
    return this.scaleSelect.locator('option').allInnerTexts();
  }

  async fill(fields: NewReviewFields) {
    if (fields.kind) await this.kindRadio(fields.kind).check();
    if (fields.reviewingOrganisation !== undefined) await this.reviewingOrganisation.fill(fields.reviewingOrganisation);
    if (fields.scaleLabel) await this.scaleSelect.selectOption({ label: fields.scaleLabel });
    for (const [index, date] of (fields.visitDates ?? []).entries()) {
      if (index > 0 && (await this.visitDate(index + 1).count()) === 0) await this.addVisitDateButton.click();
      await this.visitDate(index + 1).fill(date);
    }
    for (const [index, reviewer] of (fields.reviewers ?? []).entries()) {
      if (index > 0 && (await this.reviewerName(index + 1).count()) === 0) await this.addReviewerButton.click();
      await this.reviewerName(index + 1).fill(reviewer.name);
      if (reviewer.role !== undefined) await this.reviewerRole(index + 1).fill(reviewer.role);
    }
  }

  async create() {
    await this.createButton.click();
  }

  /** Waits for the editor's address (#/reviews/ID) and returns the new review's id. */
  async waitForEditor(): Promise<number> {
    await this.page.waitForURL(/#\/reviews\/\d+$/);
    return Number(/#\/reviews\/(\d+)$/.exec(this.page.url())![1]);
  }

  /** The text that describes a field (its hint and its error), as a screen reader announces it. */
  async descriptionOf(label: string): Promise<string> {
    const field = this.page.getByLabel(label, { exact: true });
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(ids.split(/\s+/).filter(Boolean).map((id) => this.page.locator(`[id="${id}"]`).innerText()));
    return texts.join(' ');
  }
}
