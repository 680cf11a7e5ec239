/** Dutch display of days, numbers and overlaps. */
import type { Day, Eenheid } from '../core/types';

const MS_PER_DAY = 86_400_000;

/** `20454` → `1-1-2026` (Dutch day-month-year, no leading zeros). */
export function formatDay(day: Day): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;
}

/** The calendar year a day falls in. */
export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The first day of a calendar year. */
export function firstDayOfYear(year: number): Day {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** `31.456, 'm'` → `31,5 m`; a point pair has no measure. */
export function formatOverlap(overlap: number, eenheid: Eenheid): string {
  if (eenheid === 'punt') return 'punt';
  const n = overlap.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return eenheid === 'm2' ? `${n} m²` : `${n} m`;
}

/** A cell value as plain text for popups. */
export function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'error' in (v as object)) return String((v as { error: string }).error);
  if (typeof v === 'number') return v.toLocaleString('nl-NL');
  return String(v);
}
