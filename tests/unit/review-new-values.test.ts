import { describe, expect, it } from 'vitest';
import { defaultScale, fieldProblemsFrom, orderScales, toCreateInput, type NewReviewValues, type ScaleChoice } from '../../renderer/reviews/new-review-values.ts';

const scale = (version: string, isDefault: boolean, id = 'ips-25'): ScaleChoice => ({ id, version, isDefault, shipped: true, differsFromShipped: false, contentHash: 'x', languages: ['fi'], title: { fi: 'IPS' } });
const values: NewReviewValues = {
  kind: 'self',
  reviewingOrganisation: '  ',
  scale: 'ips-25@1.0.0',
  language: 'sv',
  visitDates: [{ key: 0, text: '23.11.2026' }, { key: 1, text: '' }, { key: 2, text: '31.2.2026' }],
  reviewers: [{ key: 3, name: 'Aino Laaksonen', role: ' ' }, { key: 4, name: '', role: 'arvioija' }],
};

describe('the new-review form values', () => {
  it('preselects the default version of ips-25 and lists newer versions first', () => {
    const scales = [scale('1.0.0', false), scale('1.10.0', true), scale('1.2.0', false), scale('2.0.0', true, 'other')];
    expect(defaultScale(scales)).toBe('ips-25@1.10.0');
    expect(orderScales(scales).map((s) => `${s.id} ${s.version}`)).toEqual(['ips-25 1.10.0', 'ips-25 1.2.0', 'ips-25 1.0.0', 'other 2.0.0']);
    expect(defaultScale([])).toBe('');
  });

  it('sends dates as ISO dates, and text that is not a date as typed (for the API to refuse at its field)', () => {
    expect(toCreateInput(7, values)).toEqual({
      siteId: 7,
      kind: 'self',
      reviewingOrganisation: null,
      scale: { id: 'ips-25', version: '1.0.0' },
      visitDates: ['2026-11-23', '', '31.2.2026'],
      reviewers: [{ name: 'Aino Laaksonen', role: null }, { name: '', role: 'arvioija' }],
      language: 'sv',
    });
  });

  it("puts the API's issues at their fields: an empty date is required, a wrong one invalid", () => {
    const problems = fieldProblemsFrom([
      { path: 'visitDates.1', code: 'invalid_format', message: '' },
      { path: 'visitDates.2', code: 'invalid_format', message: '' },
      { path: 'reviewers.1.name', code: 'too_small', message: '' },
      { path: 'reviewers', code: 'too_big', message: '' },
      { path: 'scale.version', code: 'invalid_type', message: '' },
      { path: 'reviewingOrganisation', code: 'too_big', message: '' },
    ], values);
    expect(problems).toEqual({ 'visitDates.1': 'required', 'visitDates.2': 'invalid', 'reviewers.1.name': 'required', reviewers: 'tooMany', scale: 'invalid', reviewingOrganisation: 'tooLong' });
    // A peer review with its organisation goes as typed (the API trims it).
    expect(toCreateInput(7, { ...values, kind: 'peer', reviewingOrganisation: ' Tampereen IPS ' })).toMatchObject({ kind: 'peer', reviewingOrganisation: ' Tampereen IPS ' });
  });
});
