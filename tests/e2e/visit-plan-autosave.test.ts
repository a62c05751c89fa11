import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { openVisitPlan, VisitPlanPage } from './page-models/visit-plan-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const c = CONSENSUS_MESSAGES.fi;
const SITE = 'Etelä-Pohjanmaan IPS-palvelu';
const CLIENTS = 'Asiakkaiden haastattelu';
const MEETING = 'Hoitotiimin kokouksen havainnointi';
let app: PreviewApp;
let reviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: SITE, regionCode: '16', collaborationModel: 2 });
  const review = await app.call('reviews.create', {
    siteId: site.id, kind: 'external', visitDates: ['2026-11-24'],
    // One reviewer: with two still rating blind, the shared plan may not reveal which items either has covered.
    reviewers: [{ name: 'Aino Laaksonen', role: null }],
  });
  reviewId = review.id;
  // Evidence for items 1–20 already; 21–25 still lack it.
  for (let item = 1; item <= 20; item++) await app.call('ratings.set', { reviewId, reviewerId: review.reviewers[0]!.id, item, score: 4 });
});

afterAll(async () => {
  await app?.close();
});

const openPlan = (bypassCSP = false) => openVisitPlan(app, reviewId, SITE, bypassCSP);

describe('visit plan', () => {
  it('groups the data sources into requests, interviews and observations, and flags items lacking evidence', async () => {
    const { plan, errors } = await openPlan();
    expect(await plan.sources('interview')).toEqual(expect.arrayContaining([CLIENTS, 'IPS-työhönvalmentajien haastattelu']));
    expect(await plan.sources('observation')).toEqual(expect.arrayContaining([MEETING]));
    expect(await plan.sources('request')).toEqual(expect.arrayContaining(['Asiakas- ja potilasasiakirjat']));
    const entries = await app.call('visitPlan.list', { reviewId });
    expect(await plan.summary.innerText()).toContain(interpolate(c.plan.summary.open, { open: entries.length, total: entries.length }));

    const missing = plan.missingRegion.getByRole('link');
    expect(await missing.allInnerTexts()).toEqual([21, 22, 23, 24, 25].map((n) => expect.stringMatching(new RegExp(`^${n}\\. `))));
    expect(await missing.first().getAttribute('href')).toBe(`#/reviews/${reviewId}`);
    expect(errors).toEqual([]);
  });

  it('saves a ticked entry with who and when as they change; still there after a reload', async () => {
    const { page, plan, errors } = await openPlan();
    await plan.done(CLIENTS).check();
    await plan.waitUntilSaved(CLIENTS);
    await plan.who(CLIENTS).fill('Työhönvalmentaja Hanna Korhonen');
    // A date in the UI language's form; text that is no date is flagged at the field and not saved.
    await plan.when(CLIENTS).fill('31.2.2026');
    expect(await plan.when(CLIENTS).getAttribute('aria-invalid')).toBe('true');
    await plan.row(CLIENTS).getByText(interpolate(c.plan.dateInvalid, { example: '23.11.2026' }), { exact: true }).waitFor();
    // Issue 13: the row no longer says "Tallennettu" next to a date that was dropped.
    await plan.row(CLIENTS).getByRole('status').filter({ hasText: c.save.notSaved }).waitFor();
    expect(await plan.row(CLIENTS).locator('.save-state--saved').count()).toBe(0);
    await plan.when(CLIENTS).fill('24.11.2026');
    expect(await plan.when(CLIENTS).getAttribute('aria-invalid')).toBeNull();
    await plan.note(CLIENTS).fill('Kolme asiakasta, haastattelut tiimin tiloissa.');
    await plan.note(CLIENTS).blur();
    await plan.waitUntilSaved(CLIENTS);
    await page.waitForFunction(() => !document.querySelector('.save-state--saving'));

    const entries = await app.call('visitPlan.list', { reviewId });
    expect(entries.find((e) => e.sourceKey === 'client-interview')).toMatchObject({
      done: true, who: 'Työhönvalmentaja Hanna Korhonen', plannedDate: '2026-11-24', note: 'Kolme asiakasta, haastattelut tiimin tiloissa.',
    });
    expect(await plan.summary.innerText()).toContain(interpolate(c.plan.summary.open, { open: entries.length - 1, total: entries.length }));

    await page.reload();
    await plan.waitUntilLoaded(SITE);
    expect(await plan.done(CLIENTS).isChecked()).toBe(true);
    expect(await plan.who(CLIENTS).inputValue()).toBe('Työhönvalmentaja Hanna Korhonen');
    expect(await plan.when(CLIENTS).inputValue()).toBe('24.11.2026');
    expect(await plan.note(CLIENTS).inputValue()).toBe('Kolme asiakasta, haastattelut tiimin tiloissa.');
    expect(await plan.done(MEETING).isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('works with the keyboard: Space ticks an entry off', async () => {
    const { page, plan } = await openPlan();
    await plan.done(MEETING).focus();
    await page.keyboard.press('Space');
    await plan.waitUntilSaved(MEETING);
    expect((await app.call('visitPlan.list', { reviewId })).find((e) => e.sourceKey === 'team-meeting-observation')?.done).toBe(true);
  });

  it('shows a failed save and tries again by itself; nothing is dropped', async () => {
    const { page, plan } = await openPlan();
    const source = 'Organisaation johdon haastattelu';
    let failures = 0;
    await page.route('**/api/visitPlan.update', async (route) => {
      if (failures++ === 0) return route.abort('connectionreset');
      return route.continue();
    });
    await plan.who(source).fill('Palvelujohtaja');
    await plan.who(source).blur();
    const alert = plan.row(source).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`${c.save.failed} ${MESSAGES.fi.errors.network} ${c.save.retrying}`);
    // The automatic retry goes through.
    await plan.waitUntilSaved(source);
    expect((await app.call('visitPlan.list', { reviewId })).find((e) => e.sourceKey === 'leader-interview')?.who).toBe('Palvelujohtaja');
    expect(failures).toBe(2);
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const { page } = await openPlan(true);
    await page.locator('.plan-table details summary').first().click();
    await new VisitPlanPage(page).when(CLIENTS).fill('31.2.2026'); // the date error shown too
    expect(seriousOrCritical(await axeFindings(page))).toEqual([]);
  });
});
