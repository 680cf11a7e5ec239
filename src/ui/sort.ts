/** Sorting the list of meekoppelkansen. Pure. */
import type { KaartPaar } from './model';

export type PaarSortering = 'overlap' | 'start' | 'buurt';

export const SORTERINGEN: { key: PaarSortering; label: string }[] = [
  { key: 'overlap', label: 'Grootste overlap' },
  { key: 'start', label: 'Vroegste start' },
  { key: 'buurt', label: 'Buurt' },
];

/** point pairs have no measure: they sort after every line or area pair */
function overlapKey(p: KaartPaar): number {
  return p.eenheid === 'punt' ? -1 : p.overlap;
}

const BY: Record<PaarSortering, (a: KaartPaar, b: KaartPaar) => number> = {
  overlap: (a, b) => overlapKey(b) - overlapKey(a),
  start: (a, b) => a.start - b.start,
  buurt: (a, b) => (a.buurten[0] ?? '\uffff').localeCompare(b.buurten[0] ?? '\uffff', 'nl'),
};

/**
 * A sorted copy of the pairs; ties fall back to the pair id, so the order is stable across runs.
 *
 * @example
 * sortParen(paren, 'overlap')[0]; // the pair with the longest shared stretch
 */
export function sortParen(paren: readonly KaartPaar[], by: PaarSortering): KaartPaar[] {
  const cmp = BY[by];
  return [...paren].sort((a, b) => cmp(a, b) || a.id.localeCompare(b.id));
}
