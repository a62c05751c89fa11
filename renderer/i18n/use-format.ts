import { useTranslation } from 'react-i18next';
import { formatDecimal, formatIsoDate, formatLocalDateTime } from '../../scales/display-format.ts';
import type { LanguageCode } from '../../scales/scale-schema.ts';
import { DEFAULT_LANGUAGE, isUiLanguage } from './i18n.ts';

/** The UI language as a scale language code, for number and date formatting and for scale texts. */
export function useUiLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * Dates, date-times and decimals in the UI language's locale (fi: 23.11.2026, 14.10.2026 klo 15.42 Itä-Euroopan
 * kesäaika, 4,29), via the scales' formatters: a moment is shown in the user's own time zone, named.
 */
export function useFormat() {
  const language = useUiLanguage();
  return {
    language,
    date: (isoDate: string) => formatIsoDate(isoDate, language),
    dateTime: (at: string | Date) => formatLocalDateTime(at, language),
    decimal: (value: number, decimals: number) => formatDecimal(value, language, decimals),
  };
}
