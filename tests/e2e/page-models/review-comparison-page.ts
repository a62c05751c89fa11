import type { Locator, Page } from 'playwright-core';
import en from '../../../renderer/i18n/locales/reviewComparison/en.json' with { type: 'json' };
import fi from '../../../renderer/i18n/locales/reviewComparison/fi.json' with { type: 'json' };
import sv from '../../../renderer/i18n/locales/reviewComparison/sv.json' with { type: 'json' };
import { interpolate } from './messages.ts';

export type ReviewComparisonMessages = typeof fi;
export const REVIEW_COMPARISON_MESSAGES: Record<'fi' | 'sv' | 'en', ReviewComparisonMessages> = { fi, sv, en };

/** A site's comparison of two reviews (#/sites/ID/compare), and its link on the site page. */
export class ReviewComparisonPage {
  constructor(readonly page: Page, readonly messages: ReviewComparisonMessages = REVIEW_COMPARISON_MESSAGES.fi) {}

  get linkFromSitePage() {
    return this.page.getByRole('link', { name: this.messages.link, exact: true });
  }

  heading(site: string) {
    return this.page.getByRole('heading', { level: 1, name: interpolate(this.messages.title, { site }), exact: true });
  }

  select(which: 'first' | 'second') {
    return this.page.getByRole('combobox', { name: this.messages.picker[which], exact: true });
  }

  get compareButton() {
    return this.page.getByRole('button', { name: this.messages.picker.compare, exact: true });
  }

  get totalsTable() {
    return this.page.getByRole('table', { name: this.messages.summary.caption, exact: true });
  }

  /** The totals table's row (total, band or rated items) as text: header and both reviews' cells. */
  async totalsRow(measure: 'total' | 'band' | 'rated'): Promise<string[]> {
    const row = this.totalsTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: this.messages.summary[measure], exact: true }) });
    return row.getByRole('cell').allInnerTexts();
  }

  sectionTable(section: string) {
    return this.page.getByRole('table', { name: interpolate(this.messages.table.caption, { section }), exact: true });
  }

  /** An item's cells (first review, second review, change), as text. */
  async itemRow(table: Locator, itemLabel: string): Promise<string[]> {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: itemLabel, exact: true }) }).getByRole('cell').allInnerTexts();
  }

  async subtotalRow(table: Locator): Promise<string[]> {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: this.messages.table.subtotal, exact: true }) }).getByRole('cell').allInnerTexts();
  }

  get chart() {
    return this.page.getByRole('img', { name: /./ }).and(this.page.locator('.comparison-chart canvas'));
  }

  get incomparable() {
    return this.page.locator('.comparison-incomparable');
  }
}
