/** Choropleth classes for a numeric Buurten column: quantile breaks, a colour per class. Pure. */
import type { CellValue } from '../core/types';
import { cellToNumber, isEmptyCell } from '../core/werkboek/cells';

/** ColorBrewer YlGnBu, readable for the common forms of colour blindness */
export const CHOROPLETH_KLEUREN = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
export const GEEN_WAARDE_KLEUR = '#e1dfdd';

/** One class: values in [van, tot] get `kleur`. */
export interface Klasse {
  van: number;
  tot: number;
  kleur: string;
}

/** A number from a cell (numbers and numeric text, read the Dutch way by the werkboek model), or null. */
export function numberOf(v: CellValue | undefined): number | null {
  if (isEmptyCell(v)) return null;
  const n = cellToNumber(v);
  return n.ok ? n.value : null;
}

/**
 * Quantile classes over the values; fewer classes when there are fewer distinct values.
 *
 * @example
 * quantileKlassen([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5).map((k) => [k.van, k.tot]);
 * // [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]
 */
export function quantileKlassen(values: readonly number[], count = CHOROPLETH_KLEUREN.length): Klasse[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = new Set(sorted).size;
  const n = Math.max(1, Math.min(count, distinct, CHOROPLETH_KLEUREN.length));
  const klassen: Klasse[] = [];
  let from = 0;
  for (let i = 0; i < n && from < sorted.length; i++) {
    let to = Math.max(from, Math.round(((i + 1) * sorted.length) / n) - 1);
    // equal values belong to one class
    while (to + 1 < sorted.length && sorted[to + 1] === sorted[to]) to++;
    klassen.push({ van: sorted[from], tot: sorted[to], kleur: '' });
    from = to + 1;
  }
  // spread the palette over the classes that came out
  const step = klassen.length > 1 ? (CHOROPLETH_KLEUREN.length - 1) / (klassen.length - 1) : 0;
  return klassen.map((k, i) => ({ ...k, kleur: CHOROPLETH_KLEUREN[Math.round(i * step)] }));
}

/** The colour of a value under a set of classes. */
export function kleurVoor(v: number | null, klassen: readonly Klasse[]): string {
  if (v === null || klassen.length === 0) return GEEN_WAARDE_KLEUR;
  for (const k of klassen) if (v <= k.tot) return k.kleur;
  return klassen[klassen.length - 1].kleur;
}

/** The Buurten columns that hold at least one number, except the id-like ones. */
export function numericColumns(rows: readonly Record<string, CellValue>[]): string[] {
  const cols = new Set<string>();
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (numberOf(v) !== null) cols.add(k);
  return [...cols].filter((c) => !/code$/i.test(c)).sort((a, b) => a.localeCompare(b, 'nl'));
}
