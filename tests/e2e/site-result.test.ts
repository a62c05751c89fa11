import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpolate, MESSAGES } from './page-models/messages.ts';
import { SitesPage } from './page-models/sites-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const fi = MESSAGES.fi;
let app: PreviewApp;
let site: string;
let resultReviewId: number;

beforeAll(async () => {
  app = await startPreviewApp();
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'examples', 'full-review.json'), 'utf8')) as { site: { name: string } };
  site = file.site.name;
  const { reviewId, siteId } = await app.call('reviews.importFile', { file });
  resultReviewId = reviewId;
  // Next year's review is started: an empty draft, nothing rated yet.
  await app.call('reviews.create', { siteId, kind: 'external', visitDates: ['2027-03-01'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
});

afterAll(async () => {
  await app?.close();
});

describe('site list: a new draft does not hide the site result (issue 13)', () => {
  it('shows the imported result with its status, and the new draft as in progress', async () => {
    const listed = (await app.call('sites.list', {})).find((s) => s.name === site)!;
    expect(listed.latestReview?.reviewId).toBe(resultReviewId);
    expect(listed.latestReview?.score.ratedItems).toBe(25);
    expect(listed.openReview).toMatchObject({ date: '2027-03-01', status: 'draft' });

    const { page, errors } = await app.open();
    const sites = new SitesPage(page);
    await sites.waitUntilLoaded();
    const cells = (await sites.rowTexts(site)).join('\n');
    expect(cells).not.toContain(fi.score.notRated);
    expect(cells).toContain(fi.reviewStatus[listed.latestReview!.status]);
    expect(cells).toContain(interpolate(fi.sites.inProgress, { status: fi.reviewStatus.draft.toLowerCase(), date: '1.3.2027' }));
    expect(errors).toEqual([]);
  });
});
