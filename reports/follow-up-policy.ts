/**
 * When a site acts on a review. The interval is a value here, not wording in the message files or a number in the
 * layout: the site sends an action plan within about six weeks of receiving the report. When it is reviewed again
 * is a review rule (scales/review-rules/follow-up.ts: followUpMonths, goalReached), not restated here.
 */
export const FOLLOW_UP_POLICY = {
  actionPlanWeeks: 6,
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
