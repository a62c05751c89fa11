import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewReviewPage } from './page-models/review-new-page.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { REVIEW_MESSAGES } from './page-models/review-messages.ts';
import { MESSAGES } from './page-models/messages.ts';
import { SitePage } from './page-models/site-page.ts';
import { expectAccessibleAtBothSizes } from './support/layout-checks.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

/** Issue 13, Finland's structure: a new review as a peer review, with the reviewing organisation shown. */
const r = REVIEW_MESSAGES.fi;
const m = MESSAGES.fi;
const SITE = 'Kuopion IPS-työhönvalmennus';
const ORGANISATION = 'Tampereen kaupungin IPS-tiimi, työllisyyspalvelut';
let app: PreviewApp;
let siteId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  siteId = (await app.call('sites.create', { name: SITE, regionCode: '11' })).id;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('review kinds (issue 13)', () => {
  it('offers three kinds, creates a peer review with its organisation, and shows both in the header and on the site page', async () => {
    const { page, errors } = await app.open({ bypassCSP: true });
    await page.evaluate((hash) => { window.location.hash = hash; }, `#/sites/${siteId}/new-review`);
    const form = new NewReviewPage(page);
    await form.waitUntilLoaded();
    expect(await page.getByRole('group', { name: r.new.kind }).getByRole('radio').count()).toBe(3);
    for (const kind of ['external', 'self', 'peer'] as const) await form.kindRadio(kind).waitFor();
    expect(m.reviewKind.peer).toBe('Vertaisarviointi');
    await form.fill({ kind: 'peer', reviewingOrganisation: ORGANISATION, visitDates: ['3.12.2026'], reviewers: [{ name: 'Aino Laaksonen', role: 'vertaisarvioija' }] });
    expect(await form.descriptionOf(r.new.reviewingOrganisation)).toBe(r.new.reviewingOrganisationHint);
    await expectAccessibleAtBothSizes(page);

    await form.create();
    const reviewId = await form.waitForEditor();
    const editor = new ReviewEditorPage(page);
    await editor.heading(SITE, 'peer').waitFor();
    const header = page.locator('.review-header');
    const facts = await header.locator('dl').innerText();
    expect(facts).toContain(r.editor.reviewingOrganisation);
    expect(facts).toContain(ORGANISATION);
    expect(await app.call('reviews.get', { id: reviewId })).toMatchObject({ kind: 'peer', reviewingOrganisation: ORGANISATION });
    await expectAccessibleAtBothSizes(page);

    await page.evaluate((hash) => { window.location.hash = hash; }, `#/sites/${siteId}`);
    const site = new SitePage(page);
    await site.waitUntilLoaded(SITE);
    const [row] = await site.reviewRows();
    expect(row![0]).toContain(m.reviewKind.peer);
    expect(row![0]).toContain(ORGANISATION);
    await expectAccessibleAtBothSizes(page);
    expect(errors).toEqual([]);
  });
});
