/**
 * The geometry of a pair's small timeline: two bars on a time axis and the gap or overlap
 * between them marked. Pure: numbers in, coordinates out; the DOM part only draws them.
 */
import type { Day } from '../core/types';
import { firstDayOfYear, yearOf } from './format';

export interface Periode {
  start: Day;
  eind: Day;
}

export interface TijdlijnBalk {
  x: number;
  width: number;
}

export interface Tijdlijn {
  a: TijdlijnBalk;
  b: TijdlijnBalk;
  /** the span between the bars: a gap (`tussen`) or a shared period (`overlap`) */
  marker: { soort: 'tussen' | 'overlap'; x: number; width: number; dagen: number };
  /** year ticks on the axis */
  ticks: { x: number; jaar: number }[];
}

/**
 * Lays out two periods on an axis `width` units wide, from the first of January before the earlier
 * start to the first of January after the later end.
 *
 * @example
 * const t = tijdlijn({ start: 19723, eind: 20088 }, { start: 20454, eind: 20819 }, 300);
 * t.marker.soort; // 'tussen': the second work starts after the first ends
 */
export function tijdlijn(a: Periode, b: Periode, width: number): Tijdlijn {
  if (a.eind < a.start || b.eind < b.start) throw new Error('tijdlijn: eind must not lie before start; check the periods passed.');
  const from = firstDayOfYear(yearOf(Math.min(a.start, b.start)));
  const to = firstDayOfYear(yearOf(Math.max(a.eind, b.eind)) + 1);
  const scale = width / (to - from);
  const x = (d: Day) => (d - from) * scale;
  // a bar of one day still shows
  const bar = (p: Periode): TijdlijnBalk => ({ x: x(p.start), width: Math.max(2, x(p.eind + 1) - x(p.start)) });
  const overlapStart = Math.max(a.start, b.start);
  const overlapEind = Math.min(a.eind, b.eind);
  const marker =
    overlapStart <= overlapEind
      ? { soort: 'overlap' as const, x: x(overlapStart), width: x(overlapEind + 1) - x(overlapStart), dagen: overlapEind - overlapStart + 1 }
      : { soort: 'tussen' as const, x: x(overlapEind + 1), width: x(overlapStart) - x(overlapEind + 1), dagen: overlapStart - overlapEind - 1 };
  const ticks: { x: number; jaar: number }[] = [];
  for (let y = yearOf(from); firstDayOfYear(y) <= to; y++) ticks.push({ x: x(firstDayOfYear(y)), jaar: y });
  return { a: bar(a), b: bar(b), marker, ticks };
}
