/**
 * Adds and removes data rows of one planner table (Werken, Buurten) in an .xlsx package, for the
 * imports: the remaining rows close up in their order, new rows follow, new columns are added
 * to the right. Cells outside the table and every other part stay as they were.
 */
import type { CellValue, RawTable, RowProblem } from '../core/types';
import { columnLetters, type CellRange } from './cell-ref';
import { dropCalcChain, writeOutputTable } from './output-table';
import { sameName } from './read-xlsx';
import type { SheetEditor } from './sheet-editor';
import { resizeTablePart } from './table-update';
import type { CellFormat } from './styles';
import type { XlsxPackage } from './xlsx-package';

/** The change to one table. */
export interface TableRowsEdit {
  /** the table as read (`readXlsx`), or undefined to create it as a new table on a sheet of its own */
  table: RawTable | undefined;
  /** name of a table to create */
  name: string;
  /** the header row after the edit: the table's own headers first, in order, then new columns */
  headers: string[];
  /** Excel rows of the table to remove */
  remove: readonly number[];
  /** rows to add at the end, in `headers` order */
  append: readonly CellValue[][];
  /** number format by header for the added cells */
  formats?: Readonly<Record<string, CellFormat>>;
}

/**
 * Applies the edit; returns problems (nothing written) when the table cannot grow into the
 * cells below or beside it, and notices.
 *
 * @example
 * await writeTableRows(pkg, { table: raw.werken, name: 'Werken', headers, remove: [5, 6], append: rows }, xf);
 */
export async function writeTableRows(pkg: XlsxPackage, edit: TableRowsEdit, xf: Record<CellFormat, number>): Promise<{ problems: RowProblem[]; notices: string[] }> {
  if (!edit.table) {
    const rows = edit.append.map((r) => [...r]);
    return { problems: [], notices: await writeOutputTable(pkg, { name: edit.name, headers: edit.headers, rows, formats: edit.formats }, xf) };
  }
  const table = edit.table;
  const sheetRef = (await pkg.sheets()).find((s) => s.name === table.sheet);
  if (!sheetRef) return { problems: [tableProblem(table, `Het werkblad '${table.sheet}' is niet gevonden; er is niets ingevoegd.`)], notices: [] };
  const tables = (await pkg.tables()).filter((t) => t.sheet.path === sheetRef.path);
  const own = table.isTable ? tables.find((t) => sameName(t.name, table.name)) : undefined;
  const totals = own?.totalsRows ?? 0;
  const region: CellRange = own
    ? own.range
    : { top: table.headerRow, left: table.firstColumn, bottom: table.headerRow + Math.max(1, table.rows.length), right: table.firstColumn + table.headers.length - 1 };
  const sheet = await pkg.sheet(sheetRef.path);
  const plan = layoutRows(sheet, region, totals, edit);
  const blocked = blockedCell(sheet, tables.filter((t) => t !== own).map((t) => t.range), region, plan.bottom, plan.right);
  if (blocked) return { problems: [tableProblem(table, `De tabel ${table.name} kan niet groeien: cel ${blocked} naast of onder de tabel is niet leeg. Maak ruimte of verplaats wat daar staat; er is niets ingevoegd.`)], notices: [] };

  const template = Array.from({ length: plan.right - region.left + 1 }, (_, i) => sheet.styleOf(region.top + 1, region.left + i));
  plan.kept.forEach((r, i) => sheet.moveCells(r, region.top + 1 + i, region.left, region.right));
  const firstNew = region.top + 1 + plan.kept.length;
  const dataBottom = region.bottom - totals;
  if (firstNew <= dataBottom) sheet.clearRange({ top: firstNew, bottom: dataBottom, left: region.left, right: region.right });
  if (totals) sheet.moveCells(region.bottom, plan.bottom, region.left, region.right);
  edit.headers.forEach((h, i) => { if (region.left + i > region.right) sheet.setValue(region.top, region.left + i, h, sheet.styleOf(region.top, region.right)); });
  const styles = edit.headers.map((h, i) => (edit.formats?.[h] ? xf[edit.formats[h]] || undefined : template[i]));
  sheet.writeRows(firstNew, region.left, edit.append, styles);
  sheet.finish();
  pkg.touch(sheetRef.path);
  if (sheet.removedFormula) await dropCalcChain(pkg);
  if (own) await resizeTablePart(pkg, own, { ...region, bottom: plan.bottom, right: plan.right }, plan.bottom - totals, edit.headers);
  const notices = sheet.removedFormula ? [`Formules in verschoven rijen van ${table.name} zijn vervangen door hun waarde.`] : [];
  return { problems: [], notices };
}

/** which rows stay (in order), and the table's new bottom and right */
function layoutRows(sheet: SheetEditor, region: CellRange, totals: number, edit: TableRowsEdit): { kept: number[]; bottom: number; right: number } {
  const removed = new Set(edit.remove);
  const kept: number[] = [];
  for (let r = region.top + 1; r <= region.bottom - totals; r++) if (!removed.has(r)) kept.push(r);
  // blank rows at the end (a new table's empty row) make way for the new ones
  const blank = (r: number) => Array.from({ length: region.right - region.left + 1 }, (_, i) => region.left + i).every((c) => !sheet.hasValue(r, c));
  while (kept.length > 0 && blank(kept[kept.length - 1])) kept.pop();
  const count = Math.max(1, kept.length + edit.append.length);
  return { kept, bottom: region.top + count + totals, right: Math.max(region.right, region.left + edit.headers.length - 1) };
}

/** the first cell the grown table would cover that holds a value or belongs to another table */
function blockedCell(sheet: SheetEditor, others: CellRange[], region: CellRange, bottom: number, right: number): string | undefined {
  const fresh = (r: number, c: number) => r > region.bottom || c > region.right;
  for (let r = region.top; r <= bottom; r++) {
    for (let c = region.left; c <= right; c++) {
      if (!fresh(r, c)) continue;
      const taken = sheet.hasValue(r, c) || others.some((o) => o.top <= r && r <= o.bottom && o.left <= c && c <= o.right);
      if (taken) return `${columnLetters(c)}${r}`;
    }
  }
  return undefined;
}

function tableProblem(table: RawTable, melding: string): RowProblem {
  return { tabel: table.name, rij: table.headerRow, kolom: '', waarde: '', melding, ernst: 'fout' };
}
