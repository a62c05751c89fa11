import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { testBackend } from '../fixtures/backend.ts';

/**
 * Issue 13: the consensus record is complete. Both reviewers write evidence on item 13 and score 3 and 5; consensus
 * chooses 4 with the required justification. The review keeps the consensus evidence (pre-filled from both, edited),
 * the justification and the recommendation, and the report prints them under item 13.
 */
describe('the consensus record', () => {
  test('a disputed item keeps its evidence, justification and recommendation, in the review and in the report', { timeout: 60_000 }, async () => {
    const { call, backend } = await testBackend();
    const site = await call('sites.create', { name: 'Kuopio', regionCode: '13' });
    const review = await call('reviews.create', { siteId: site.id, kind: 'external', visitDates: ['2026-11-10'], reviewers: [{ name: 'Aino', role: 'pääarvioija' }, { name: 'Bertta', role: 'vertaisarvioija' }] });
    const [a, b] = review.reviewers.map((r) => r.id) as [number, number];
    for (let item = 1; item <= 25; item++) {
      const [sa, sb] = item === 13 ? [3, 5] : [4, 4];
      await call('ratings.set', { reviewId: review.id, reviewerId: a, item, score: sa, ...(item === 13 ? { evidence: 'Ainon havainto: esihenkilö ohjaa viikoittain.' } : {}) });
      await call('ratings.set', { reviewId: review.id, reviewerId: b, item, score: sb, ...(item === 13 ? { evidence: 'Bertan havainto: ohjauspöytäkirjat kattavat kaikki.' } : {}) });
    }
    await call('recommendations.set', { reviewId: review.id, reviewerId: a, item: 13, text: 'Ainon suositus: kirjatkaa ohjaus.' });
    await call('recommendations.set', { reviewId: review.id, reviewerId: b, item: 13, text: 'Bertan suositus: ohjaus myös työnantajakäynneillä.' });
    for (const id of [a, b]) await call('reviewers.setComplete', { reviewId: review.id, reviewerId: id, complete: true });

    const started = await call('consensus.start', { reviewId: review.id });
    const pre = started.consensus.find((c) => c.item === 13);
    expect(pre).toMatchObject({ score: null, evidence: 'Ainon havainto: esihenkilö ohjaa viikoittain.\n\nBertan havainto: ohjauspöytäkirjat kattavat kaikki.' });
    expect(started.recommendations).toEqual([{ item: 13, text: 'Ainon suositus: kirjatkaa ohjaus.\n\nBertan suositus: ohjaus myös työnantajakäynneillä.' }]);

    expect(await backend.dispatch('consensus.set', { reviewId: review.id, item: 13, score: 4, evidence: pre!.evidence })).toMatchObject({ ok: false, error: { details: { issues: [{ code: 'justification-required' }] } } });
    await call('consensus.set', { reviewId: review.id, item: 13, score: 4, evidence: 'Yhteinen näyttö: ohjaus viikoittain, pöytäkirjat kattavat.', justification: 'Ohjaus toteutuu, mutta työnantajakäynnit puuttuvat.' });
    await call('recommendations.set', { reviewId: review.id, item: 13, text: 'Yhteinen suositus: ohjaus myös työnantajakäynneillä.' });

    const detail = await call('reviews.get', { id: review.id });
    expect(detail.consensus.find((c) => c.item === 13)).toMatchObject({ score: 4, evidence: 'Yhteinen näyttö: ohjaus viikoittain, pöytäkirjat kattavat.', justification: 'Ohjaus toteutuu, mutta työnantajakäynnit puuttuvat.' });
    const file = await call('reviews.exportFile', { reviewId: review.id });
    expect(file.ratings.find((r) => r.item === 13)).toEqual({
      item: 13, score: 4, evidence: 'Yhteinen näyttö: ohjaus viikoittain, pöytäkirjat kattavat.',
      justification: 'Ohjaus toteutuu, mutta työnantajakäynnit puuttuvat.', recommendation: 'Yhteinen suositus: ohjaus myös työnantajakäynneillä.',
    });

    const { pdfBase64 } = await call('reports.render', { reviewId: review.id, language: 'fi' });
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(pdfBase64, 'base64') }).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Yhteinen näyttö: ohjaus viikoittain, pöytäkirjat kattavat.');
    expect(text).toContain('Konsensuksen perustelu');
    expect(text).toContain('Ohjaus toteutuu, mutta työnantajakäynnit puuttuvat.');
    expect(text).toContain('Yhteinen suositus: ohjaus myös työnantajakäynneillä.');

    // The record travels: a re-imported file keeps the justification.
    const other = await testBackend();
    const { reviewId } = await other.call('reviews.importFile', { file });
    expect((await other.call('reviews.get', { id: reviewId })).consensus.find((c) => c.item === 13)?.justification).toBe('Ohjaus toteutuu, mutta työnantajakäynnit puuttuvat.');
  });
});
