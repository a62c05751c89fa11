import { describe, expect, test } from 'vitest';
import { formatLocalDateTime } from '../../scales/display-format.ts';
import { localDate } from '../../scales/review-rules/local-date.ts';

const HELSINKI = { timeZone: 'Europe/Helsinki' };

/** How the renderer and the CLI print a moment: the user's local time, in the language's form, the zone in words. */
describe('formatLocalDateTime', () => {
  test('Finnish, Swedish and British forms, winter and summer time named, never "UTC"', () => {
    const winter = new Date('2026-12-07T12:05:00Z');
    const summer = new Date('2026-07-07T12:05:00Z');
    expect(formatLocalDateTime(winter, 'fi', HELSINKI)).toBe('7.12.2026 klo 14.05 Itä-Euroopan normaaliaika');
    expect(formatLocalDateTime(summer, 'fi', HELSINKI)).toBe('7.7.2026 klo 15.05 Itä-Euroopan kesäaika');
    expect(formatLocalDateTime(winter, 'sv', HELSINKI)).toBe('7.12.2026 14.05 östeuropeisk normaltid');
    expect(formatLocalDateTime(summer, 'sv', HELSINKI)).toBe('7.7.2026 15.05 östeuropeisk sommartid');
    expect(formatLocalDateTime(winter, 'en', HELSINKI)).toBe('07/12/2026, 14:05 Eastern European Standard Time');
    expect(formatLocalDateTime(summer, 'en', HELSINKI)).toBe('07/07/2026, 15:05 Eastern European Summer Time');
    for (const language of ['fi', 'sv', 'en'] as const) {
      for (const at of [winter, summer]) expect(formatLocalDateTime(at, language, HELSINKI)).not.toMatch(/UTC|GMT/);
    }
  });

  test('a moment after local midnight carries the local date (01.30 Finnish time is the next day, not UTC yesterday)', () => {
    const at = '2026-12-06T23:30:00Z';
    expect(formatLocalDateTime(at, 'fi', HELSINKI)).toBe('7.12.2026 klo 01.30 Itä-Euroopan normaaliaika');
    expect(localDate(new Date(at), 'Europe/Helsinki')).toBe('2026-12-07');
  });

  test('seconds on request (the CLI verify command), ISO strings and Dates alike', () => {
    expect(formatLocalDateTime('2026-11-23T12:42:56Z', 'fi', { ...HELSINKI, seconds: true })).toBe('23.11.2026 klo 14.42.56 Itä-Euroopan normaaliaika');
    expect(formatLocalDateTime(new Date('2026-11-23T12:42:56Z'), 'en', { ...HELSINKI, seconds: true })).toBe('23/11/2026, 14:42:56 Eastern European Standard Time');
  });

  test('"UTC" only where the local zone really is UTC; the machine zone by default', () => {
    expect(formatLocalDateTime('2026-11-23T12:42:00Z', 'en', { timeZone: 'UTC' })).toBe('23/11/2026, 12:42 Coordinated Universal Time');
    const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatLocalDateTime('2026-11-23T12:42:00Z', 'fi')).toBe(formatLocalDateTime('2026-11-23T12:42:00Z', 'fi', { timeZone: machineZone }));
  });

  test('an unreadable timestamp is shown as given', () => {
    expect(formatLocalDateTime('not a time', 'fi')).toBe('not a time');
  });
});
