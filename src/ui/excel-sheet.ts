/**
 * Writing a planner's status or notitie from the list into the Meekoppelkansen table: the one
 * office-js call the pane needs that src/excel has no function for (selection and events it has).
 */
import type { RawTable } from '../core/types';
import { normaliseHeader } from '../core/werkboek/headers';
import { columnLetters } from '../file/cell-ref';

/** Which Excel row holds which id, for one table as read. */
export interface RijIndex {
  table: RawTable;
  /** id → Excel row number */
  rijVan: Map<string, number>;
}

/**
 * Indexes a table's rows by the values of its `id` column (or the first of `aliases`).
 *
 * @example
 * rijIndex(raw.meekoppelkansen!, ['id']).rijVan.get('MK-W1-W2'); // 5
 */
export function rijIndex(table: RawTable, aliases: string[]): RijIndex {
  const col = table.headers.findIndex((h) => aliases.includes(normaliseHeader(h)));
  const rijVan = new Map<string, number>();
  if (col >= 0) {
    table.rows.forEach((row, i) => {
      const v = row[col];
      if (v === null || typeof v === 'object' || v === '') return;
      rijVan.set(String(v).trim(), table.headerRow + 1 + i);
    });
  }
  return { table, rijVan };
}

/** Writes one cell of a table row, by header; false when the table has no such column. */
export async function writeCell(table: RawTable, rij: number, header: string, value: string): Promise<boolean> {
  const i = table.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
  if (i < 0) return false;
  await Excel.run(async (context) => {
    const address = `${columnLetters(table.firstColumn + i)}${rij}`;
    context.workbook.worksheets.getItem(table.sheet).getRange(address).values = [[value]];
    await context.sync();
  });
  return true;
}
