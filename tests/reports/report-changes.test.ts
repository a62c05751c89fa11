import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { testBackend, type TestBackend } from '../fixtures/backend.ts';
import { createFinalReview } from '../fixtures/final-review.ts';
import { overlappingWords, pdftotextFlat, wordBoxes, writeTempPdf } from './report-pdf-tools.ts';

let t: TestBackend;
const files: string[] = [];

afterEach(() => {
  t?.backend.close();
  if (t) rmSync(dirname(t.dbFile), { recursive: true, force: true });
  for (const file of files.splice(0)) rmSync(dirname(file), { recursive: true, force: true });
});

function text(pdfBase64: string, name: string): string {
  const file = writeTempPdf(name, Buffer.from(pdfBase64, 'base64'));
  files.push(file);
  return pdftotextFlat(file);
}

/** Last year all 3 (total 75, fair); this year items 1–3 at 5, item 25 at 2, item 24 not rated, the rest 3. */
async function twoReviews() {
  t = await testBackend();
  const site = await t.call('sites.create', { name: 'Kokkolan IPS' });
  const last = await createFinalReview(t.call, { siteId: site.id, visitDate: '2025-04-10', score: () => 3 });
  const now = await createFinalReview(t.call, { siteId: site.id, visitDate: '2026-04-14', score: (item) => (item <= 3 ? 5 : item === 25 ? 2 : item === 24 ? null : 3) });
  return { last, now };
}

describe('the report says what changed since the previous review (issue 13)', () => {
  test('the previous final review’s date, total and band before and now, the items up and down with both scores', async () => {
    const { last, now } = await twoReviews();
    const fiPdf = (await t.call('reports.render', { reviewId: now.id, language: 'fi' })).pdfBase64;
    const fi = text(fiPdf, 'changes-fi.pdf');
    // No word of the section's table and lists is drawn over another.
    const file = writeTempPdf('changes-boxes.pdf', Buffer.from(fiPdf, 'base64'));
    files.push(file);
    expect(wordBoxes(file).flatMap((page) => overlappingWords(page.words).map(([a, b]) => `${a.text} / ${b.text}`))).toEqual([]);
    expect(fi).toContain('Muutokset edellisestä arvioinnista');
    expect(fi).toContain('Edellinen valmis arviointi: ulkoinen arviointi 10.4.2025.');
    expect(fi).toMatch(/Kokonaispisteet 75 80,2 \(arvio\) Taso melko hyvä melko hyvä/i);
    expect(fi).toContain('Pisteet nousivat (3 kriteeriä)');
    expect(fi).toMatch(/1\. [^:]+: 3 → 5/);
    expect(fi).toMatch(/3\. [^:]+: 3 → 5/);
    expect(fi).toContain('Pisteet laskivat (1 kriteeri)');
    expect(fi).toMatch(/25\. [^:]+: 3 → 2/);
    expect(fi).toContain('Ennallaan: 20 kriteeriä. Ei verrattavissa (arvioimatta toisessa tai molemmissa): 1 kriteeriä.');

    const sv = text((await t.call('reports.render', { reviewId: now.id, language: 'sv' })).pdfBase64, 'changes-sv.pdf');
    expect(sv).toContain('Förändringar sedan föregående utvärdering');
    expect(sv).toContain('Poängen sjönk (1 kriterium)');
    const en = text((await t.call('reports.render', { reviewId: now.id, language: 'en' })).pdfBase64, 'changes-en.pdf');
    expect(en).toContain('What changed since the previous review');
    expect(en).toContain('Previous final review: external review, 10 April 2025.');
    expect(en).toContain('Scores up (3 items)');

    // The first review has none before it: the section is left out.
    expect(text((await t.call('reports.render', { reviewId: last.id, language: 'fi' })).pdfBase64, 'first.pdf')).not.toContain('Muutokset edellisestä arvioinnista');
  });

  test('with no item moved the lists say so; the signed report with the section still verifies', async () => {
    t = await testBackend();
    const site = await t.call('sites.create', { name: 'Kemin IPS' });
    await createFinalReview(t.call, { siteId: site.id, visitDate: '2025-01-10', score: () => 4 });
    const now = await t.call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-01-12'], reviewers: [{ name: 'Aino Laaksonen', role: null }] });
    for (let item = 1; item <= 25; item++) await t.call('ratings.set', { reviewId: now.id, reviewerId: now.reviewers[0]!.id, item, score: 4 });
    const fi = text((await t.call('reports.render', { reviewId: now.id, language: 'fi' })).pdfBase64, 'same.pdf');
    expect(fi).toContain('Minkään kriteerin pisteet eivät nousseet.');
    expect(fi).toContain('Minkään kriteerin pisteet eivät laskeneet.');
    expect(fi).toMatch(/Kokonaispisteet 100 100 Taso hyvä hyvä/i);

    const identity = await t.call('identities.create', { name: 'Aino Laaksonen', storagePassphrase: 'salasana-1' });
    await t.call('reports.sign', { reviewId: now.id, language: 'fi', identityId: identity.id, storagePassphrase: 'salasana-1' });
    const stored = await t.call('reports.get', { reviewId: now.id });
    expect(text(stored!.pdfBase64, 'signed.pdf')).toContain('Muutokset edellisestä arvioinnista');
    expect(await t.call('reports.verify', { pdfBase64: stored!.pdfBase64 })).toMatchObject({ valid: true, status: 'complete' });
  });
});
