// Shares and counts are printed the same way on the site page, so they live in the kit.
export { formatCount, formatPercent } from '../i18n/number-format.ts';

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
