import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_PLAN_MESSAGES, ActionPlanPage } from './page-models/action-plan-page.ts';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SitePage } from './page-models/site-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const a = ACTION_PLAN_MESSAGES.fi;
const SITE = 'Äänekosken IPS-työhönvalmennus';
/** Items 4, 11 and 19 scored 3 or below, the rest 4. */
const LOW: Record<number, number> = { 4: 2, 11: 3, 19: 1 };
let app: PreviewApp;
let siteId: number;
let reviewId: number;
let titles: Map<number, string>;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: SITE, regionCode: '15' });
  siteId = site.id;
  const review = await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2026-11-20'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
  reviewId = review.id;
  for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId, reviewerId: review.reviewers[0]!.id, item, score: LOW[item] ?? 4 });
  // A final review: its plan still opens for editing (the plan is the site's working document).
  await app.call('reviews.setStatus', { id: reviewId, status: 'final' });
  titles = new Map((await app.call('actionPlan.get', { reviewId })).candidates.map((c) => [c.item, c.title.fi!]));
});

afterAll(async () => {
  await app?.close();
});

async function openPlan(bypassCSP = false) {
  const opened = await app.open({ bypassCSP });
  const plan = new ActionPlanPage(opened.page);
  await plan.open(reviewId, SITE);
  return { ...opened, plan };
}

describe('action plan', () => {
  it('creates the plan from the review, saves an edited row, and keeps it after a reload', async () => {
    const { page, plan, errors } = await openPlan();
    expect(await page.getByText(a.workingDocument, { exact: true }).isVisible()).toBe(true);
    const listed = await plan.candidates.getByRole('listitem').allInnerTexts();
    expect(listed).toEqual([4, 11, 19].map((n) => interpolate(a.candidates.item, { number: n, title: titles.get(n)!, score: LOW[n]! })));

    await plan.createButton(3).click();
    await page.getByRole('status').filter({ hasText: interpolate(a.candidates.added_other, { count: 3 }) }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(a.rows.heading);
    expect(await plan.candidates.innerText()).toContain(a.candidates.allPlanned);

    const row = plan.row(11, titles.get(11)!);
    expect(await row.innerText()).toContain(interpolate(a.rows.score, { score: 3 }));
    await plan.goal(row).fill('Työhönvalmentajat tapaavat työnantajia joka viikko');
    await plan.owner(row).fill('Hanna Korhonen');
    await plan.dueDate(row).fill('28.2.2027');
    await plan.status(row).selectOption({ label: a.status['in-progress'] });
    await plan.notes(row).fill('Seuranta tiimipalaverissa.');
    await plan.notes(row).blur();
    await plan.waitUntilSaved();

    const saved = (await app.call('actionPlan.get', { reviewId })).rows.find((r) => r.item === 11);
    expect(saved).toMatchObject({
      goal: 'Työhönvalmentajat tapaavat työnantajia joka viikko', owner: 'Hanna Korhonen', dueDate: '2027-02-28', status: 'in-progress', notes: 'Seuranta tiimipalaverissa.',
    });

    await page.reload();
    await plan.waitUntilLoaded(SITE);
    const again = plan.row(11, titles.get(11)!);
    expect(await plan.goal(again).inputValue()).toBe('Työhönvalmentajat tapaavat työnantajia joka viikko');
    expect(await plan.owner(again).inputValue()).toBe('Hanna Korhonen');
    expect(await plan.dueDate(again).inputValue()).toBe('28.2.2027');
    expect(await plan.status(again).inputValue()).toBe('in-progress');
    expect(await plan.notes(again).inputValue()).toBe('Seuranta tiimipalaverissa.');
    expect(errors).toEqual([]);
  });

  it('a due date that is no date is reported at the field and in the save status, never as saved (issue 13)', async () => {
    const { plan, errors } = await openPlan();
    const row = plan.row(4, titles.get(4)!);
    await plan.dueDate(row).fill('31.2.2027');
    expect(await plan.dueDate(row).getAttribute('aria-invalid')).toBe('true');
    await row.getByText(interpolate(CONSENSUS_MESSAGES.fi.plan.dateInvalid, { example: '23.11.2026' }), { exact: true }).waitFor();
    await plan.page.getByRole('status').filter({ hasText: interpolate(a.save.invalidDates_one, { items: interpolate(a.rows.labelItem, { number: 4 }) }) }).waitFor();
    expect(await plan.page.getByRole('status').filter({ hasText: a.save.saved }).count()).toBe(0);
    await plan.dueDate(row).fill('31.3.2027');
    await plan.dueDate(row).blur();
    await plan.waitUntilSaved();
    expect((await app.call('actionPlan.get', { reviewId })).rows.find((r) => r.item === 4)?.dueDate).toBe('2027-03-31');
    expect(errors).toEqual([]);
  });

  it('shows the progress on the site page: done out of the plan, and what is overdue', async () => {
    const { page, plan } = await openPlan();
    const done = plan.row(4, titles.get(4)!);
    await plan.status(done).selectOption({ label: a.status.done });
    const late = plan.row(19, titles.get(19)!);
    await plan.dueDate(late).fill('1.1.2020');
    await plan.dueDate(late).blur();
    await plan.waitUntilSaved();
    await late.getByText(a.rows.overdue, { exact: true }).waitFor();
    const expected = `${interpolate(a.progress.done, { done: 1, total: 3 })}, ${interpolate(a.progress.overdue, { count: 1 })}`;
    expect(await plan.progress.innerText()).toContain(expected);

    await page.evaluate((id) => {
      window.location.hash = `#/sites/${id}`;
    }, siteId);
    const sitePage = new SitePage(page);
    await sitePage.waitUntilLoaded(SITE);
    const table = page.getByRole('table', { name: a.site.caption, exact: true });
    // `has` is matched inside each row, so the link locator starts from the page.
    const link = page.getByRole('link', { name: interpolate(a.site.reviewLabel, { kind: MESSAGES.fi.reviewKind.external, dates: '20.11.2026' }), exact: true });
    const row = table.getByRole('row').filter({ has: link });
    expect(await row.getByRole('link').getAttribute('href')).toBe(`#/reviews/${reviewId}/actions`);
    expect(await row.getByRole('cell').innerText()).toBe(expected);
  });

  it('works with the keyboard: removing a row asks first, and Cancel gives the focus back', async () => {
    const { page, plan } = await openPlan();
    const row = plan.row(4, titles.get(4)!);
    await plan.removeButton(row).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(a.rows.removeNo);
    expect(await row.innerText()).toContain(interpolate(a.rows.removeConfirm, { label: interpolate(a.rows.labelItem, { number: 4 }) }));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(a.rows.remove);
    expect((await app.call('actionPlan.get', { reviewId })).rows).toHaveLength(3);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const { page, plan } = await openPlan(true);
    const row = plan.row(19, titles.get(19)!);
    await plan.removeButton(row).click(); // the confirmation shown too
    await plan.dueDate(plan.row(11, titles.get(11)!)).fill('31.2.2027'); // and a date error
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });

  it('removes a confirmed row; its item becomes a candidate again', async () => {
    const { page, plan } = await openPlan();
    const row = plan.row(19, titles.get(19)!);
    await plan.removeButton(row).click();
    await row.getByRole('button', { name: a.rows.removeYes, exact: true }).click();
    await page.getByRole('status').filter({ hasText: interpolate(a.rows.removed, { label: interpolate(a.rows.labelItem, { number: 19 }) }) }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await app.call('actionPlan.get', { reviewId })).rows.map((r) => r.item)).toEqual([4, 11]);
    expect(await plan.candidates.getByRole('listitem').allInnerTexts()).toEqual([interpolate(a.candidates.item, { number: 19, title: titles.get(19)!, score: 1 })]);
  });
});
