/**
 * Growing a table that shows a totals row (Totaalrij). office-js documents `rows.add` as adding
 * table rows at the end of the data rows, the rows below (the totals row with them) shifted down;
 * of `resize` it says nothing about a totals row, so such a table grows by `rows.add` only.
 */
import { type WritePiece, chunkRows } from './batch';

/**
 * Pieces that add `count` empty data rows at the end of the table `table` (`width` columns wide),
 * above its totals row, each piece within `maxBytes`. Queue them before anything that writes to
 * the new rows.
 */
export function addRowsAboveTotals(table: string, count: number, width: number, maxBytes: number): WritePiece[] {
  if (count <= 0) return [];
  const blank = Array.from({ length: count }, () => new Array<string>(width).fill(''));
  return chunkRows(blank, maxBytes).map((chunk) => ({
    bytes: chunk.bytes,
    queue: (context: Excel.RequestContext) => {
      context.workbook.tables.getItem(table).rows.add(undefined, chunk.rows);
    },
  }));
}
