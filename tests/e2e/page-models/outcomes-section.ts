import type { Page } from 'playwright-core';
import { COMPARISON_MESSAGES } from './comparison-messages.ts';

const m = COMPARISON_MESSAGES.fi.outcomes;

/** What the outcome form takes; the optional figures (issue 13) are left as they are when not given. */
export interface OutcomeEntry {
  start: string;
  end: string;
  served: string;
  inWork: string;
  workingOrStudying?: string;
  tenure6Months?: string;
  tenure12Months?: string;
}

/** The employment outcomes section of the site page: its table of periods and the period form. */
export class OutcomesSection {
  constructor(readonly page: Page) {}
  get region() {
    return this.page.getByRole('region', { name: m.title, exact: true });
  }
  field(label: string) {
    return this.region.getByLabel(label, { exact: true });
  }
  button(name: string) {
    return this.region.getByRole('button', { name, exact: true });
  }
  async rows(): Promise<string[][]> {
    const rows = await this.region.getByRole('table', { name: m.caption }).locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }
  async fill(values: OutcomeEntry) {
    await this.field(m.periodStart).fill(values.start);
    await this.field(m.periodEnd).fill(values.end);
    await this.field(m.clientsServed).fill(values.served);
    await this.field(m.inCompetitiveWork).fill(values.inWork);
    if (values.workingOrStudying !== undefined) await this.field(m.workingOrStudying).fill(values.workingOrStudying);
    if (values.tenure6Months !== undefined) await this.field(m.tenure6Months).fill(values.tenure6Months);
    if (values.tenure12Months !== undefined) await this.field(m.tenure12Months).fill(values.tenure12Months);
  }
}
