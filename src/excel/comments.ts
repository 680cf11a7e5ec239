/**
 * Which rows of the Meekoppelkansen table carry a planner's comment. A comment is planner input
 * (werkboek.md): the merge keeps such a pair as `vervallen` when it no longer qualifies, instead of
 * deleting its row, which in Excel deletes the comment with it.
 */
import { normaliseHeader } from '../core/werkboek/headers';
import { cellToText } from '../core/werkboek/cells';
import type { ExcelRawTable } from './read';
import { parseAddress } from './selection';

const sheetOf = (address: string): string => address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'");

/**
 * The pair ids of `table`'s data rows that have a comment on any of their cells, in two syncs.
 * Empty when the table is absent or the host has no comments API (ExcelApi 1.10).
 *
 * @example
 * const metOpmerking = await commentedPairIds(context, now.get('Meekoppelkansen'));
 */
export async function commentedPairIds(context: Excel.RequestContext, table: ExcelRawTable | undefined): Promise<Set<string>> {
  const ids = new Set<string>();
  // on an older host loading comments would fail the whole write: without the API there is nothing to keep
  if (!table || !Office.context.requirements.isSetSupported('ExcelApi', '1.10')) return ids;
  const comments = context.workbook.comments;
  comments.load('items');
  await context.sync();
  if (comments.items.length === 0) return ids;
  const places = comments.items.map((c) => c.getLocation().load('address'));
  await context.sync();
  const idCol = table.headers.findIndex((h) => normaliseHeader(h) === 'id');
  if (idCol < 0) return ids;
  const top = table.headerRow, left = table.firstColumn - 1;
  for (const place of places) {
    const at = parseAddress(place.address);
    if (!at || sheetOf(place.address) !== table.sheet) continue;
    // 0-based sheet row minus the header row (1-based) is the data row index
    const r = at.row - top;
    if (r < 0 || r >= table.rows.length || at.col < left || at.col >= left + table.headers.length) continue;
    const id = cellToText(table.rows[r][idCol] ?? null);
    if (id.ok && id.value !== '') ids.add(id.value);
  }
  return ids;
}
