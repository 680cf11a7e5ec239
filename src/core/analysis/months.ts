/**
 * Calendar arithmetic on `Day` numbers, as PostgreSQL's `date + interval 'N months'` does it.
 */
import type { Day } from '../types';

const MS_PER_DAY = 86400000;

/**
 * The day N calendar months later; a day that does not exist in the target month becomes that
 * month's last day (31 Jan + 1 month = 28 or 29 Feb).
 *
 * @example
 * addMonths(Date.UTC(2025, 0, 31) / 86400000, 1) === Date.UTC(2025, 1, 28) / 86400000; // true
 */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + months, dom = d.getUTCDate();
  // day 0 of the month after is the last day of the target month
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(dom, last)) / MS_PER_DAY;
}

/**
 * Days between two periods: 0 when they overlap or touch, else the gap in days.
 *
 * @example
 * gapDays(0, 10, 15, 20); // 5
 */
export function gapDays(startA: Day, eindA: Day, startB: Day, eindB: Day): number {
  return Math.max(0, startB - eindA, startA - eindB);
}
