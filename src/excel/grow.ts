/**
 * Growing a table by `rows.add`: office-js documents it as adding table rows at the end of the
 * data rows, the rows below shifted down. So a totals row (Totaalrij) stays below the data and a
 * planner's cells below the table move down, as when they insert rows themselves; `resize` would
 * take those cells into the table (to be written over) and says nothing about a totals row.
 */
import { type WritePiece, chunkRows } from './batch';

/**
 * Pieces that add `count` empty data rows at the end of the table `table` (`width` columns wide,
 * its whole width), above a totals row, each piece within `maxBytes`. Queue them before anything
 * that writes to the new rows.
 */
export function addTableRows(table: string, count: number, width: number, maxBytes: number): WritePiece[] {
  if (count <= 0) return [];
  const blank = Array.from({ length: count }, () => new Array<string>(width).fill(''));
  return chunkRows(blank, maxBytes).map((chunk) => ({
    bytes: chunk.bytes,
    queue: (context: Excel.RequestContext) => {
      context.workbook.tables.getItem(table).rows.add(undefined, chunk.rows);
    },
  }));
}
