/**
 * A planner's comment on a row of Meekoppelkansen is planner input (werkboek.md): a pair that no
 * longer qualifies keeps its row, now `vervallen`, rather than being removed and leaving its
 * comment behind on whatever row closes up into its place. The merge decides what stays; this
 * tells it which pairs carry a comment in the file and puts the rows it keeps back in their place.
 */
import type { CellValue } from '../core/types';
import { cellToText } from '../core/werkboek/cells';
import { normaliseHeader } from '../core/werkboek/headers';
import { mergeMeekoppelkansen } from '../core/werkboek/meekoppelkansen';
import { commentedCells } from './comments';
import { sameName } from './read-xlsx';
import { readTable } from './table-update';
import type { XlsxPackage } from './xlsx-package';

/** A table's content: header and rows. */
interface Content {
  headers: string[];
  rows: CellValue[][];
}

const idOf = (row: readonly CellValue[], column: number): string => {
  const text = cellToText(row[column] ?? null);
  return column >= 0 && text.ok ? text.value : '';
};

/**
 * The merged Meekoppelkansen rows with every pair the file's table has a comment on kept: a
 * commented pair missing from `table` (the merge removed it for want of planner input) comes back
 * as the merge keeps a pair with a note, `vervallen`, right after the row that preceded it.
 * Returns `table` itself when nothing is missing, or when its columns are not the existing table's.
 *
 * @example
 * const rows = (await keepCommentedPairs(pkg, 'Meekoppelkansen', merged)).rows;
 */
export async function keepCommentedPairs(pkg: XlsxPackage, tableName: string, table: Content): Promise<Content> {
  const existing = (await pkg.tables()).find((t) => sameName(t.name, tableName));
  if (!existing || existing.headerRows !== 1) return table;
  const { top, left, right } = existing.range;
  const dataBottom = existing.range.bottom - existing.totalsRows;
  const rowsWithComment = new Set((await commentedCells(pkg, existing.sheet.path))
    .filter((c) => c.row > top && c.row <= dataBottom && c.column >= left && c.column <= right)
    .map((c) => c.row - top - 1));
  if (rowsWithComment.size === 0) return table;
  const old = await readTable(pkg, existing);
  const idCol = old.headers.findIndex((h) => normaliseHeader(h) === 'id');
  const newIdCol = table.headers.findIndex((h) => normaliseHeader(h) === 'id');
  const present = new Set(table.rows.map((r) => idOf(r, newIdCol)));
  const missing = new Set([...rowsWithComment].map((j) => idOf(old.rows[j] ?? [], idCol)).filter((id) => id !== '' && !present.has(id)));
  if (missing.size === 0) return table;
  // the merge itself decides what a kept row holds (status vervallen, vorige_status)
  const raw = { name: tableName, sheet: existing.sheet.name, headerRow: top, firstColumn: left, isTable: true, ...old };
  const expired = mergeMeekoppelkansen(raw, [], [], { metOpmerking: missing });
  const sameColumns = expired.headers.length === table.headers.length
    && expired.headers.every((h, i) => normaliseHeader(h) === normaliseHeader(table.headers[i]));
  if (!sameColumns) return table;
  const kept = new Map(expired.rows.map((r) => [idOf(r, newIdCol), r] as const).filter(([id]) => missing.has(id)));
  return { headers: table.headers, rows: withKept(table.rows, old.rows.map((r) => idOf(r, idCol)), kept, newIdCol) };
}

// each kept row goes right after the nearest earlier row of the old table that is still there
function withKept(rows: CellValue[][], oldIds: string[], kept: ReadonlyMap<string, CellValue[]>, idCol: number): CellValue[][] {
  const out = [...rows];
  const left = new Map(kept);
  oldIds.forEach((id, j) => {
    const row = left.get(id);
    if (!row) return;
    left.delete(id);
    let at = 0;
    for (let k = j - 1; k >= 0; k--) {
      const i = out.findIndex((r) => idOf(r, idCol) === oldIds[k] && oldIds[k] !== '');
      if (i >= 0) { at = i + 1; break; }
    }
    out.splice(at, 0, row);
  });
  return out;
}
