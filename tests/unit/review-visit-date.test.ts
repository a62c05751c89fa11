import { describe, expect, it } from 'vitest';
import { nextDayText, parseVisitDate, todayText } from '../../renderer/reviews/visit-date.ts';

describe('visit dates as typed in the new-review form', () => {
  it('reads day-first dates (fi, sv: 23.11.2026; en-GB: 23/11/2026) and ISO dates', () => {
    expect(parseVisitDate('23.11.2026')).toBe('2026-11-23');
    expect(parseVisitDate(' 3.2.2027 ')).toBe('2027-02-03');
    expect(parseVisitDate('23/11/2026')).toBe('2026-11-23');
    expect(parseVisitDate('2026-11-23')).toBe('2026-11-23');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['', '31.2.2026', '11/23/2026', '23.11.26', 'huomenna', '2026-13-01']) expect(parseVisitDate(text)).toBeNull();
  });

  it('today and the next day in the UI language', () => {
    expect(todayText('fi', new Date(2026, 10, 23, 9))).toBe('23.11.2026');
    expect(nextDayText('30.11.2026', 'fi')).toBe('1.12.2026');
    expect(nextDayText('31/12/2026', 'en')).toBe('01/01/2027');
    expect(nextDayText('', 'fi')).toBe('');
  });
});
