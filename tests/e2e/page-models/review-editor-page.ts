import type { Locator, Page } from 'playwright-core';
import { exactly, interpolate, MESSAGES, type Messages } from './messages.ts';
import { REVIEW_MESSAGES, type ReviewMessages } from './review-messages.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The review editor (#/reviews/ID): header, item list, current item, live score, the way forward. */
export class ReviewEditorPage {
  constructor(readonly page: Page, readonly messages: ReviewMessages = REVIEW_MESSAGES.fi, readonly app: Messages = MESSAGES.fi) {}

  /** Opens a review by its address in a page that already shows the app. */
  async goto(reviewId: number) {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/reviews/${reviewId}`);
  }

  heading(site: string, kind: 'external' | 'self' | 'peer' = 'external') {
    return this.page.getByRole('heading', { level: 1, name: interpolate(this.messages.editor.title, { kind: this.app.reviewKind[kind], site }), exact: true });
  }

  /** The autosave state ("Tallennetaan…", "Tallennettu", …). */
  get saveStatus() {
    return this.page.getByRole('main').getByRole('status');
  }

  async waitForSaveStatus(text: string) {
    await this.saveStatus.filter({ hasText: exactly(text) }).waitFor();
  }

  get retrySaveButton() {
    return this.page.getByRole('button', { name: this.messages.save.retryNow, exact: true });
  }

  get reviewerSelect() {
    return this.page.getByRole('combobox', { name: this.messages.editor.ratingAs, exact: true });
  }

  get itemNavigation() {
    return this.page.getByRole('navigation', { name: this.messages.nav.label, exact: true });
  }

  /** An item's button in the item list ("4. Title …state"). */
  navItem(number: number) {
    return this.itemNavigation.getByRole('button', { name: new RegExp(`^${number}\\. `) });
  }

  /** The current item's heading, "7. Title". */
  get currentItemHeading() {
    return this.page.getByRole('main').locator('#current-item-heading');
  }

  async currentItemNumber(): Promise<number> {
    return Number(/^(\d+)\./.exec(await this.currentItemHeading.innerText())?.[1]);
  }

  async waitForCurrentItem(number: number) {
    await this.currentItemHeading.filter({ hasText: new RegExp(`^${number}\\. `) }).waitFor();
  }

  get anchors() {
    return this.page.getByRole('radiogroup', { name: this.messages.item.anchorsLegend, exact: true });
  }

  anchor(score: number) {
    return this.anchors.getByRole('radio', { name: new RegExp(`^${escape(interpolate(this.messages.item.scoreName, { score }))}`) });
  }

  async chosenScore(): Promise<number | null> {
    for (let score = 1; score <= 5; score++) if (await this.anchor(score).isChecked()) return score;
    return null;
  }

  get markNotRatedButton() {
    return this.page.getByRole('button', { name: this.messages.item.markNotRated, exact: true });
  }

  get evidence() {
    return this.page.getByRole('textbox', { name: this.messages.item.evidence, exact: true });
  }

  get recommendation() {
    return this.page.getByRole('textbox', { name: this.messages.item.recommendation, exact: true });
  }

  get strengths() {
    return this.page.getByRole('textbox', { name: this.messages.report.strengths, exact: true });
  }

  get overallRecommendations() {
    return this.page.getByRole('textbox', { name: this.messages.report.overall, exact: true });
  }

  get notRatedDialog() {
    return this.page.getByRole('dialog', { name: this.messages.notRated.title, exact: true });
  }

  /** The reasons as radios in a group named "Syy" (no data, not assessed, the service model differs). */
  get notRatedReasons() {
    return this.notRatedDialog.getByRole('group', { name: this.messages.notRated.reason, exact: true });
  }

  notRatedReason(reason: 'no-data' | 'model-differs' | 'not-assessed') {
    return this.notRatedReasons.getByRole('radio', { name: this.messages.notRated.option[reason], exact: true });
  }

  /** The advice shown when "the service model differs" is chosen on an item the scale scores 1 in that case. */
  get scoresLowestAdvice() {
    return this.notRatedDialog.getByText(this.messages.notRated.scoresLowest.replace('{{score}}', '1'), { exact: true });
  }

  get scoreLowestButton() {
    return this.notRatedDialog.getByRole('button', { name: this.messages.notRated.scoreLowest.replace('{{score}}', '1'), exact: true });
  }

  get notRatedNote() {
    return this.notRatedDialog.getByRole('textbox', { name: new RegExp(`^${escape(this.messages.notRated.note)}`) });
  }

  /** Fills the open not-rated dialog and saves it with Enter on the save button. */
  async saveNotRated(reason: 'no-data' | 'model-differs' | 'not-assessed', note: string) {
    await this.notRatedDialog.waitFor();
    await this.notRatedReason(reason).check();
    await this.notRatedNote.fill(note);
    await this.notRatedDialog.getByRole('button', { name: this.messages.notRated.save, exact: true }).click();
    await this.notRatedDialog.waitFor({ state: 'detached' });
  }

  /** The live score panel (an aside named "Tulos" or "Tulos: <reviewer>"). */
  get liveScore(): Locator {
    return this.page.getByRole('complementary').filter({ has: this.page.locator('#live-score-heading') });
  }

  /** A figure of the live panel by its label, e.g. liveFigure(m.score.total) -> "107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)". */
  liveFigure(label: string): Locator {
    return this.liveScore.locator('dl > div').filter({ has: this.page.getByRole('term').filter({ hasText: exactly(label) }) }).getByRole('definition');
  }

  async waitForLiveFigure(label: string, value: string) {
    await this.liveFigure(label).filter({ hasText: exactly(value) }).waitFor();
  }

  /** Section subtotals as rows of text: section, points, rated. */
  async sectionRows(): Promise<string[][]> {
    const rows = await this.liveScore.getByRole('table').locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
  }

  get finalizeButton() {
    return this.page.getByRole('button', { name: this.messages.finalize.start, exact: true });
  }

  async finalize() {
    await this.finalizeButton.click();
    await this.page.getByRole('button', { name: this.messages.finalize.confirm, exact: true }).click();
    await this.finalNotice.waitFor();
  }

  get finalNotice() {
    return this.page.getByRole('note').filter({ hasText: this.messages.final.banner });
  }

  get amendButton() {
    return this.page.getByRole('button', { name: this.messages.final.amend, exact: true });
  }

  amendDialog(reviewId: number) {
    return this.page.getByRole('dialog', { name: interpolate(this.messages.amend.title, { id: reviewId }), exact: true });
  }

  /** Opens "amend", gives the reason and creates the amendment; returns the amendment's id (from the address). */
  async amend(reviewId: number, reason: string): Promise<number> {
    await this.amendButton.click();
    const dialog = this.amendDialog(reviewId);
    await dialog.getByRole('textbox', { name: new RegExp(`^${escape(this.messages.amend.reason)}`) }).fill(reason);
    await dialog.getByRole('button', { name: this.messages.amend.create, exact: true }).click();
    await this.page.waitForURL((url) => url.hash !== `#/reviews/${reviewId}` && /^#\/reviews\/\d+$/.test(url.hash));
    return Number(/#\/reviews\/(\d+)$/.exec(this.page.url())![1]);
  }

  get amendmentNotice() {
    return this.page.getByRole('note').filter({ hasText: this.messages.amendment.amends.split('{{')[0]! });
  }

  /** The amendment's list of changed items, as text ("Kriteeri 7: 4 → 5"). */
  amendmentChanges(): Promise<string[]> {
    return this.amendmentNotice.getByRole('listitem').allInnerTexts();
  }

  /** The list of items without evidence, as item numbers. */
  async missingEvidenceItems(): Promise<number[]> {
    const list = this.page.getByRole('list', { name: new RegExp(`^${escape(this.messages.checks.missingEvidence)}`) });
    return (await list.getByRole('button').allInnerTexts()).map(Number);
  }

  /** Items left unrated for lack of data, listed as a follow-up task (collect before leaving the site). */
  async collectBeforeLeavingItems(): Promise<number[]> {
    const list = this.page.getByRole('list', { name: new RegExp(`^${escape(this.messages.checks.collectBeforeLeaving)}`) });
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('button').allInnerTexts()).map(Number);
  }

  /** Presses keys one by one, as a person would. */
  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** True when the element with focus shows a visible focus indicator (an outline). */
  focusIsVisible(): Promise<boolean> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return false;
      const style = getComputedStyle(active);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    });
  }

  activeElementRole(): Promise<string> {
    return this.page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return active ? `${active.tagName.toLowerCase()}${active.type ? `:${active.type}` : ''}` : '';
    });
  }
}
