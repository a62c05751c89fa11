/**
 * When a site acts on a review and when it is reviewed again. The intervals are values here, not wording in the
 * message files or numbers in the layout: the site sends an action plan within about six weeks of receiving the
 * report; a site is reviewed again every 6 months until it reaches good fidelity, then yearly (the review cycle
 * agreed for this tool in issue 5, following the usual IPS fidelity review practice).
 */
export const FOLLOW_UP_POLICY = {
  actionPlanWeeks: 6,
  reReviewMonths: 6,
  reReviewMonthsAtGoodFidelity: 12,
  /** The scale band whose lower threshold counts as good fidelity (100 on IPS-25). */
  goodFidelityBand: 'good',
} as const;

/** `YYYY-MM-DD` plus whole months, the day clamped to the month's length (31.8. + 6 months = 28.2. or 29.2.). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoFromUtc(Date.UTC(year, month, Math.min(d, lastDay)));
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return isoFromUtc(Date.UTC(y, m - 1, d + days));
}

function isoFromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
