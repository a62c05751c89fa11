import type { Page } from 'playwright-core';
import { interpolate } from './messages.ts';
import { REVIEW_MESSAGES, type ReviewMessages } from './review-messages.ts';

/** In the review editor, the current item's result in the site's previous final review and the copy-forward buttons. */
export class PreviousReviewPanel {
  constructor(readonly page: Page, readonly messages: ReviewMessages = REVIEW_MESSAGES.fi) {}

  get region() {
    return this.page.getByRole('region', { name: new RegExp(`^${this.messages.previousReview.heading}`) });
  }

  copyButton(field: 'evidence' | 'recommendation') {
    const name = interpolate(this.messages.previousReview.copyLabel, { field: this.messages.item[field] });
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The question asked before a copy replaces text already written. */
  get confirmation() {
    return this.page.getByRole('group', { name: this.messages.previousReview.confirmText, exact: true });
  }

  get replaceButton() {
    return this.confirmation.getByRole('button', { name: this.messages.previousReview.confirm, exact: true });
  }

  get cancelButton() {
    return this.confirmation.getByRole('button', { name: this.messages.previousReview.cancel, exact: true });
  }
}
