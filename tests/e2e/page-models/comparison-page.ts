import type { Download, Page } from 'playwright-core';
import { COMPARISON_MESSAGES, type ComparisonMessages } from './comparison-messages.ts';

export type ComparisonView = keyof ComparisonMessages['views'] & ('bands' | 'siteTotals' | 'heatmap' | 'weakest' | 'trend' | 'selfExternal' | 'employment');

/** The view's title (its h2) for each tab. */
const TITLES: Record<ComparisonView, (m: ComparisonMessages) => string> = {
  bands: (m) => m.bands.title,
  siteTotals: (m) => m.siteTotals.title,
  heatmap: (m) => m.heatmap.title,
  weakest: (m) => m.weakest.title,
  trend: (m) => m.trend.title,
  selfExternal: (m) => m.selfExternal.title,
  employment: (m) => m.employment.title,
};

/** The comparison page (#/compare): filters, what is included, the view tabs and the view shown. */
export class ComparisonPage {
  constructor(readonly page: Page, readonly messages: ComparisonMessages = COMPARISON_MESSAGES.fi) {}

  async goto() {
    await this.page.evaluate(() => {
      window.location.hash = '#/compare';
    });
    await this.page.getByRole('heading', { level: 1, name: this.messages.title, exact: true }).waitFor();
  }

  get filters() {
    return this.page.getByRole('search', { name: this.messages.filters.label });
  }

  filter(label: keyof ComparisonMessages['filters']) {
    return this.filters.getByLabel(this.messages.filters[label], { exact: true });
  }

  /** The "Vertailussa mukana …" paragraph once the counts are in. */
  get included() {
    return this.page.locator('.comparison-included p').first();
  }

  tab(view: ComparisonView) {
    return this.page.getByRole('tablist', { name: this.messages.views.label }).getByRole('tab', { name: this.messages.views[view], exact: true });
  }

  get panel() {
    return this.page.getByRole('tabpanel');
  }

  viewRegion(view: ComparisonView) {
    return this.panel.getByRole('region', { name: TITLES[view](this.messages), exact: true });
  }

  /** Opens a view and waits until its data is shown. */
  async open(view: ComparisonView) {
    await this.tab(view).click();
    await this.viewRegion(view).locator('.comparison-summary').waitFor();
  }

  summary(view: ComparisonView) {
    return this.viewRegion(view).locator('.comparison-summary');
  }

  /** The chart: one image named by its summary. */
  chart(view: ComparisonView) {
    return this.viewRegion(view).getByRole('img');
  }

  tableToggle(view: ComparisonView) {
    return this.viewRegion(view).getByRole('button', { name: this.messages.chart.showTable, exact: true });
  }

  table(view: ComparisonView, caption: string) {
    return this.viewRegion(view).getByRole('table', { name: caption, exact: true });
  }

  async rows(view: ComparisonView, caption: string): Promise<string[][]> {
    const rows = await this.table(view, caption).locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }

  /** Clicks "Save PNG" and returns the download. */
  async savePng(view: ComparisonView): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.viewRegion(view).getByRole('button', { name: this.messages.chart.savePng, exact: true }).click(),
    ]);
    return download;
  }

  /** Whether chart.js drew on the canvas (some pixel is not transparent). */
  async chartDrawn(view: ComparisonView): Promise<boolean> {
    return this.chart(view).evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return canvas.width > 200 && data.some((value, index) => index % 4 === 3 && value > 0);
    });
  }
}
