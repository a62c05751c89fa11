import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_MESSAGES } from './page-models/consensus-messages.ts';
import { interpolate } from './page-models/messages.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { AppShell } from './page-models/app-shell.ts';
import { openVisitPlan, VisitPlanPage } from './page-models/visit-plan-page.ts';
import { expectAccessibleAtBothSizes } from './support/layout-checks.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const c = CONSENSUS_MESSAGES.fi;
const SITE = 'Kainuun IPS-palvelu';
const CLIENTS = 'Asiakkaiden haastattelu';
const TEAM_MEETING = c.plan.teamMeeting;
const KELA = 'Kelan yhteyshenkilö';
const NOTE = 'Asiakkaat kertoivat, että työnhaku alkoi heti ja hoitotiimi tietää siitä.';
let app: PreviewApp;
let reviewId: number;
let downloads: string;

beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'ips-visit-request-'));
  app = await startPreviewApp();
  const site = await app.call('sites.create', { name: SITE });
  // IPS-25 1.0.0 lists no IPS team meeting among its sources: the plan adds the meeting (IPS-tiimin palaveri) itself.
  const review = await app.call('reviews.create', {
    siteId: site.id, kind: 'external', scale: { id: 'ips-25', version: '1.0.0' }, visitDates: ['2026-11-24', '2026-11-25'], language: 'fi',
    reviewers: [{ name: 'Aino Laaksonen', role: 'pääarvioija' }],
  });
  reviewId = review.id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(downloads, { recursive: true, force: true });
});

const openPlan = () => openVisitPlan(app, reviewId, SITE, true);

const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('the visit plan runs the visit (issue 13)', () => {
  it('plans times, named people, the team meeting and an own row; bad times are shown at their field, not dropped', async () => {
    const { page, plan, errors } = await openPlan();
    expect(await plan.sources('observation')).toContain(TEAM_MEETING);

    await plan.when(CLIENTS).fill('24.11.2026');
    await plan.start(CLIENTS).fill('9.00');
    // The end before the start: said at the field, the row says it is not saved.
    await plan.end(CLIENTS).fill('8.00');
    await plan.row(CLIENTS).getByText(c.plan.endBeforeStart, { exact: true }).waitFor();
    expect(await plan.end(CLIENTS).getAttribute('aria-invalid')).toBe('true');
    await plan.row(CLIENTS).getByRole('status').filter({ hasText: c.save.notSaved }).waitFor();
    // No such time: the same.
    await plan.end(CLIENTS).fill('25.00');
    await plan.row(CLIENTS).getByText(interpolate(c.plan.timeInvalid, { example: '9.30' }), { exact: true }).waitFor();
    await plan.end(CLIENTS).fill('10.30');
    expect(await plan.end(CLIENTS).getAttribute('aria-invalid')).toBeNull();
    await plan.addPerson(CLIENTS, 1, 'Hanna Korhonen', 'työhönvalmentaja');
    await plan.note(CLIENTS).fill(NOTE);
    await plan.noteItems(CLIENTS).fill('5, 13, 26');
    await plan.row(CLIENTS).getByText(interpolate(c.plan.noteItemsInvalid, { items: '26', max: 25 }), { exact: true }).waitFor();
    await plan.noteItems(CLIENTS).fill('5, 13');
    await plan.noteItems(CLIENTS).blur();
    await plan.waitUntilSaved(CLIENTS);

    await plan.when(TEAM_MEETING).fill('25.11.2026');
    await plan.start(TEAM_MEETING).fill('13.15');
    await plan.who(TEAM_MEETING).fill('koko IPS-tiimi');
    await plan.who(TEAM_MEETING).blur();
    await plan.waitUntilSaved(TEAM_MEETING);

    await plan.addOwnRow('interview', KELA);
    await plan.when(KELA).fill('25.11.2026');
    await plan.start(KELA).fill('8.30');
    await plan.end(KELA).fill('9');
    await plan.addPerson(KELA, 1, 'Liisa Kela', 'kuntoutusasiantuntija');
    await plan.waitUntilSaved(KELA);
    await plan.addOwnRow('interview', 'Asiakkaan äiti');
    await plan.removeOwnRowButton('Asiakkaan äiti').click();
    await plan.done('Asiakkaan äiti').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-interview-heading');
    await page.waitForFunction(() => !document.querySelector('.save-state--saving'));

    const entries = await app.call('visitPlan.list', { reviewId });
    expect(entries.find((e) => e.sourceKey === 'client-interview')).toMatchObject({
      plannedDate: '2026-11-24', startTime: '09:00', endTime: '10:30', people: [{ name: 'Hanna Korhonen', role: 'työhönvalmentaja' }], note: NOTE, noteItems: [5, 13],
    });
    expect(entries.find((e) => e.kind === 'team-meeting')).toMatchObject({ plannedDate: '2026-11-25', startTime: '13:15', who: 'koko IPS-tiimi' });
    expect(entries.filter((e) => e.kind === 'custom')).toEqual([expect.objectContaining({
      label: KELA, category: 'interview', startTime: '08:30', endTime: '09:00', people: [{ name: 'Liisa Kela', role: 'kuntoutusasiantuntija' }],
    })]);

    // Still there, in the UI language's form, after a reload.
    await page.reload();
    await plan.waitUntilLoaded(SITE);
    expect(await plan.start(CLIENTS).inputValue()).toBe('9.00');
    expect(await plan.end(KELA).inputValue()).toBe('9.00');
    expect(await plan.noteItems(CLIENTS).inputValue()).toBe('5, 13');
    await expectAccessibleAtBothSizes(page);
    expect(errors).toEqual([]);
  });

  it('downloads the request to the site as a PDF whose schedule has the times and the people', async () => {
    const { plan, errors } = await openPlan();
    const name = await plan.downloadRequest(join(downloads, 'request.pdf'));
    expect(name).toBe(`Arviointikäynnin pyyntö – ${SITE}.pdf`);
    const text = pdfText(join(downloads, 'request.pdf'));
    expect(text).toContain('24.11.2026 klo 9.00–10.30 Asiakkaiden haastattelu (haastattelu) Hanna Korhonen (työhönvalmentaja)');
    expect(text).toContain('25.11.2026 klo 8.30–9.00 Kelan yhteyshenkilö (haastattelu) Liisa Kela (kuntoutusasiantuntija)');
    expect(text).toContain('25.11.2026 klo 13.15 alkaen IPS-tiimin palaveri (havainnointi) koko IPS-tiimi');
    expect(text).toContain('Asiakas- ja potilasasiakirjat');
    expect(errors).toEqual([]);
  });

  it('shows the note beside the items it informs in the review editor ("Käynniltä")', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    const editor = new ReviewEditorPage(page);
    await editor.goto(reviewId);
    await editor.waitForCurrentItem(1);
    const fromVisit = page.getByRole('region', { name: c.plan.fromVisit.heading, exact: true });
    expect(await fromVisit.count()).toBe(0);
    for (const item of [13, 5]) {
      await editor.navItem(item).click();
      await editor.waitForCurrentItem(item);
      await fromVisit.waitFor();
      const shown = await fromVisit.innerText();
      expect(shown).toContain(CLIENTS);
      expect(shown).toContain('24.11.2026 9.00–10.30');
      expect(shown).toContain(NOTE);
    }
    await expectAccessibleAtBothSizes(page);
    expect(errors).toEqual([]);
  });

  it('speaks Swedish and English: times in each language’s form, the team meeting and the fields named in it', async () => {
    const { page, errors } = await openPlan();
    const shell = new AppShell(page);
    for (const [language, source, start, end] of [['sv', CLIENTS, '9.00', '10.30'], ['en', 'Interviews with clients', '9:00', '10:30']] as const) {
      await shell.switchLanguage(language);
      const m = CONSENSUS_MESSAGES[language];
      const plan = new VisitPlanPage(page, m);
      await plan.waitUntilLoaded(SITE);
      expect(await plan.start(source).inputValue()).toBe(start);
      expect(await plan.end(source).inputValue()).toBe(end);
      expect(await plan.sources('observation')).toContain(m.plan.teamMeeting);
      await plan.requestRegion.getByRole('button', { name: m.plan.request.make, exact: true }).waitFor();
      await page.getByRole('textbox', { name: interpolate(m.plan.people.nameFor, { number: 1, source }), exact: true }).waitFor();
    }
    // The language is the app's setting: back to Finnish for what follows.
    await shell.switchLanguage('fi');
    expect(errors).toEqual([]);
  });

  it('stays readable after the review is final, and the request can still be made', async () => {
    const reviewerId = (await app.call('reviews.get', { id: reviewId })).reviewers[0]!.id;
    for (let item = 1; item <= 25; item++) await app.call('ratings.set', { reviewId, reviewerId, item, score: 4 });
    await app.call('visitPlan.update', { reviewId, entryId: (await app.call('visitPlan.list', { reviewId })).find((e) => e.sourceKey === 'client-interview')!.id, done: true });
    await app.call('reviews.setStatus', { id: reviewId, status: 'final' });

    const { page, plan, errors } = await openPlan();
    await page.getByText(c.plan.readOnly, { exact: true }).waitFor();
    const interviews = await plan.group('interview').innerText();
    expect(interviews).toContain('Hanna Korhonen (työhönvalmentaja)');
    expect(interviews).toContain('9.00–10.30');
    expect(interviews).toContain(NOTE);
    expect(interviews).toContain(interpolate(c.plan.noteItemsList, { items: '5, 13' }));
    expect(interviews).toContain(KELA);
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: c.plan.custom.add.interview }).count()).toBe(0);
    await plan.downloadRequest(join(downloads, 'final.pdf'));
    expect(pdfText(join(downloads, 'final.pdf'))).toContain('Hanna Korhonen (työhönvalmentaja)');
    await expectAccessibleAtBothSizes(page);
    expect(errors).toEqual([]);
  });
});
