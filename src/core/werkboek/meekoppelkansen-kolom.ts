/**
 * The `meekoppelkansen` column of Werken (each work's pair ids) and the summary of a merge that the
 * task pane shows.
 */
import type { CellValue, Meekoppelkans, RawTable, Werk } from '../types';
import { TABLES } from './columns';
import { mapHeaders } from './headers';
import type { MeekoppelkansenChanges } from './meekoppelkansen';

/** The header of the Werken column the add-in writes. */
export const WERKEN_KOLOM = 'meekoppelkansen';

/**
 * Each work's meekoppelkansen: pair ids, sorted, joined by `, `. Works without pairs are absent.
 *
 * @example
 * meekoppelkansenPerWerk([{ id: 'MK-W1-W2', werkA: 'W1', werkB: 'W2', ... }]).get('W2'); // 'MK-W1-W2'
 */
export function meekoppelkansenPerWerk(pairs: readonly Meekoppelkans[]): Map<string, string> {
  const ids = new Map<string, string[]>();
  for (const pair of pairs) {
    for (const werk of [pair.werkA, pair.werkB]) ids.set(werk, [...(ids.get(werk) ?? []), pair.id]);
  }
  return new Map([...ids].map(([werk, list]) => [werk, [...new Set(list)].sort().join(', ')]));
}

/**
 * The text of the meekoppelkansen column per Excel row of a work (rows of works left out of the
 * analysis are absent: their cell is to be emptied, so no stale ids remain).
 *
 * @example
 * meekoppelkansenByRij(werkboek.werken, pairs).get(5); // 'MK-W1-W2, MK-W1-W7'
 */
export function meekoppelkansenByRij(werken: readonly Werk[], pairs: readonly Meekoppelkans[]): Map<number, string> {
  const perWerk = meekoppelkansenPerWerk(pairs);
  return new Map(werken.map((w) => [w.rij, perWerk.get(w.id) ?? '']));
}

/** Where and what to write in the Werken table's meekoppelkansen column. */
export interface WerkenKolomWrite {
  /** the column's index in the table, or undefined: add it right of the table's last column */
  columnIndex: number | undefined;
  header: string;
  /** one value per data row of the table, in order */
  values: CellValue[];
}

/**
 * The meekoppelkansen column of a Werken table, one cell per data row; a row that is not a work
 * of the analysis (left out, blank) gets ''.
 *
 * @example
 * const write = meekoppelkansenColumn(raw.werken, werkboek.werken, pairs);
 * write.columnIndex; // 9, or undefined when the column is to be added
 */
export function meekoppelkansenColumn(table: RawTable, werken: readonly Werk[], pairs: readonly Meekoppelkans[]): WerkenKolomWrite {
  const columnIndex = mapHeaders(table, TABLES.Werken).index.get(WERKEN_KOLOM);
  const byRij = meekoppelkansenByRij(werken, pairs);
  const values = table.rows.map((_, i) => byRij.get(table.headerRow + 1 + i) ?? '');
  return { columnIndex, header: columnIndex === undefined ? WERKEN_KOLOM : table.headers[columnIndex], values };
}

/**
 * A one-line Dutch summary of a merge, naming only what happened.
 *
 * @example
 * describeChanges({ added: 3, updated: 1, unchanged: 4, vervallen: 1, removed: 0, kept: 0 });
 * // '3 nieuw, 1 bijgewerkt, 4 ongewijzigd, 1 vervallen'
 */
export function describeChanges(changes: MeekoppelkansenChanges): string {
  const parts: [number, string][] = [
    [changes.added, 'nieuw'],
    [changes.updated, 'bijgewerkt'],
    [changes.unchanged, 'ongewijzigd'],
    [changes.vervallen, 'vervallen'],
    [changes.removed, 'verwijderd'],
    [changes.kept, changes.kept === 1 ? 'rij zonder id bewaard' : 'rijen zonder id bewaard'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`);
  return said.length > 0 ? said.join(', ') : 'geen meekoppelkansen';
}
