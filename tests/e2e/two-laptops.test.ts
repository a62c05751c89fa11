import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfsig } from '../fixtures/identities/identities.ts';
import { ReviewEditorPage } from './page-models/review-editor-page.ts';
import { axeFindings, seriousOrCritical } from './support/axe.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

/**
 * Two reviewers, two laptops (issue 13): two browser previews, each on its own database. Files travel between
 * them only as files saved from one browser and chosen in the other. Arranging (site, review, ratings, consensus,
 * the lead's signature) uses the backend of each laptop; the two-laptop steps use the UI.
 */

const SITE = 'Järvenrannan IPS-työhönvalmennus';
const LEAD = 'Aino Laaksonen';
const SECOND = 'Mikael Sundström';
/** The lead's scores; the second reviewer differs on items 5 and 13. */
const SCORES = [5, 4, 5, 4, 4, 3, 5, 4, 4, 4, 3, 3, 3, 5, 4, 4, 3, 4, 5, 4, 4, 4, 3, 4, 4];
const SECOND_DIFFERS: Record<number, number> = { 5: 3, 13: 5 };
const SECRET_EVIDENCE = 'Mikaelin havainto: työnantajakäyntejä kuusi viikossa';

let lead: PreviewApp;
let second: PreviewApp;
let leadReviewId: number;
let secondReviewId: number;
const files = mkdtempSync(join(tmpdir(), 'ips-two-laptops-'));

beforeAll(async () => {
  lead = await startPreviewApp();
  second = await startPreviewApp();
});

afterAll(async () => {
  await lead?.close();
  await second?.close();
});

/** bypassCSP: only to inject axe, as the other accessibility tests do. */
async function openLaptopsPage(app: PreviewApp, reviewId: number, bypassCSP = false): Promise<Page> {
  const { page } = await app.open({ bypassCSP });
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/reviews/${reviewId}/laptops`);
  await page.getByRole('heading', { level: 1, name: new RegExp(SITE) }).waitFor();
  return page;
}

/** Clicks a download link and keeps the file where the other laptop will pick it up. */
async function saveDownload(page: Page, linkName: RegExp, fileName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  const path = join(files, fileName);
  await download.saveAs(path);
  return path;
}

describe('two reviewers on two laptops', { timeout: 300_000 }, () => {
  it('rate apart, carry the ratings across, agree, sign on one laptop and countersign on the other', async () => {
    // The lead's laptop: site, review, the lead's identity; the empty draft goes to the second laptop as a bundle.
    const site = await lead.call('sites.create', { name: SITE });
    const review = await lead.call('reviews.create', {
      siteId: site.id, kind: 'external', visitDates: ['2026-11-20'],
      reviewers: [{ name: LEAD, role: 'pääarvioija' }, { name: SECOND, role: 'vertaisarvioija' }],
    });
    leadReviewId = review.id;
    const [aino, mikaelAtLead] = review.reviewers;
    const leadIdentity = await lead.call('identities.create', { name: LEAD, role: 'pääarvioija', storagePassphrase: 'aino-salasana' });
    const bundle = await lead.call('bundles.export', { reviewIds: [leadReviewId], identityId: leadIdentity.id, storagePassphrase: 'aino-salasana' });
    const imported = await second.call('bundles.import', { bundleBase64: bundle.bundleBase64 });
    secondReviewId = imported.reviews[0]!.reviewId!;
    const mikael = (await second.call('reviews.get', { id: secondReviewId })).reviewers.find((r) => r.name === SECOND)!;
    await second.call('identities.create', { name: SECOND, role: 'vertaisarvioija', storagePassphrase: 'mikael-salasana' });

    // Both rate independently, each on their own laptop.
    for (let n = 1; n <= 25; n++) {
      await lead.call('ratings.set', { reviewId: leadReviewId, reviewerId: aino!.id, item: n, score: SCORES[n - 1]!, reason: null, reasonNote: null, evidence: n === 13 ? 'Ainon havainto: työnantajakäyntejä kolme viikossa' : null });
      if (n !== 13) await second.call('ratings.set', { reviewId: secondReviewId, reviewerId: mikael.id, item: n, score: SECOND_DIFFERS[n] ?? SCORES[n - 1]!, reason: null, reasonNote: null, evidence: null });
    }
    // Item 13, the disputed one, Mikael rates in the editor on his laptop.
    const { page: secondPage } = await second.open();
    const editor = new ReviewEditorPage(secondPage);
    await editor.goto(secondReviewId);
    await editor.heading(SITE).waitFor();
    await editor.reviewerSelect.selectOption({ label: SECOND });
    await editor.navItem(13).click();
    await editor.waitForCurrentItem(13);
    await editor.anchor(5).click();
    await editor.evidence.fill(SECRET_EVIDENCE);
    await editor.evidence.blur();
    await editor.waitForSaveStatus(editor.messages.save.saved);
    await expect.poll(async () => (await second.call('reviews.get', { id: secondReviewId, viewerId: mikael.id })).ratings.find((r) => r.item === 13)?.evidence).toBe(SECRET_EVIDENCE);
    await second.call('reviewers.setComplete', { reviewId: secondReviewId, reviewerId: mikael.id, complete: true });

    // The second laptop: export my ratings (UI, reached from the review's header), saved as a file.
    await editor.goto(secondReviewId);
    await secondPage.getByRole('link', { name: 'Kaksi konetta' }).click();
    await secondPage.getByRole('heading', { level: 1, name: new RegExp(SITE) }).waitFor();
    const exportRegion = secondPage.getByRole('region', { name: 'Vie omat arvioni' });
    await exportRegion.getByLabel('Arvioija', { exact: true }).selectOption({ label: SECOND });
    await exportRegion.getByLabel('Allekirjoittaja').selectOption({ index: 1 });
    await exportRegion.getByLabel('Tunnisteen salasana').fill('mikael-salasana');
    await exportRegion.getByRole('button', { name: 'Vie omat arvioni' }).click();
    await exportRegion.getByRole('status').filter({ hasText: '25 kohtaa on tiedostossa.' }).waitFor();
    const ratingsFile = await saveDownload(secondPage, /Tallenna arviotiedosto/, 'mikael.ipsratings');
    expect(JSON.parse(readFileSync(ratingsFile, 'utf8')).format).toBe('ips-fidelity-reviewer-ratings/1');

    // The lead's laptop: import it (UI). The preview names who signed and counts, never the ratings themselves.
    const leadPage = await openLaptopsPage(lead, leadReviewId, true);
    await leadPage.getByLabel('Arviotiedosto').setInputFiles(ratingsFile);
    const preview = leadPage.getByRole('group', { name: 'Tuotavat arviot' });
    await preview.getByText('pisteytettyjä kohtia 25, pisteyttämättä jätettyjä 0, suosituksia 0').waitFor();
    await expect(preview.getByText(SECOND).first().isVisible()).resolves.toBe(true);
    expect(await leadPage.content()).not.toContain(SECRET_EVIDENCE);
    expect(seriousOrCritical(await axeFindings(leadPage))).toEqual([]);
    // At 1024 px too, and the page does not scroll sideways.
    await leadPage.setViewportSize({ width: 1024, height: 700 });
    expect(seriousOrCritical(await axeFindings(leadPage))).toEqual([]);
    expect(await leadPage.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await leadPage.setViewportSize({ width: 1280, height: 800 });
    await preview.getByRole('button', { name: `Tuo arvioijan ${SECOND} arviot` }).click();
    await leadPage.getByRole('status').filter({ hasText: `Arvioijan ${SECOND} arviot tuotiin (25 kohtaa).` }).waitFor();

    // Hidden from the lead until she completes too, exactly as on one machine.
    expect(JSON.stringify(await lead.call('reviews.get', { id: leadReviewId, viewerId: aino!.id }))).not.toContain(SECRET_EVIDENCE);
    // The same file again is refused, with the reason in Finnish.
    await leadPage.getByLabel('Arviotiedosto').setInputFiles(ratingsFile);
    await preview.getByRole('alert').filter({ hasText: 'Tämä tiedosto on jo tuotu.' }).waitFor();

    await lead.call('reviewers.setComplete', { reviewId: leadReviewId, reviewerId: aino!.id, complete: true });
    const both = await lead.call('reviews.get', { id: leadReviewId, viewerId: aino!.id });
    expect(both.ratings.find((r) => r.reviewerId === mikaelAtLead!.id && r.item === 13)).toMatchObject({ score: 5, evidence: SECRET_EVIDENCE });

    // Consensus: agreed items pre-filled, the two disputed ones decided with a justification.
    await lead.call('consensus.start', { reviewId: leadReviewId });
    const agreement = await lead.call('scoring.agreement', { reviewId: leadReviewId });
    expect(agreement.disagreements).toEqual([5, 13]);
    await lead.call('consensus.set', { reviewId: leadReviewId, item: 5, score: 4, reason: null, reasonNote: null, evidence: 'Yhdessä todettu.', justification: null });
    await lead.call('consensus.set', { reviewId: leadReviewId, item: 13, score: 4, reason: null, reasonNote: null, evidence: 'Käyntejä 3–6 viikossa.', justification: 'Kirjaukset ja haastattelut erosivat; keskitie.' });

    // The lead signs (finalizes) on her laptop; the PDF goes to the second laptop as a file.
    await lead.call('reports.sign', { reviewId: leadReviewId, language: 'fi', identityId: leadIdentity.id, storagePassphrase: 'aino-salasana' });
    const leadSigned = Buffer.from((await lead.call('reports.get', { reviewId: leadReviewId }))!.pdfBase64, 'base64');
    const leadSignedFile = join(files, 'raportti-aino.pdf');
    writeFileSync(leadSignedFile, leadSigned);

    // The second laptop countersigns (UI) and saves the file.
    const countersign = secondPage.getByRole('region', { name: 'Allekirjoita pääarvioijan raportti' });
    await countersign.getByLabel('Allekirjoitettu raportti (PDF)').setInputFiles(leadSignedFile);
    await countersign.getByLabel('Allekirjoittaja').selectOption({ index: 1 });
    await countersign.getByLabel('Tunnisteen salasana').fill('mikael-salasana');
    await countersign.getByRole('button', { name: 'Allekirjoita raportti' }).click();
    await countersign.getByRole('status').filter({ hasText: `${LEAD}, ${SECOND}` }).waitFor();
    const countersigned = await saveDownload(secondPage, /Tallenna allekirjoitettu raportti/, 'raportti-molemmat.pdf');

    // Back at the lead: a tampered copy is refused, the countersigned report is attached (UI).
    const tampered = Buffer.from(readFileSync(countersigned));
    const at = tampered.indexOf('%%EOF') - 40;
    tampered[at] = tampered[at]! ^ 0x01;
    const tamperedFile = join(files, 'raportti-muutettu.pdf');
    writeFileSync(tamperedFile, tampered);
    const attach = leadPage.getByRole('region', { name: 'Liitä toisen arvioijan allekirjoittama raportti' });
    await attach.getByLabel('Allekirjoitettu raportti (PDF)').setInputFiles(tamperedFile);
    await attach.getByRole('button', { name: 'Liitä allekirjoitettu raportti' }).click();
    await attach.getByRole('alert').waitFor();
    expect((await lead.call('reports.get', { reviewId: leadReviewId }))!.signers).toHaveLength(1);

    await attach.getByLabel('Allekirjoitettu raportti (PDF)').setInputFiles(countersigned);
    await attach.getByText('Raportti tarkistuu.').waitFor();
    await attach.getByRole('button', { name: 'Liitä allekirjoitettu raportti' }).click();
    await attach.getByRole('status').filter({ hasText: `Allekirjoittajat: ${LEAD}, ${SECOND}.` }).waitFor();

    const stored = await lead.call('reports.get', { reviewId: leadReviewId });
    expect(stored!.signers.map((s) => s.name)).toEqual([LEAD, SECOND]);
    const pdf = Buffer.from(stored!.pdfBase64, 'base64');
    expect(pdf.equals(readFileSync(countersigned))).toBe(true);
    // The report holds the consensus record of the disputed item: its evidence and its justification.
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Kirjaukset ja haastattelut erosivat; keskitie.');
    expect(text).toContain('Käyntejä 3–6 viikossa.');
    const independent = pdfsig(pdf).output;
    expect(independent.match(/Signature is Valid/g)).toHaveLength(2);
    expect(independent).toContain('Total document signed');
  });
});
