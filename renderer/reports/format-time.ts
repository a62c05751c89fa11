import { LOCALE_OF } from '../../scales/display-format.ts';
import type { LanguageCode } from '../../scales/scale-schema.ts';

/**
 * A moment (ISO timestamp) as date and time in the UI language's locale and the user's time zone, with the
 * zone named: a signing time is a moment, not a calendar date (fi: "14.10.2026 klo 15.42 UTC+3").
 */
export function formatDateTime(iso: string, language: LanguageCode): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_OF[language], {
    day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(date);
}
