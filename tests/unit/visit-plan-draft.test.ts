import { describe, expect, test } from 'vitest';
import type { VisitPlanEntry } from '../../electron/contract/visit-plan-contract.ts';
import { draftOf, draftProblems, hasProblems, parseItemList, updateInput } from '../../renderer/visit-plan/entry-draft.ts';
import { parseLocalTime } from '../../renderer/visit-plan/local-time.ts';

const ITEMS = Array.from({ length: 25 }, (_, i) => i + 1);
const ENTRY: VisitPlanEntry = {
  id: 7, kind: 'custom', sourceKey: 'custom-x', label: 'Kelan yhteyshenkilö', category: 'interview', items: [], who: null, plannedDate: '2026-11-25',
  startTime: '08:30', endTime: '09:00', people: [{ name: 'Liisa Kela', role: null }], done: false, note: null, noteItems: [5, 13],
};

describe('visit plan fields as typed', () => {
  test('times in the UI languages’ forms, and only real times of day', () => {
    for (const [text, time] of [['9.30', '09:30'], ['9:30', '09:30'], ['09.30', '09:30'], ['930', '09:30'], ['0930', '09:30'], ['9', '09:00'],
      [' klo 13.15 ', '13:15'], ['kl. 8.05', '08:05'], ['0', '00:00'], ['23.59', '23:59']] as const) expect(parseLocalTime(text), text).toBe(time);
    for (const text of ['24.00', '9.60', '9.5', '12345', 'puoli kymmenen', '', '9.30-10']) expect(parseLocalTime(text), text).toBeNull();
  });

  test('item lists: numbers of the scale, in order, once; anything else is named back', () => {
    expect(parseItemList('13, 5 13;5', ITEMS)).toEqual({ items: [5, 13] });
    expect(parseItemList('', ITEMS)).toEqual({ items: [] });
    expect(parseItemList('5, 26, x', ITEMS)).toEqual({ unknown: ['26', 'x'] });
    expect(parseItemList('0', ITEMS)).toEqual({ unknown: ['0'] });
  });

  test('a draft that cannot be saved says why; one that can becomes the update call', () => {
    const draft = draftOf(ENTRY);
    expect(draft).toMatchObject({ startTime: '08:30', noteItems: '5, 13', people: [{ name: 'Liisa Kela', role: '' }] });
    expect(hasProblems(draftProblems(draft, ITEMS, true))).toBe(false);
    expect(draftProblems({ ...draft, endTime: '08:00' }, ITEMS, true).endBeforeStart).toBe(true);
    expect(draftProblems({ ...draft, people: [...draft.people, { name: ' ', role: 'äiti' }] }, ITEMS, true).namelessPeople).toEqual([1]);
    expect(draftProblems({ ...draft, noteItems: '5, 99' }, ITEMS, true).unknownItems).toEqual(['99']);
    expect(draftProblems({ ...draft, label: ' ' }, ITEMS, true).labelMissing).toBe(true);
    expect(draftProblems({ ...draft, label: ' ' }, ITEMS, false).labelMissing).toBe(false);

    // A blank person row is no person; blank texts are cleared.
    expect(updateInput(3, ENTRY, { ...draft, who: '  ', people: [...draft.people, { name: '', role: '' }], note: 'Hyvä', noteItems: '13 5' }, ITEMS)).toEqual({
      reviewId: 3, entryId: 7, label: 'Kelan yhteyshenkilö', who: null, plannedDate: '2026-11-25', startTime: '08:30', endTime: '09:00',
      people: [{ name: 'Liisa Kela', role: null }], done: false, note: 'Hyvä', noteItems: [5, 13],
    });
    expect(updateInput(3, { ...ENTRY, kind: 'scale' }, draft, ITEMS)).not.toHaveProperty('label');
  });
});
