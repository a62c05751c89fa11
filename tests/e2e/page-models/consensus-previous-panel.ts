import type { Locator } from 'playwright-core';
import { interpolate } from './messages.ts';
import { REVIEW_MESSAGES, type ReviewMessages } from './review-messages.ts';
import { CONSENSUS_MESSAGES, type ConsensusMessages } from './consensus-messages.ts';

/** In a consensus row, the item's result in the site's previous final review and the copy-forward buttons. */
export class ConsensusPreviousPanel {
  constructor(
    readonly row: Locator,
    readonly itemLabel: string,
    readonly review: ReviewMessages = REVIEW_MESSAGES.fi,
    readonly consensus: ConsensusMessages = CONSENSUS_MESSAGES.fi,
  ) {}

  get region() {
    return this.row.getByRole('region', { name: new RegExp(`^${this.review.previousReview.heading}`) });
  }

  copyButton(field: 'evidence' | 'recommendation') {
    const name = interpolate(this.review.previousReview.copyLabel, { field: `${this.consensus[field].label} – ${this.itemLabel}` });
    return this.row.getByRole('button', { name, exact: true });
  }

  get confirmation() {
    return this.row.getByRole('group', { name: this.review.previousReview.confirmText, exact: true });
  }

  get replaceButton() {
    return this.confirmation.getByRole('button', { name: this.review.previousReview.confirm, exact: true });
  }
}
