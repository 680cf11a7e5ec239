/**
 * The one column the add-in writes in the planner's Werken table: `meekoppelkansen`, the ids of each
 * work's meekoppelkansen. Existing cells are updated in place; a missing column is added right of
 * the table, but only when those cells are empty: what a planner typed is never overwritten.
 */
import type { RawTable, RowProblem } from '../core/types';
import { columnLetters, decodeRef, encodeRef, type CellRange } from './cell-ref';
import { sameName } from './read-xlsx';
import { dropCalcChain } from './output-table';
import type { SheetEditor } from './sheet-editor';
import type { XlsxPackage } from './xlsx-package';
import { childElements, createElement, firstChild, root } from './xml';

export const WERKEN_COLUMN = 'meekoppelkansen';

/** What goes into the Werken table's meekoppelkansen column. */
export interface WerkenKolom {
  /** the Werken table as read (its place and size) */
  table: RawTable;
  /** the column's text per Excel row of a work; rows not in the map are emptied */
  values: ReadonlyMap<number, string>;
}

/**
 * Writes the column; returns a problem (and writes nothing) when it cannot be placed.
 *
 * @example
 * await writeWerkenColumn(pkg, { table: raw.werken, values: new Map([[5, 'MK-W1-W2']]) });
 */
export async function writeWerkenColumn(pkg: XlsxPackage, kolom: WerkenKolom): Promise<RowProblem[]> {
  const { table } = kolom;
  const sheetRef = (await pkg.sheets()).find((s) => s.name === table.sheet);
  if (!sheetRef) return [placeProblem(table, `Het werkblad '${table.sheet}' met de tabel Werken is niet gevonden; de kolom ${WERKEN_COLUMN} is niet bijgewerkt.`)];
  const tables = (await pkg.tables()).filter((t) => t.sheet.path === sheetRef.path);
  const own = table.isTable ? tables.find((t) => sameName(t.name, table.name)) : undefined;
  const range: CellRange = own
    ? { ...own.range, bottom: own.range.bottom - own.totalsRows }
    : { top: table.headerRow, left: table.firstColumn, bottom: table.headerRow + table.rows.length, right: table.firstColumn + table.headers.length - 1 };
  const sheet = await pkg.sheet(sheetRef.path);
  const index = table.headers.findIndex((h) => sameName(h, WERKEN_COLUMN));
  let column = range.left + index;
  if (index < 0) {
    column = range.right + 1;
    const others = tables.filter((t) => t !== own).map((t) => t.range);
    if (!columnIsFree(sheet, others, column, range.top, own ? own.range.bottom : range.bottom)) {
      return [placeProblem(table,
        `De kolom ${WERKEN_COLUMN} ontbreekt en kolom ${columnLetters(column)} rechts naast de tabel is niet leeg. `
        + `Maak die kolom leeg of voeg zelf een kolom '${WERKEN_COLUMN}' aan de tabel toe; de meekoppelkansen staan wel op hun eigen werkblad.`)];
    }
    sheet.setValue(range.top, column, WERKEN_COLUMN, sheet.styleOf(range.top, range.right));
    if (own) await widenTable(pkg, own.path);
  }
  for (let r = range.top + 1; r <= range.bottom; r++) sheet.setValue(r, column, kolom.values.get(r) || null);
  sheet.finish();
  pkg.touch(sheetRef.path);
  if (sheet.removedFormula) await dropCalcChain(pkg);
  return [];
}

/** no value in the column over these rows, and no other table reaching into it */
function columnIsFree(sheet: SheetEditor, others: CellRange[], column: number, top: number, bottom: number): boolean {
  if (others.some((o) => o.left <= column && column <= o.right && o.top <= bottom && top <= o.bottom)) return false;
  for (let r = top; r <= bottom; r++) if (sheet.hasValue(r, column)) return false;
  return true;
}

/** one more column in the table part: ref, autoFilter and tableColumns */
async function widenTable(pkg: XlsxPackage, path: string): Promise<void> {
  const doc = await pkg.xml(path);
  const table = root(doc);
  const widen = (ref: string) => {
    const r = decodeRef(ref);
    return encodeRef({ ...r, right: r.right + 1 });
  };
  table.setAttribute('ref', widen(table.getAttribute('ref') ?? ''));
  const autoFilter = firstChild(table, 'autoFilter');
  if (autoFilter?.getAttribute('ref')) autoFilter.setAttribute('ref', widen(autoFilter.getAttribute('ref') as string));
  const columns = firstChild(table, 'tableColumns');
  if (!columns) throw new Error(`${path} has no <tableColumns>; the table part is not valid.`);
  const ids = childElements(columns, 'tableColumn').map((c) => Number(c.getAttribute('id')) || 0);
  const column = createElement(doc, 'tableColumn');
  column.setAttribute('id', String(Math.max(0, ...ids) + 1));
  column.setAttribute('name', WERKEN_COLUMN);
  columns.appendChild(column);
  columns.setAttribute('count', String(ids.length + 1));
  pkg.touch(path);
}

function placeProblem(table: RawTable, melding: string): RowProblem {
  return { tabel: table.name, rij: table.headerRow, kolom: WERKEN_COLUMN, waarde: '', melding, ernst: 'waarschuwing' };
}
