import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testBackend, type TestBackend } from '../fixtures/backend.ts';
import { ApiClientError } from '../../renderer/platform/api-client.ts';
import { EMPTY_OUTCOME, outcomeFigures, outcomeProblems, problemsFromApi, type OutcomeFormValues } from '../../renderer/sites/outcome-form-values.ts';

/**
 * The site page's outcome form checks the rules of outcomes.save before sending (issue 13 added the optional
 * figures). Here each case goes both ways: the form's own check, and the backend's refusal read back by
 * problemsFromApi, must name the same fields with the same messages.
 */
const base: OutcomeFormValues = { ...EMPTY_OUTCOME, periodStart: '2026-01-01', periodEnd: '2026-06-30', clientsServed: '20', inCompetitiveWork: '5' };

const cases: [string, Partial<OutcomeFormValues>, Record<string, { key: string; values?: Record<string, string> }>][] = [
  ['all figures, nested', { workingOrStudying: '9', tenure6Months: '5', tenure12Months: '3' }, {}],
  ['optional figures left empty', {}, {}],
  ['12 months without 6 months', { tenure12Months: '5' }, {}],
  ['working or studying above served', { workingOrStudying: '21' }, { workingOrStudying: { key: 'studyingOverServed' } }],
  ['working or studying below in work', { workingOrStudying: '4' }, { workingOrStudying: { key: 'studyingUnderWork' } }],
  ['6 months above in work', { tenure6Months: '6' }, { tenure6Months: { key: 'tenureOverWork', values: { months: '6' } } }],
  ['12 months above in work', { tenure12Months: '6' }, { tenure12Months: { key: 'tenureOverWork', values: { months: '12' } } }],
  ['12 months above 6 months', { tenure6Months: '2', tenure12Months: '3' }, { tenure12Months: { key: 'twelveOverSix' } }],
  ['every nesting rule at once', { workingOrStudying: '30', tenure6Months: '7', tenure12Months: '9' }, {
    workingOrStudying: { key: 'studyingOverServed' }, tenure6Months: { key: 'tenureOverWork', values: { months: '6' } }, tenure12Months: { key: 'tenureOverWork', values: { months: '12' } },
  }],
];

let t: TestBackend;
beforeAll(async () => {
  t = await testBackend();
});
afterAll(() => {
  t.backend.close();
  rmSync(dirname(t.dbFile), { recursive: true, force: true });
});

describe('the outcome form and outcomes.save agree', () => {
  test.each(cases)('%s', async (name, change, expected) => {
    const values = { ...base, ...change };
    expect(outcomeProblems(values)).toEqual(expected);
    {
      // A site per case, so that saved periods never overlap.
      const siteId = (await t.call('sites.create', { name })).id;
      const response = await t.backend.dispatch('outcomes.save', { siteId, periodStart: values.periodStart, periodEnd: values.periodEnd, ...outcomeFigures(values) });
      if (Object.keys(expected).length === 0) {
        expect(response.ok).toBe(true);
      } else {
        expect(response.ok).toBe(false);
        if (!response.ok) expect(problemsFromApi(new ApiClientError('outcomes.save', response.error), (d) => d)).toEqual(expected);
      }
    }
  });

  test('text that is not a whole number is refused at its field before anything is sent; blanks around a number are fine', () => {
    expect(outcomeProblems({ ...base, workingOrStudying: '7,5', tenure6Months: '-1', tenure12Months: ' 2 ' })).toEqual({
      workingOrStudying: { key: 'optionalCount' }, tenure6Months: { key: 'optionalCount' },
    });
    expect(outcomeFigures({ ...base, workingOrStudying: ' ', tenure12Months: ' 2 ' })).toEqual({
      clientsServed: 20, inCompetitiveWork: 5, workingOrStudying: null, tenure6Months: null, tenure12Months: 2,
    });
  });
});
