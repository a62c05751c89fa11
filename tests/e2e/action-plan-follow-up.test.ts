import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_PLAN_MESSAGES, ActionPlanPage } from './page-models/action-plan-page.ts';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SitePage } from './page-models/site-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';
import { tempDbFile } from '../fixtures/backend.ts';

/**
 * Issue 13, an action plan the site can use: a row for an item scored 4 with its goal pre-filled from the
 * reviewers' recommendation, two rows for one item, a free row; saved as CSV and PDF; and the follow-up review shows
 * the plan's rows with their status.
 */
const a = ACTION_PLAN_MESSAGES.fi;
const SITE = 'Jyväskylän IPS-työhönvalmennus';
const RECOMMENDATION = 'Työhönvalmentaja osallistuu hoitotiimin viikkokokoukseen';
const dbFile = tempDbFile();
let app: PreviewApp;
let siteId: number;
let reviewId: number;
let title4: string;
let title9: string;

beforeAll(async () => {
  app = await startPreviewApp({ dbFile });
  siteId = (await app.call('sites.create', { name: SITE })).id;
  const review = await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2026-03-10'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
  reviewId = review.id;
  const reviewerId = review.reviewers[0]!.id;
  for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId, reviewerId, item, score: item === 9 ? 2 : 4 });
  await app.call('recommendations.set', { reviewId, reviewerId, item: 4, text: RECOMMENDATION });
  await app.call('reviews.setStatus', { id: reviewId, status: 'final' });
  const items = (await app.call('actionPlan.get', { reviewId })).items;
  title4 = items.find((i) => i.item === 4)!.title.fi!;
  title9 = items.find((i) => i.item === 9)!.title.fi!;
});

afterAll(async () => {
  await app?.close();
  rmSync(dirname(dbFile), { recursive: true, force: true });
});

async function openPlan(id: number) {
  const opened = await app.open({ bypassCSP: true });
  const plan = new ActionPlanPage(opened.page);
  await plan.open(id, SITE);
  return { ...opened, plan };
}

async function expectAccessibleAtBothSizes(page: Page) {
  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(size);
    expect(seriousOrCritical(await axeFindings(page)), `${size.width}x${size.height}`).toEqual([]);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll, `sideways scroll at ${size.width} px`).toBeLessThanOrEqual(widths.client);
  }
}

describe('action plan the site can use', () => {
  it('proposes rows from the recommendations, takes any item twice and a free row, and saves it as CSV and PDF', async () => {
    const { page, plan, errors } = await openPlan(reviewId);
    // Item 4 is scored 4, yet proposed: it has a recommendation, shown with it.
    const proposals = await plan.candidates.getByRole('listitem').allInnerTexts();
    expect(proposals).toHaveLength(2);
    expect(proposals[0]).toContain(interpolate(a.candidates.item, { number: 4, title: title4, score: 4 }));
    expect(proposals[0]).toContain(interpolate(a.candidates.recommendation, { text: RECOMMENDATION }));
    expect(proposals[1]).toBe(interpolate(a.candidates.item, { number: 9, title: title9, score: 2 }));
    await plan.createButton(2).click();
    await page.getByRole('status').filter({ hasText: interpolate(a.candidates.added_other, { count: 2 }) }).waitFor();
    expect(await plan.goal(plan.row(4, title4)).inputValue()).toBe(RECOMMENDATION);

    // A second row for item 4: added through the form, its goal field takes the focus.
    await plan.addRow({ item: 4, title: title4 });
    await page.getByRole('status').filter({ hasText: interpolate(a.add.added, { label: interpolate(a.rows.labelItem, { number: 4 }) }) }).waitFor();
    await expect.poll(() => plan.rows(4, title4).count()).toBe(2);
    const second = plan.rows(4, title4).nth(1);
    expect(await plan.goal(second).evaluate((e) => e === document.activeElement)).toBe(true);
    await plan.goal(second).fill('Yhteinen asiakaslista hoitotiimin kanssa');
    await plan.owner(second).fill('Hanna Korhonen');
    await plan.owner(second).blur();

    // A free row about no item, with its own title.
    await plan.addRow({ freeTitle: 'Yhteistyö Kelan kanssa' });
    const free = plan.freeRow('Yhteistyö Kelan kanssa');
    await free.waitFor();
    await plan.goal(free).fill('Kelan yhteyshenkilö tapaa tiimin neljännesvuosittain');
    await plan.dueDate(free).fill('31.3.2027');
    await plan.status(free).selectOption({ label: a.status.done });
    await plan.dueDate(free).blur();
    await plan.waitUntilSaved();
    expect((await app.call('actionPlan.get', { reviewId })).rows.map((r) => [r.item, r.freeTitle, r.goal, r.dueDate, r.status])).toEqual([
      [4, null, RECOMMENDATION, null, 'open'],
      [4, null, 'Yhteinen asiakaslista hoitotiimin kanssa', null, 'open'],
      [9, null, '', null, 'open'],
      [null, 'Yhteistyö Kelan kanssa', 'Kelan yhteyshenkilö tapaa tiimin neljännesvuosittain', '2027-03-31', 'done'],
    ]);

    // A blank free title is not saved and says so at the field.
    await plan.freeTitle(free).fill('');
    await free.getByText(a.add.titleMissing, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: a.save.blankTitles_one }).waitFor();
    await plan.freeTitle(free).fill('Yhteistyö Kelan kanssa');
    await plan.freeTitle(free).blur();
    await plan.waitUntilSaved();

    const csv = await plan.export('csv');
    expect(csv.suggestedFilename()).toBe(`toimintasuunnitelma-${SITE}-2026-03-10.csv`);
    const table = parse(readFileSync((await csv.path())!, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]).toEqual(['Kriteeri', 'Kriteeri tai aihe', 'Pisteet', 'Tavoite', 'Vastuuhenkilö', 'Määräaika', 'Tila', 'Myöhässä', 'Muistiinpanot']);
    expect(table.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['4', title4, '4', RECOMMENDATION, '', '', 'Avoin'],
      ['4', title4, '4', 'Yhteinen asiakaslista hoitotiimin kanssa', 'Hanna Korhonen', '', 'Avoin'],
      ['9', title9, '2', '', '', '', 'Avoin'],
      ['', 'Yhteistyö Kelan kanssa', '', 'Kelan yhteyshenkilö tapaa tiimin neljännesvuosittain', '', '31.3.2027', 'Tehty'],
    ]);
    await page.getByRole('status').filter({ hasText: interpolate(a.export.saved, { file: csv.suggestedFilename() }) }).waitFor();

    const pdf = await plan.export('pdf');
    expect(pdf.suggestedFilename()).toBe(`toimintasuunnitelma-${SITE}-2026-03-10.pdf`);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', (await pdf.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [`Toimintasuunnitelma – ${SITE}`, RECOMMENDATION, 'Yhteinen asiakaslista hoitotiimin kanssa', 'Yhteistyö Kelan kanssa',
      'Kelan yhteyshenkilö tapaa tiimin neljännesvuosittain', '31.3.2027', 'Tehty', 'Hanna Korhonen']) {
      expect(text).toContain(expected);
    }

    await expectAccessibleAtBothSizes(page);
    expect(errors).toEqual([]);
  });

  it('the follow-up review shows the previous plan with each row\'s status, free row included', async () => {
    const next = await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2027-03-10'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
    const { page, plan, errors } = await openPlan(next.id);
    const previous = plan.previousPlan;
    await previous.waitFor();
    expect(await previous.innerText()).toContain(interpolate(a.previous.intro, { kind: 'Ulkoinen arviointi', dates: '10.3.2026', progress: interpolate(a.progress.done, { done: 1, total: 4 }) }));
    const table = previous.getByRole('table', { name: a.previous.caption, exact: true });
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await row('Yhteistyö Kelan kanssa').getByRole('cell').allInnerTexts()).toEqual(['Kelan yhteyshenkilö tapaa tiimin neljännesvuosittain', '–', '31.3.2027', a.status.done]);
    expect(await row(interpolate(a.rows.item, { number: 9, title: title9 })).getByRole('cell').last().innerText()).toBe(a.status.open);
    expect(await table.getByRole('row').count()).toBe(5);
    await expect.poll(() => previous.getByRole('link', { name: a.previous.open, exact: true }).getAttribute('href')).toBe(`#/reviews/${reviewId}/actions`);
    await expectAccessibleAtBothSizes(page);

    // The review editor of the follow-up review has it too, folded under its progress.
    await page.evaluate((id) => {
      window.location.hash = `#/reviews/${id}`;
    }, next.id);
    const summary = page.locator('details.previous-action-plan > summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe(`${a.previous.heading}: ${interpolate(a.progress.done, { done: 1, total: 4 })}`);
    await summary.click();
    await page.getByRole('table', { name: a.previous.caption, exact: true }).waitFor();
    await expectAccessibleAtBothSizes(page);

    // The site page's plans: the first review's progress names its free row; the follow-up has no plan yet.
    await page.evaluate((id) => {
      window.location.hash = `#/sites/${id}`;
    }, siteId);
    await new SitePage(page).waitUntilLoaded(SITE);
    const plans = page.getByRole('table', { name: a.site.caption, exact: true });
    const planRow = (dates: string) => plans.getByRole('row').filter({
      has: page.getByRole('link', { name: interpolate(a.site.reviewLabel, { kind: MESSAGES.fi.reviewKind.external, dates }), exact: true }),
    });
    expect(await planRow('10.3.2026').getByRole('cell').innerText())
      .toBe(`${interpolate(a.progress.done, { done: 1, total: 4 })} (${interpolate(a.site.freeRows_one, { count: 1 })})`);
    expect(await planRow('10.3.2027').getByRole('cell').innerText()).toBe(a.site.noPlan);
    expect(errors).toEqual([]);
  });
});
