import type { LanguageCode, LocalizedText } from './scale-schema.ts';

/** The locale each UI/report language formats numbers and dates in: fi gives 4,29 and 23.11.2026. */
export const LOCALE_OF: Record<LanguageCode, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDecimal(value: number, language: LanguageCode, decimals: number): string {
  return new Intl.NumberFormat(LOCALE_OF[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A calendar date (YYYY-MM-DD) in the language's form, free of the machine's time zone. (Today: localDate.) */
export function formatIsoDate(isoDate: string, language: LanguageCode): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(LOCALE_OF[language], { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

/**
 * A moment (a Date or an ISO timestamp) as the user's local date and time in the language's form, with the time
 * zone named in words (fi "14.10.2026 klo 15.42 Itä-Euroopan kesäaika", sv "14.10.2026 15.42 östeuropeisk
 * sommartid", en "14/10/2026, 15:42 Eastern European Summer Time"). Never a bare offset such as "UTC+3", which
 * reads as UTC; the zone says "UTC" only when the machine's zone is UTC. The one home of how the renderer and the
 * CLI print a date-time (calendar dates: formatIsoDate; today: localDate).
 */
export function formatLocalDateTime(at: Date | string, language: LanguageCode, options: { seconds?: boolean; timeZone?: string } = {}): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  return new Intl.DateTimeFormat(LOCALE_OF[language], {
    day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    timeZoneName: 'long',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/** A scale text in the wanted language, else in the first language the text has (never empty). */
export function localized(text: LocalizedText, language: LanguageCode, fallbackOrder: readonly LanguageCode[] = ['fi', 'en', 'sv']): string {
  const found = text[language] ?? fallbackOrder.map((l) => text[l]).find((t) => t !== undefined);
  return found ?? '';
}

/** A time of day ("09:05", 24-hour) in the language's form: fi and sv "9.05", en "9:05". */
export function formatClockTime(time: string, language: LanguageCode): string {
  const [h, m] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(LOCALE_OF[language], { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)));
}
