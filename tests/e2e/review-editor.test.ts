import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { NewReviewPage } from './page-models/review-new-page.ts';
import { SitePage } from './page-models/site-page.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const fi = MESSAGES.fi;
const r = REVIEW_MESSAGES.fi;
let app: PreviewApp;

beforeAll(async () => {
  app = await startPreviewApp();
});

afterAll(async () => {
  await app?.close();
});

/** The Varma pilot's partial review (examples/partial-review-17-items.json): 17 scores and 8 reasons. */
const PARTIAL: Record<number, number | ['no-data' | 'model-differs' | 'not-assessed', string]> = {
  1: 5, 2: 5, 3: 5,
  4: ['model-differs', 'Työhönvalmentajat eivät kuulu psykiatrisen hoidon tiimeihin.'],
  5: ['model-differs', 'Ei yhteisiä hoitotiimin kokouksia.'],
  6: ['not-assessed', 'Yhteistyö TE-palvelujen kanssa jätettiin arvioinnin ulkopuolelle.'],
  7: 4, 8: 4,
  9: ['no-data', 'Ohjautumisesta ei saatu tietoja.'],
  10: 4,
  11: ['not-assessed', 'Johdon haastattelua ei voitu järjestää.'],
  12: 4, 13: 5, 14: 4, 15: 5, 16: 4, 17: 3, 18: 4, 19: 5, 20: 5, 21: 4,
  22: ['no-data', 'Tukea työssä ei voitu todentaa.'],
  23: ['model-differs', 'Tuki on rajattu kahteen vuoteen.'],
  24: 3,
  25: ['model-differs', 'Palvelua ei ole integroitu hoitotiimeihin.'],
};

describe('review editor', () => {
  it('creates a site and a one-reviewer review through the UI, scores all 25 items by keyboard only, finalizes; then it is read-only', async () => {
    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const name = 'Jyväskylän IPS-työhönvalmennus';
    const form = await sites.openNewSiteForm();
    await form.fill({ name, region: 'Keski-Suomen hyvinvointialue', model: 1 });
    await form.save();
    await form.waitUntilClosed();
    await sites.openSite(name);
    const site = new SitePage(page);
    await site.waitUntilLoaded(name);

    await page.getByRole('link', { name: r.siteLinks.newReview, exact: true }).click();
    const newReview = new NewReviewPage(page);
    await newReview.waitUntilLoaded();
    expect(await newReview.kindRadio('external').isChecked()).toBe(true);
    const [chosen] = await newReview.scaleOptions();
    expect(chosen).toMatch(/1\.1\.0 \(oletus\)$/);
    await newReview.fill({ visitDates: ['23.11.2026'], reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }] });
    await newReview.create();
    const reviewId = await newReview.waitForEditor();

    const editor = new ReviewEditorPage(page);
    await editor.heading(name).waitFor();
    await editor.waitForCurrentItem(1);
    await editor.anchor(1).waitFor();
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));
    expect(await page.getByRole('main').innerText()).toContain('23.11.2026');
    // One reviewer: no "rating as" choice.
    expect(await editor.reviewerSelect.count()).toBe(0);

    // Keyboard only: 5 scores the item, J (or ArrowDown) moves on.
    for (let item = 1; item <= 25; item++) {
      await editor.press('5');
      if (item < 25) {
        await editor.press(item % 2 === 0 ? 'ArrowDown' : 'j');
        await editor.waitForCurrentItem(item + 1);
      }
    }
    // Focus is on the item's anchors, visibly.
    await expect.poll(() => editor.activeElementRole(), { timeout: 5_000 }).toBe('input:radio');
    expect(await editor.focusIsVisible()).toBe(true);
    expect(await editor.chosenScore()).toBe(5);

    await editor.waitForLiveFigure(r.score.total, '125');
    await editor.waitForLiveFigure(r.score.band, 'esimerkillinen');
    expect(await editor.liveFigure(r.score.rated).innerText()).toBe('25/25');
    expect(await editor.liveFigure(r.score.mean).innerText()).toBe('5,00');
    await editor.waitForSaveStatus(r.save.saved);
    expect(await editor.sectionRows()).toEqual([
      ['Henkilöstö', '15', '3/3'],
      ['Organisaatio', '40', '8/8'],
      ['Palvelut', '70', '14/14'],
    ]);
    const stored = await app.call('scoring.review', { reviewId });
    expect([stored.total, stored.band]).toEqual([125, 'exemplary']);

    // K goes back; the item list marks every item rated.
    await editor.press('k');
    await editor.waitForCurrentItem(24);
    expect(await editor.navItem(3).innerText()).toContain('5');

    await editor.finalize();
    expect((await app.call('reviews.get', { id: reviewId })).status).toBe('final');
    expect(await editor.finalNotice.innerText()).toContain(r.final.banner);
    expect(await editor.anchor(5).isDisabled()).toBe(true);
    expect(await editor.evidence.count()).toBe(0);
    expect(await editor.markNotRatedButton.count()).toBe(0);
    // Keys no longer score; arrows still move.
    await editor.press('3', 'ArrowDown');
    await editor.waitForCurrentItem(25);
    expect(await editor.chosenScore()).toBe(5);
    expect((await app.call('scoring.review', { reviewId })).total).toBe(125);

    // The site page lists the review with its total, and links to it.
    await page.getByRole('link', { name: r.editor.backToSite.replace('{{site}}', name), exact: true }).click();
    await site.waitUntilLoaded(name);
    await site.cell('esimerkillinen').waitFor();
    expect((await site.reviewRows())[0]?.slice(0, 4)).toEqual([fi.reviewKind.external, '23.11.2026', fi.reviewStatus.final, '125']);
    await site.reviewsTable.getByRole('link', { name: fi.reviewKind.external }).click();
    await editor.finalNotice.waitFor();
    expect(errors).toEqual([]);
  });

  it('a partial review: 17 scores and 8 items not rated via N with a reason and a note show the prorated total and the band', async () => {
    const siteId = (await app.call('sites.create', { name: 'Ammatillisen kuntoutuksen IPS-pilotti', regionCode: '02' })).id;
    const review = await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2026-09-08'], reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }] });
    const { page, errors } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(review.id);
    await editor.waitForCurrentItem(1);
    await page.waitForFunction(() => !document.querySelector('input[type="radio"]:disabled'));

    // A note is required.
    await editor.press('n');
    await editor.notRatedDialog.waitFor();
    await editor.notRatedDialog.getByRole('button', { name: r.notRated.save, exact: true }).click();
    await editor.notRatedDialog.getByText(r.notRated.noteRequired, { exact: true }).waitFor();
    expect(await editor.notRatedNote.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await editor.notRatedDialog.waitFor({ state: 'detached' });
    expect(await editor.chosenScore()).toBeNull();

    for (let item = 1; item <= 25; item++) {
      const rating = PARTIAL[item]!;
      if (typeof rating === 'number') {
        await editor.press(String(rating));
      } else {
        await editor.press('n');
        await editor.saveNotRated(...rating);
        await editor.page.getByText(r.item.notRatedAs.replace('{{reason}}', r.reason[rating[0]]), { exact: true }).waitFor();
      }
      if (item < 25) {
        await editor.press('j');
        await editor.waitForCurrentItem(item + 1);
      }
    }

    await editor.waitForLiveFigure(r.score.total, '107,4 (arvio 17/25 kriteerin perusteella, keskiarvo 4,29, vaihteluväli 81–113)');
    await editor.waitForLiveFigure(r.score.band, 'taso arvioitujen kriteerien perusteella: hyvä');
    expect(await editor.liveFigure(r.score.rated).innerText()).toBe('17/25');
    expect(await editor.liveFigure(r.score.mean).innerText()).toBe('4,29');
    expect(await editor.sectionRows()).toEqual([
      ['Henkilöstö', '15', '3/3'],
      ['Organisaatio', '12', '3/8'],
      ['Palvelut', '46', '11/14'],
    ]);
    expect(await editor.navItem(23).getAttribute('aria-current')).toBeNull();
    expect(await editor.navItem(4).innerText()).toContain('–');

    // Stored as the reviewer's ratings, reasons and notes included.
    await editor.waitForSaveStatus(r.save.saved);
    const detail = await app.call('reviews.get', { id: review.id });
    expect(detail.ratings.find((x) => x.item === 23)).toMatchObject({ score: null, reason: 'model-differs', reasonNote: 'Tuki on rajattu kahteen vuoteen.' });
    expect(detail.checks.undecided).toEqual([]);
    const score = await app.call('scoring.review', { reviewId: review.id });
    expect([score.total, score.estimate, score.band]).toEqual([107.4, true, 'good']);

    // Changing a not-rated item to a score clears its reason; the estimate follows.
    await editor.navItem(9).click();
    await editor.waitForCurrentItem(9);
    await editor.anchor(3).check();
    await editor.waitForLiveFigure(r.score.rated, '18/25');
    expect((await app.call('reviews.get', { id: review.id })).ratings.find((x) => x.item === 9)).toMatchObject({ score: 3, reason: null });
    expect(errors).toEqual([]);
  });

  it('evidence, recommendations and strengths save as you type (after a pause) and on leaving the field', async () => {
    const siteId = (await app.call('sites.create', { name: 'Seinäjoen IPS' })).id;
    const review = await app.call('reviews.create', { siteId, kind: 'self', visitDates: ['2026-10-01'], reviewers: [{ name: 'Leena Mäki' }] });
    const { page, errors } = await app.open();
    await new SitesPage(page).waitUntilLoaded();
    const editor = new ReviewEditorPage(page);
    await editor.goto(review.id);
    await editor.heading('Seinäjoen IPS', 'self').waitFor();
    await editor.waitForCurrentItem(1);
    await editor.evidence.waitFor();

    // Typing digits and letters in a text field does not score or move.
    await editor.evidence.click();
    await page.keyboard.type('Asiakkaita 18 / työhönvalmentaja; katso j-kirjaus.');
    expect(await editor.chosenScore()).toBeNull();
    expect(await editor.currentItemNumber()).toBe(1);
    await editor.waitForSaveStatus(r.save.saved);
    expect((await app.call('reviews.get', { id: review.id })).ratings[0]).toMatchObject({ item: 1, score: null, evidence: 'Asiakkaita 18 / työhönvalmentaja; katso j-kirjaus.' });

    await editor.recommendation.fill('Pidetään asiakasmäärä alle 20:n.');
    await editor.strengths.fill('Sitoutunut tiimi, vahva johdon tuki.');
    await editor.overallRecommendations.click(); // leaving the field saves at once
    await editor.overallRecommendations.fill('Työnantajayhteistyötä lisättävä.');
    await editor.evidence.focus();
    await editor.waitForSaveStatus(r.save.saved);
    const detail = await app.call('reviews.get', { id: review.id });
    expect(detail.recommendations).toEqual(expect.arrayContaining([{ item: 1, text: 'Pidetään asiakasmäärä alle 20:n.' }, { item: null, text: 'Työnantajayhteistyötä lisättävä.' }]));
    expect(detail.strengths).toBe('Sitoutunut tiimi, vahva johdon tuki.');

    // Finalizing is refused while items are undecided; the undecided items are listed, each a way to the item.
    await editor.finalizeButton.click();
    await page.getByRole('button', { name: r.finalize.confirm, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: r.finalize.refused }).waitFor();
    const undecided = page.getByRole('list', { name: new RegExp(`^${r.checks.undecided}`) });
    expect((await undecided.getByRole('button').allInnerTexts()).map(Number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await undecided.getByRole('button', { name: new RegExp('^Siirry kriteeriin 3:') }).click();
    await editor.waitForCurrentItem(3);
    expect((await app.call('reviews.get', { id: review.id })).status).toBe('draft');

    // Still there after a reload; the score follows a click on an anchor.
    await page.reload();
    await editor.waitForCurrentItem(1);
    await editor.anchor(4).check();
    await editor.waitForLiveFigure(r.score.rated, '1/25');
    expect(await editor.evidence.inputValue()).toBe('Asiakkaita 18 / työhönvalmentaja; katso j-kirjaus.');
    expect(await editor.strengths.inputValue()).toBe('Sitoutunut tiimi, vahva johdon tuki.');
    expect((await app.call('reviews.get', { id: review.id })).ratings[0]).toMatchObject({ item: 1, score: 4, evidence: 'Asiakkaita 18 / työhönvalmentaja; katso j-kirjaus.' });
    expect(errors).toEqual([]);
  });
});
