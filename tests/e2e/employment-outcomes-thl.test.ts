import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReview, uniform } from '../comparison/comparison-fixtures.ts';
import { COMPARISON_MESSAGES } from './page-models/comparison-messages.ts';
import { ComparisonPage } from './page-models/comparison-page.ts';
import { OutcomesSection } from './page-models/outcomes-section.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

/**
 * Issue 13: the outcomes THL follows, from the site page to the comparison. A period with every figure is entered
 * on the site page (after the form has pointed out each broken rule at its field); the comparison then sets the
 * chosen outcome, 12 months in work, against fidelity.
 */
const c = COMPARISON_MESSAGES.fi;
const m = c.outcomes;
let app: PreviewApp;
const siteIds: Record<string, number> = {};

// Totals 50, 75, 100 and 125; the three sites other than Oulu have their period from the API.
const SITES: [string, number, { clientsServed: number; inCompetitiveWork: number; workingOrStudying: number; tenure6Months: number; tenure12Months: number } | null][] = [
  ['Iisalmen IPS', 2, { clientsServed: 20, inCompetitiveWork: 4, workingOrStudying: 6, tenure6Months: 2, tenure12Months: 1 }],
  ['Kajaanin IPS', 3, { clientsServed: 20, inCompetitiveWork: 8, workingOrStudying: 10, tenure6Months: 4, tenure12Months: 3 }],
  ['Oulun IPS', 4, null],
  ['Kemijärven IPS', 5, { clientsServed: 10, inCompetitiveWork: 6, workingOrStudying: 7, tenure6Months: 5, tenure12Months: 4 }],
];

beforeAll(async () => {
  app = await startPreviewApp();
  const call = app.call.bind(app) as Parameters<typeof importReview>[0];
  for (const [site, score, figures] of SITES) {
    siteIds[site] = (await importReview(call, { site, region: null, kind: 'external', date: '2025-03-01', ratings: uniform(score) })).siteId;
    if (figures) await app.call('outcomes.save', { siteId: siteIds[site]!, periodStart: '2025-01-01', periodEnd: '2025-12-31', ...figures });
  }
});

afterAll(async () => {
  await app?.close();
});

async function openSite(site: string, bypassCSP = false) {
  const opened = await app.open({ bypassCSP });
  await opened.page.evaluate((id) => {
    window.location.hash = `#/sites/${id}`;
  }, siteIds[site]!);
  const section = new OutcomesSection(opened.page);
  await section.region.waitFor();
  return { ...opened, section };
}

/** The comparison's employment view with the outcome "12 months in work" chosen by keyboard, and its table shown. */
async function employmentWithTwelveMonths(page: OutcomesSection['page']) {
  const comparison = new ComparisonPage(page);
  await comparison.goto();
  await comparison.open('employment');
  const view = comparison.viewRegion('employment');
  const choice = view.getByRole('group', { name: c.employment.measureLegend, exact: true });
  const radio = (measure: keyof typeof c.employment.measures) => choice.getByRole('radio', { name: c.employment.measures[measure], exact: true });
  expect(await radio('competitiveWork').isChecked()).toBe(true);
  // Tab reaches the checked radio; the arrow keys move the choice along the group.
  await radio('competitiveWork').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  expect(await radio('tenure12Months').isChecked()).toBe(true);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('tenure12Months');
  await comparison.tableToggle('employment').click();
  return comparison;
}

describe('employment outcomes as THL follows them', () => {
  it('enters a period with every figure on the site page, and the comparison sets 12 months in work against fidelity', async () => {
    const { page, section, errors } = await openSite('Oulun IPS');
    await section.button(m.add).click();
    // Each broken nesting rule is pointed out at its field before anything is sent.
    await section.fill({ start: '2025-01-01', end: '2025-12-31', served: '30', inWork: '12', workingOrStudying: '11', tenure6Months: '13', tenure12Months: '14' });
    await section.button(m.save).click();
    await section.region.getByText(m.errors.studyingUnderWork, { exact: true }).waitFor();
    for (const [field, text] of [[m.tenure6Months, '6'], [m.tenure12Months, '12']] as const) {
      const error = m.errors.tenureOverWork.replace('{{months}}', text);
      await section.region.getByText(error, { exact: true }).waitFor();
      expect(await section.field(field).getAttribute('aria-invalid')).toBe('true');
      // The field's description holds its hint and its error.
      expect(await section.field(field).evaluate((input) => input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent))).toEqual([m.tenureHint, error]);
    }
    expect(await app.call('outcomes.list', { siteId: siteIds['Oulun IPS']! })).toEqual([]);

    await section.fill({ start: '2025-01-01', end: '2025-12-31', served: '30', inWork: '12', workingOrStudying: '15', tenure6Months: '8', tenure12Months: '6' });
    await section.button(m.save).click();
    await section.region.getByRole('status').getByText('Jakso 1.1.2025–31.12.2025 tallennettu.', { exact: true }).waitFor();
    // The list reloads after the status is said: wait for the row.
    await expect.poll(() => section.rows()).toEqual([['1.1.2025–31.12.2025', '30', '12', expect.stringMatching(/^40\s%$/), '15', '8', '6', `${m.edit} ${m.delete}`]]);
    expect(await app.call('outcomes.list', { siteId: siteIds['Oulun IPS']! })).toEqual([
      expect.objectContaining({ clientsServed: 30, inCompetitiveWork: 12, workingOrStudying: 15, tenure6Months: 8, tenure12Months: 6 }),
    ]);

    // Correcting the period keeps the figures it is not asked to change; emptying one makes it "not reported".
    await section.button('Muokkaa jaksoa 1.1.2025–31.12.2025').click();
    expect(await section.field(m.tenure12Months).inputValue()).toBe('6');
    await section.field(m.workingOrStudying).fill('');
    await section.button(m.save).click();
    await expect.poll(async () => (await section.rows())[0]?.[4]).toMatch(new RegExp(`^–\\s*${m.notReported}$`));
    await section.button('Muokkaa jaksoa 1.1.2025–31.12.2025').click();
    await section.field(m.workingOrStudying).fill('15');
    await section.button(m.save).click();
    await expect.poll(async () => (await section.rows())[0]?.[4]).toBe('15');

    const comparison = await employmentWithTwelveMonths(page);
    // 12 months in work of those in work: 25 %, 37,5 %, 50 % and 66,7 % at totals 50, 75, 100 and 125.
    await expect.poll(() => comparison.summary('employment').innerText())
      .toContain(`${c.employment.measures.tenure12Months}: 4 yksikköä, joilla on sekä arviointi että tämä luku. Korrelaatio r = 1,00. Osuus keskimäärin 45`);
    expect(await comparison.chart('employment').getAttribute('aria-label')).toContain(c.employment.measures.tenure12Months);
    const answer = await app.call('comparison.fidelityEmployment', {});
    expect(answer.correlations.tenure12Months).toBeCloseTo(0.99726, 4);
    const rows = await comparison.rows('employment', c.employment.caption);
    const reported = '1/1 jaksosta';
    expect(rows).toContainEqual([
      'Oulun IPS', c.noRegion, '1.1.2025–31.12.2025 (1)', '30',
      expect.stringMatching(/^40\s%\s*12\/30$/), expect.stringMatching(new RegExp(`^50\\s%\\s*${reported}$`)),
      expect.stringMatching(new RegExp(`^67\\s%\\s*${reported}$`)), expect.stringMatching(new RegExp(`^50\\s%\\s*${reported}$`)),
      '100 (1.3.2025)', expect.any(String),
    ]);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation at 1280x800 and 1024x700, and no sideways page scroll at 1024 px', async () => {
    const { page, section, errors } = await openSite('Kajaanin IPS', true);
    await expect.poll(async () => (await section.rows()).length).toBe(1);
    await section.button(m.add).click();
    await section.fill({ start: '2026-01-01', end: '2026-06-30', served: '10', inWork: '5', workingOrStudying: '11', tenure6Months: '', tenure12Months: '-1' });
    await section.button(m.save).click();
    await section.region.getByText(m.errors.studyingOverServed, { exact: true }).waitFor();
    const comparison = new ComparisonPage(page);
    const check = async () => {
      for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
        await page.setViewportSize(size);
        expect(seriousOrCritical(await axeFindings(page)), `${size.width}x${size.height}`).toEqual([]);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll, `${size.width}x${size.height}`).toBeLessThanOrEqual(widths.client);
      }
    };
    await check();
    await employmentWithTwelveMonths(page);
    await comparison.table('employment', c.employment.caption).waitFor();
    await check();
    expect(errors).toEqual([]);
  });
});
