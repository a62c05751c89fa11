import type { Page } from 'playwright-core';
import { interpolate } from './messages.ts';
import { REPORT_MESSAGES, type ReportMessages } from './report-messages.ts';

/** The verify page (#/verify): a PDF file in, a verdict and each signature out. */
export class VerifyReportPage {
  constructor(readonly page: Page, readonly messages: ReportMessages = REPORT_MESSAGES.fi) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.messages.verify.title, exact: true });
  }

  get fileInput() {
    return this.page.getByLabel(this.messages.verify.file, { exact: true });
  }

  result(fileName: string) {
    return this.page.getByRole('region', { name: interpolate(this.messages.verify.resultHeading, { file: fileName }), exact: true });
  }

  /** Chooses a file and waits for its result. */
  async check(file: string, fileName: string) {
    await this.fileInput.setInputFiles(file);
    await this.result(fileName).waitFor();
  }

  /** The verdict as the page writes it ("Kelvollinen. Tiedosto on ehjä: …"). */
  verdict(fileName: string): Promise<string> {
    return this.result(fileName).locator('.verdict__summary').innerText();
  }

  problems(fileName: string): Promise<string[]> {
    return this.result(fileName).locator('.verdict__problems li').allInnerTexts();
  }

  /** Each signature's facts as term -> value. */
  async signatures(fileName: string): Promise<Record<string, string>[]> {
    const cards = await this.result(fileName).locator('.signature-card').all();
    return Promise.all(cards.map((card) => card.locator('dl').evaluate((dl) => {
      const facts: Record<string, string> = {};
      for (const dt of dl.querySelectorAll('dt')) facts[dt.textContent ?? ''] = (dt.nextElementSibling as HTMLElement | null)?.innerText ?? '';
      return facts;
    })));
  }
}
