/**
 * The few office-js calls the task pane needs beyond reading and writing the werkboek (src/excel):
 * where rows are, selecting a row, writing one planner cell, and selection/change events.
 * A small adapter of its own because src/excel has none of these (yet).
 */
import type { RawTable } from '../core/types';
import { normaliseHeader } from '../core/werkboek/headers';
import { columnLetters } from '../file/cell-ref';

/** Which Excel row holds which id, for one table as read. */
export interface RijIndex {
  sheet: string;
  table: RawTable;
  /** id → Excel row number */
  rijVan: Map<string, number>;
  /** Excel row number → id */
  idOp: Map<number, string>;
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
  const idOp = new Map<number, string>();
  if (col >= 0) {
    table.rows.forEach((row, i) => {
      const v = row[col];
      if (v === null || typeof v === 'object' || v === '') return;
      const rij = table.headerRow + 1 + i;
      rijVan.set(String(v).trim(), rij);
      idOp.set(rij, String(v).trim());
    });
  }
  return { sheet: table.sheet, table, rijVan, idOp };
}

/** The first and last row number of an address like `A3:F3` or `Blad!B7`. */
export function rowsOf(address: string): [number, number] | null {
  const rows = [...address.replace(/^.*!/, '').matchAll(/[A-Z]+(\d+)/gi)].map((m) => Number(m[1]));
  return rows.length ? [Math.min(...rows), Math.max(...rows)] : null;
}

/** The columns of an address, as 1-based numbers: `H2:H9` → [8, 8]. */
export function columnsOf(address: string): [number, number] | null {
  const cols = [...address.replace(/^.*!/, '').matchAll(/([A-Z]+)\d*/gi)].map((m) =>
    [...m[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0));
  return cols.length ? [Math.min(...cols), Math.max(...cols)] : null;
}

/** The address of a table row from its first to its last column. */
export function rowAddress(table: RawTable, rij: number): string {
  const last = table.firstColumn + Math.max(1, table.headers.length) - 1;
  return `${columnLetters(table.firstColumn)}${rij}:${columnLetters(last)}${rij}`;
}

/** Selects a row of a table in Excel (the sheet becomes active). */
export async function selectRow(table: RawTable, rij: number): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(table.sheet);
    sheet.activate();
    sheet.getRange(rowAddress(table, rij)).select();
    await context.sync();
  });
}

/** Writes one cell of a table row, by header. */
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

/** Calls `fn` with the selected address whenever the selection on a sheet changes. */
export async function onSelection(sheet: string, fn: (address: string) => void): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).onSelectionChanged.add(async (e) => fn(e.address));
    await context.sync();
  });
}

/** Calls `fn` with the changed address whenever cells on a sheet change. */
export async function onChange(sheet: string, fn: (address: string) => void): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => fn(e.address));
    await context.sync();
  });
}
