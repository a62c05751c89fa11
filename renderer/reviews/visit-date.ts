import { localDate } from '../../scales/review-rules/local-date.ts';
import { formatIsoDate } from '../../scales/display-format.ts';
import type { LanguageCode } from '../../scales/scale-schema.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A visit date as people type it in Finland: day first (23.11.2026, 23/11/2026, 23-11-2026), or an ISO date
 * (2026-11-23). The browser's own date input would show the operating system's format instead of the UI
 * language's, so the form uses text. Null when the text is not a real date.
 */
export function parseVisitDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  if (dayFirst) return isoOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

/** Today (in the user's time zone) in the UI language's form. */
export function todayText(language: LanguageCode, now = new Date()): string {
  return formatIsoDate(localDate(now), language);
}

/** The day after a typed date, for the next visit day (visits often take two days); '' if it is not a date. */
export function nextDayText(text: string, language: LanguageCode): string {
  const iso = parseVisitDate(text);
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return formatIsoDate(`${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`, language);
}
