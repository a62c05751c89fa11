/**
 * "Today" and every other calendar date of a moment, as YYYY-MM-DD in a time zone: by default the machine's own
 * (the app runs on the user's computer, so its zone is the user's). The one home of this rule: a report signed at
 * 01.30 Finnish time carries that day, not yesterday's UTC date.
 */
export function localDate(at: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
