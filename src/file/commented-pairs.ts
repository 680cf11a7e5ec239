/**
 * A planner's comment on a row of Meekoppelkansen is planner input (werkboek.md): a pair that no
 * longer qualifies keeps its row, now `vervallen`, rather than being removed and leaving its
 * comment behind on whatever row closes up into its place. The merge decides what stays; this
 * tells it which pairs carry a comment in the file.
 */
import type { CellValue } from '../core/types';
import { cellToText } from '../core/werkboek/cells';
import { normaliseHeader } from '../core/werkboek/headers';
import { commentedCells } from './comments';
import { sameName } from './read-xlsx';
import { readTable } from './table-update';
import type { XlsxPackage } from './xlsx-package';

const idOf = (row: readonly CellValue[], column: number): string => {
  const text = cellToText(row[column] ?? null);
  return column >= 0 && text.ok ? text.value : '';
};

/**
 * The ids of the pairs whose row of the file's `tableName` table carries a note or threaded
 * comment (empty when there is no such table or comment), for `mergeMeekoppelkansen`'s `metOpmerking`.
 *
 * @example
 * mergeMeekoppelkansen(raw, pairs, werken, { metOpmerking: await commentedPairIds(pkg, 'Meekoppelkansen') });
 */
export async function commentedPairIds(pkg: XlsxPackage, tableName: string): Promise<Set<string>> {
  const existing = (await pkg.tables()).find((t) => sameName(t.name, tableName));
  if (!existing || existing.headerRows !== 1) return new Set();
  const { top, left, right } = existing.range;
  const dataBottom = existing.range.bottom - existing.totalsRows;
  const rows = (await commentedCells(pkg, existing.sheet.path))
    .filter((c) => c.row > top && c.row <= dataBottom && c.column >= left && c.column <= right)
    .map((c) => c.row - top - 1);
  if (rows.length === 0) return new Set();
  const old = await readTable(pkg, existing);
  const idCol = old.headers.findIndex((h) => normaliseHeader(h) === 'id');
  return new Set(rows.map((j) => idOf(old.rows[j] ?? [], idCol)).filter((id) => id !== ''));
}
