import type { BackupReason } from '../../contract/backup-contract.ts';
import type { BackupRotation } from '../../contract/settings-contract.ts';
import { localDate } from '../../../scales/review-rules/local-date.ts';

export interface RotatedBackup {
  name: string;
  reason: BackupReason;
  createdAt: Date;
}

/**
 * The backups a rotation keeps; the rest may be deleted. Why this policy:
 * - Daily backups follow grandfather-father-son, with the semantics of restic's `forget --keep-daily 7
 *   --keep-weekly 4 --keep-monthly 12`: for each of the last N days (ISO weeks, months) that has a daily backup,
 *   the newest one of that day (week, month) is kept, and a backup kept by any rule stays. With the defaults that
 *   is at most 7 + 4 + 12 files, yet a mistake noticed a year later can still be undone to within a month.
 * - Event backups (before an import, a migration or a restore, and manual ones) are kept per kind, the newest
 *   keepPerEvent of each, so a day of many imports cannot push out the daily history nor the one pre-migration
 *   copy an older app version could still open.
 * Days, weeks and months are the user's local calendar (the app's clock), as "daily" means to the user.
 */
export function backupsToKeep(backups: readonly RotatedBackup[], policy: BackupRotation): Set<string> {
  const keep = new Set<string>();
  // A stable sort: backups of the same second keep the caller's order (listBackups: newest first).
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const daily = newestFirst.filter((b) => b.reason === 'daily');
  for (const [count, period] of [[policy.keepDaily, (date: Date) => localDate(date)], [policy.keepWeekly, isoWeek], [policy.keepMonthly, localMonth]] as const) {
    const seen = new Set<string>();
    for (const backup of daily) {
      if (seen.size >= count) break;
      const key = period(backup.createdAt);
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(backup.name);
    }
  }
  for (const reason of ['migration', 'import', 'manual', 'before-restore'] as const) {
    for (const backup of newestFirst.filter((b) => b.reason === reason).slice(0, policy.keepPerEvent)) keep.add(backup.name);
  }
  return keep;
}

const pad = (n: number) => String(n).padStart(2, '0');


const localMonth = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;

/** ISO 8601 week of the local date, 2026-W48: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}
