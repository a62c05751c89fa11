import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dumpDatabase, testBackend, type TestBackend } from '../fixtures/backend.ts';
import { importReview, uniform } from './comparison-fixtures.ts';
import { referencePearson } from './reference-views.ts';

/**
 * Issue 13: the outcome figures THL follows beside clients served and in competitive work (working or studying,
 * job tenure of 6 and 12 months), through the API: optional, nested, refused with the field at fault, and set
 * against fidelity each over the periods that reported it.
 */
let t: TestBackend;
let siteId: number;
const period = { periodStart: '2026-01-01', periodEnd: '2026-06-30' };

beforeAll(async () => {
  t = await testBackend();
  siteId = (await t.call('sites.create', { name: 'Jyväskylän IPS' })).id;
}, 60_000);

afterAll(() => {
  t.backend.close();
  rmSync(dirname(t.dbFile), { recursive: true, force: true });
});

describe('the figures of a period', () => {
  test('are optional: absent or null is "not reported"; all of them are kept and corrected as given', async () => {
    const old = await t.call('outcomes.save', { siteId, periodStart: '2024-01-01', periodEnd: '2024-12-31', clientsServed: 30, inCompetitiveWork: 9 });
    expect(old).toMatchObject({ workingOrStudying: null, tenure6Months: null, tenure12Months: null });
    const full = await t.call('outcomes.save', { siteId, periodStart: '2025-01-01', periodEnd: '2025-12-31', clientsServed: 40, inCompetitiveWork: 12, workingOrStudying: 20, tenure6Months: 8, tenure12Months: 5 });
    expect(full).toMatchObject({ clientsServed: 40, inCompetitiveWork: 12, workingOrStudying: 20, tenure6Months: 8, tenure12Months: 5 });
    // Equal at every step is allowed: everyone in open-market work, for over a year.
    const corrected = await t.call('outcomes.save', { id: old.id, siteId, periodStart: '2024-01-01', periodEnd: '2024-12-31', clientsServed: 30, inCompetitiveWork: 9, workingOrStudying: 9, tenure6Months: 9, tenure12Months: 9 });
    expect(corrected).toMatchObject({ id: old.id, workingOrStudying: 9, tenure6Months: 9, tenure12Months: 9 });
    // 12 months without 6 months: only bounded by those in work.
    const cleared = await t.call('outcomes.save', { id: full.id, siteId, periodStart: '2025-01-01', periodEnd: '2025-12-31', clientsServed: 40, inCompetitiveWork: 12, workingOrStudying: null, tenure6Months: null, tenure12Months: 12 });
    expect(cleared).toMatchObject({ workingOrStudying: null, tenure6Months: null, tenure12Months: 12 });
    expect(await t.call('outcomes.list', { siteId })).toEqual([corrected, cleared]);
    const audit = await t.call('audit.list', { entity: 'employment-outcome' });
    expect(audit[0]).toMatchObject({ action: 'update', newValue: expect.objectContaining({ tenure12Months: 12, workingOrStudying: null }) });
  });

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['more working or studying than served', { workingOrStudying: 21 }, 'workingOrStudying', 'more clients working or studying than clients served'],
    ['fewer working or studying than in competitive work', { workingOrStudying: 4 }, 'workingOrStudying', 'fewer clients working or studying than in competitive work'],
    ['6 months’ tenure for more than are in work', { tenure6Months: 6 }, 'tenure6Months', 'more clients with 6 months in work than in competitive work'],
    ['12 months’ tenure for more than are in work', { tenure12Months: 6 }, 'tenure12Months', 'more clients with 12 months in work than in competitive work'],
    ['12 months’ tenure for more than 6 months', { tenure6Months: 2, tenure12Months: 3 }, 'tenure12Months', 'more clients with 12 months in work than with 6 months'],
    ['a negative figure', { tenure6Months: -1 }, 'tenure6Months', 'Too small: expected number to be >=0'],
    ['a fractional figure', { workingOrStudying: 7.5 }, 'workingOrStudying', 'Invalid input: expected int, received number'],
    ['a figure as text', { tenure12Months: '3' }, 'tenure12Months', 'Invalid input: expected number, received string'],
  ];

  test.each(refusals)('refuses %s at its field, and stores nothing', async (_name, change, path, message) => {
    const before = dumpDatabase(t.dbFile);
    const response = await t.backend.dispatch('outcomes.save', { siteId, ...period, clientsServed: 20, inCompetitiveWork: 5, ...change });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!response.ok) expect(response.error.details?.issues).toEqual([expect.objectContaining({ path, message })]);
    expect(dumpDatabase(t.dbFile)).toEqual(before);
  });

  test('every broken rule at once is reported, each at its own field', async () => {
    const response = await t.backend.dispatch('outcomes.save', { siteId, ...period, clientsServed: 20, inCompetitiveWork: 5, workingOrStudying: 30, tenure6Months: 7, tenure12Months: 9 });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.details?.issues?.map((i) => i.path)).toEqual(['workingOrStudying', 'tenure6Months', 'tenure12Months']);
  });
});

describe('fidelity against employment, per outcome', () => {
  const sites: Record<string, number> = {};
  beforeAll(async () => {
    for (const [name, score] of [['Alavus', 2], ['Bastu', 3], ['Cityn IPS', 4], ['Dalsbruk', 5]] as const) {
      await importReview(t.call, { site: name, region: null, kind: 'external', date: '2027-03-01', ratings: uniform(score) });
      sites[name] = (await t.call('sites.list', {})).find((s) => s.name === name)!.id;
    }
    const save = (name: string, periodStart: string, figures: { clientsServed: number; inCompetitiveWork: number; workingOrStudying?: number; tenure6Months?: number; tenure12Months?: number }) =>
      t.call('outcomes.save', { siteId: sites[name]!, periodStart, periodEnd: periodStart.replace('-01-01', '-12-31'), ...figures });
    // Alavus: the second period reports only the required figures; no period reports 12 months.
    await save('Alavus', '2027-01-01', { clientsServed: 10, inCompetitiveWork: 2, workingOrStudying: 4, tenure6Months: 1 });
    await save('Alavus', '2028-01-01', { clientsServed: 10, inCompetitiveWork: 3 });
    await save('Bastu', '2027-01-01', { clientsServed: 20, inCompetitiveWork: 8, workingOrStudying: 10, tenure6Months: 6, tenure12Months: 4 });
    await save('Cityn IPS', '2027-01-01', { clientsServed: 10, inCompetitiveWork: 6, workingOrStudying: 7, tenure6Months: 5, tenure12Months: 5 });
    // Dalsbruk: nobody in open-market work, so tenure has no share even though it was reported.
    await save('Dalsbruk', '2027-01-01', { clientsServed: 10, inCompetitiveWork: 0, workingOrStudying: 3, tenure6Months: 0, tenure12Months: 0 });
  });

  test('each share is over the periods that reported it, says how many did, and r is computed per outcome', async () => {
    const answer = await t.call('comparison.fidelityEmployment', { from: '2027-01-01' });
    const byName = Object.fromEntries(answer.sites.map((s) => [s.siteName, s]));
    expect(Object.keys(byName).sort()).toEqual(['Alavus', 'Bastu', 'Cityn IPS', 'Dalsbruk']);
    expect(byName.Alavus).toMatchObject({ periods: 2, clientsServed: 20, inCompetitiveWork: 5, rate: 0.25, review: expect.objectContaining({ total: 50 }) });
    expect(byName.Alavus!.measures).toEqual({
      competitiveWork: { periods: 2, count: 5, of: 20, share: 0.25 },
      workingOrStudying: { periods: 1, count: 4, of: 10, share: 0.4 },
      tenure6Months: { periods: 1, count: 1, of: 2, share: 0.5 },
      tenure12Months: { periods: 0, count: 0, of: 0, share: null },
    });
    expect(byName.Bastu!.measures.tenure12Months).toEqual({ periods: 1, count: 4, of: 8, share: 0.5 });
    expect(byName.Dalsbruk!.measures).toMatchObject({
      workingOrStudying: { periods: 1, count: 3, of: 10, share: 0.3 },
      tenure6Months: { periods: 1, count: 0, of: 0, share: null },
      tenure12Months: { periods: 1, count: 0, of: 0, share: null },
    });

    const points = (shares: Record<string, number>) => Object.entries(shares).map(([name, y]) => ({ x: byName[name]!.review!.total!, y }));
    expect(answer.correlations.competitiveWork).toBeCloseTo(referencePearson(points({ Alavus: 0.25, Bastu: 0.4, 'Cityn IPS': 0.6, Dalsbruk: 0 }))!, 12);
    expect(answer.correlations.workingOrStudying).toBeCloseTo(referencePearson(points({ Alavus: 0.4, Bastu: 0.5, 'Cityn IPS': 0.7, Dalsbruk: 0.3 }))!, 12);
    // Three sites have a 6-month share (Dalsbruk has nobody in work); only two a 12-month share: too few for r.
    expect(answer.correlations.tenure6Months).toBeCloseTo(referencePearson(points({ Alavus: 0.5, Bastu: 0.75, 'Cityn IPS': 5 / 6 }))!, 12);
    expect(answer.correlations.tenure12Months).toBeNull();
  });
});
