import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_MESSAGES } from './page-models/comparison-messages.ts';
import { OutcomesSection } from './page-models/outcomes-section.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = COMPARISON_MESSAGES.fi.outcomes;
let app: PreviewApp;
let siteId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  siteId = (await app.call('sites.create', { name: 'Rovaniemen IPS', regionCode: '21' })).id;
});

afterAll(async () => {
  await app?.close();
});

async function openSite(bypassCSP = false) {
  const opened = await app.open({ bypassCSP });
  await opened.page.evaluate((id) => {
    window.location.hash = `#/sites/${id}`;
  }, siteId);
  const section = new OutcomesSection(opened.page);
  await section.region.waitFor();
  return { ...opened, section };
}

describe('employment outcomes on the site page', () => {
  it('adds a period after showing each problem at its field, corrects it, refuses an overlap and deletes it', async () => {
    const { page, section, errors } = await openSite();
    await section.region.getByText(m.none, { exact: true }).waitFor();
    await section.button(m.add).click();
    // The form takes the focus; checked in the form before anything is sent.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    await section.fill({ start: '2025-12-31', end: '2025-01-01', served: '10', inWork: '12' });
    await section.button(m.save).click();
    await section.region.getByText(m.errors.periodOrder, { exact: true }).waitFor();
    await section.region.getByText(m.errors.workOverServed, { exact: true }).waitFor();
    expect(await section.field(m.inCompetitiveWork).getAttribute('aria-invalid')).toBe('true');
    expect(await app.call('outcomes.list', { siteId })).toEqual([]);

    await section.fill({ start: '2025-01-01', end: '2025-12-31', served: '10', inWork: '4' });
    await section.button(m.save).click();
    await section.region.getByRole('status').getByText('Jakso 1.1.2025–31.12.2025 tallennettu.', { exact: true }).waitFor();
    // The optional figures were left empty: not reported (a dash, read as such).
    const notReported = expect.stringMatching(new RegExp(`^–\\s*${m.notReported}$`));
    expect(await section.rows()).toEqual([['1.1.2025–31.12.2025', '10', '4', expect.stringMatching(/^40\s%$/), notReported, notReported, notReported, `${m.edit} ${m.delete}`]]);

    await section.button('Muokkaa jaksoa 1.1.2025–31.12.2025').click();
    await section.field(m.inCompetitiveWork).fill('5');
    await section.button(m.save).click();
    await expect.poll(async () => (await section.rows())[0]?.[3]).toMatch(/^50\s%$/);

    // The backend refuses a period overlapping another of the site; the form says which.
    await section.button(m.add).click();
    await section.fill({ start: '2025-06-01', end: '2026-05-31', served: '8', inWork: '2' });
    await section.button(m.save).click();
    await section.region.getByText('Jakso menee päällekkäin jakson 1.1.2025–31.12.2025 kanssa.', { exact: true }).waitFor();
    await section.button(m.cancel).click();
    expect(await app.call('outcomes.list', { siteId })).toEqual([expect.objectContaining({ periodStart: '2025-01-01', clientsServed: 10, inCompetitiveWork: 5 })]);

    await section.button('Poista jakso 1.1.2025–31.12.2025').click();
    await section.region.getByRole('group', { name: 'Poistetaanko jakso 1.1.2025–31.12.2025?' }).getByRole('button', { name: m.delete, exact: true }).click();
    await section.region.getByText(m.none, { exact: true }).waitFor();
    expect(await app.call('outcomes.list', { siteId })).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation with the form open and a problem shown (axe-core)', async () => {
    await app.call('outcomes.save', { siteId, periodStart: '2024-01-01', periodEnd: '2024-12-31', clientsServed: 12, inCompetitiveWork: 3 });
    const { section } = await openSite(true);
    await expect.poll(async () => (await section.rows()).length).toBe(1);
    await section.button(m.add).click();
    await section.button(m.save).click();
    await section.region.getByText(m.errors.clientsServed, { exact: true }).waitFor();
    expect(seriousOrCritical(await axeFindings(section.page))).toEqual([]);
  });
});
