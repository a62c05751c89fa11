import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReview, uniform } from '../comparison/comparison-fixtures.ts';
import { COMPARISON_MESSAGES } from './page-models/comparison-messages.ts';
import { ComparisonPage } from './page-models/comparison-page.ts';
import { startPreviewApp, type PreviewApp } from './support/preview-app.ts';

const m = COMPARISON_MESSAGES.fi;
let app: PreviewApp;

/** One site whose self-assessment and external review agree item by item. */
beforeAll(async () => {
  app = await startPreviewApp();
  const call = app.call.bind(app) as Parameters<typeof importReview>[0];
  await importReview(call, { site: 'Hervanta', region: 'Pirkanmaan hyvinvointialue', kind: 'external', date: '2025-03-12', ratings: uniform(4) });
  await importReview(call, { site: 'Hervanta', region: 'Pirkanmaan hyvinvointialue', kind: 'self', date: '2025-09-10', ratings: uniform(4) });
});

afterAll(async () => {
  await app?.close();
});

describe('comparison wording (issue 13)', () => {
  it('self vs external with one site and no differences: "1 yksikkö", and no "kriteeri 1 (0,00)"', async () => {
    const { page, errors } = await app.open();
    const comparison = new ComparisonPage(page);
    await comparison.goto();
    await comparison.open('selfExternal');
    const summary = await comparison.summary('selfExternal').innerText();
    expect(summary).toMatch(/^1 yksikkö, jolla on molemmat\./);
    expect(summary).toContain(m.selfExternal.noDifferences);
    expect(summary).not.toContain('(0,00)');
    await comparison.open('siteTotals');
    expect(await comparison.summary('siteTotals').innerText()).toMatch(/^1 yksikkö, jolla on kokonaispisteet:/);
    expect(errors).toEqual([]);
  });
});
