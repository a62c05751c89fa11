import { LOCALE_OF } from '../../scales/display-format.ts';
import type { LanguageCode } from '../../scales/scale-schema.ts';

/** A share 0..1 as a percentage in the UI locale: fi "45 %", en "45%". */
export function formatPercent(share: number, language: LanguageCode, decimals = 0): string {
  return new Intl.NumberFormat(LOCALE_OF[language], { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(share);
}

/** A whole number with the locale's digit grouping: fi "9 461". */
export function formatCount(value: number, language: LanguageCode): string {
  return new Intl.NumberFormat(LOCALE_OF[language], { maximumFractionDigits: 0 }).format(value);
}
