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

/** A scale text in the wanted language, else in the first language the text has (never empty). */
export function localized(text: LocalizedText, language: LanguageCode, fallbackOrder: readonly LanguageCode[] = ['fi', 'en', 'sv']): string {
  const found = text[language] ?? fallbackOrder.map((l) => text[l]).find((t) => t !== undefined);
  return found ?? '';
}
