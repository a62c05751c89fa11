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

/** A scale version as people name it: "IPS-25 1.0.0" (the scale id is a code, written in capitals). */
export const scaleLabel = (scale: { id: string; version: string }) => `${scale.id.toUpperCase()} ${scale.version}`;

/** The median of the values (none: null). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A safe file name for a downloaded chart: letters, digits and dashes. */
export function chartFileName(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'chart'}.png`;
}
