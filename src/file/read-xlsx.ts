/**
 * Reads the werkboek tables out of an .xlsx file (page and CLI; inside Excel the office-js adapter
 * does this). Tables (ListObjects) come first; a sheet of the same name is the fallback, its used
 * range with the first row as header. Cells become `CellValue`s exactly as office-js delivers them.
 *
 * No node APIs here: the page runs this too, and loads exceljs only when a file is opened.
 */
import type { Workbook, Worksheet, CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue, RawTable, RawWerkboek } from '../core/types';
import { TABLES, WERKBOEK_ROLES } from '../core/werkboek/columns';
import { normaliseHeader } from '../core/werkboek/headers';
import { decodeRef, type CellRange } from './cell-ref';

/** Excel day 0 is 1899-12-30 in the 1900 date system (the leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

// one name rule for every host: the core's (case, spaces, punctuation, accents, a `tbl` prefix)
export { sameName } from '../core/werkboek/headers';

/** a table or sheet name as the core's rule compares it, with Excel's habitual `tbl` prefix dropped */
function nameKey(name: string): string {
  return normaliseHeader(name).replace(/^tbl/, '');
}

/**
 * Reads the werkboek tables of an .xlsx file. A table that is not there is left `undefined`.
 * Rejects (with a Dutch message) only when the bytes are not an .xlsx file at all.
 *
 * @example
 * const raw = await readXlsx(fs.readFileSync('koppelkaart-demo-utrecht.xlsx'));
 * raw.werken?.headers; // ['id', 'categorie', ...]
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<RawWerkboek> {
  const workbook = await loadWorkbook(data);
  const result: RawWerkboek = {};
  for (const [role, tableName] of WERKBOEK_ROLES) {
    const def = TABLES[tableName];
    const table = findTable(workbook, [def.name, ...def.aliases]);
    if (table) result[role] = table;
  }
  return result;
}

/**
 * Loads the bytes with exceljs (imported on demand so the page loads it lazily).
 *
 * @example
 * const wb = await loadWorkbook(bytes); wb.worksheets.length;
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const ExcelJS = await import('exceljs');
  // the commonjs build puts the classes on default when imported from an ES module
  const Ctor = (ExcelJS as unknown as { Workbook?: typeof ExcelJS.Workbook }).Workbook
    ?? (ExcelJS as unknown as { default: typeof ExcelJS }).default.Workbook;
  const workbook = new Ctor();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    // exceljs types ask for a node Buffer; JSZip underneath takes any Uint8Array
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new Error(`Dit bestand is geen leesbaar Excel-bestand (.xlsx): ${(err as Error).message}`);
  }
  return workbook;
}

/**
 * Finds a table by one of its names: first an Excel table on any sheet, then a sheet's used range.
 *
 * @example
 * findTable(workbook, ['Werken', 'werk'])?.rows.length;
 */
export function findTable(workbook: Workbook, names: readonly string[]): RawTable | undefined {
  const keys = names.map(nameKey);
  for (const sheet of workbook.worksheets) {
    for (const table of sheetTables(sheet)) {
      if (keys.includes(nameKey(table.name))) return readTableRange(sheet, table.name, table.range, table.headerRows, table.totalsRows);
    }
  }
  for (const sheet of workbook.worksheets) {
    if (keys.includes(nameKey(sheet.name))) return readUsedRange(sheet);
  }
  return undefined;
}

interface TableInfo {
  name: string;
  range: CellRange;
  headerRows: number;
  totalsRows: number;
}

/** the Excel tables of a sheet as exceljs 4.4 gives them after load (`ws.tables`, a map by name) */
function sheetTables(sheet: Worksheet): TableInfo[] {
  const tables = (sheet as unknown as { tables?: Record<string, { table?: LoadedTable }> }).tables ?? {};
  const result: TableInfo[] = [];
  for (const entry of Object.values(tables)) {
    const model = entry.table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model || !ref) continue;
    result.push({
      name: model.name ?? model.displayName ?? '',
      range: decodeRef(ref),
      // exceljs reads a missing headerRowCount as "no header", but Excel's default (and the werkboek's need) is one
      headerRows: 1,
      totalsRows: model.totalsRow ? 1 : 0,
    });
  }
  return result;
}

/** the fields of exceljs's table model that a loaded file fills */
interface LoadedTable {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  totalsRow?: boolean;
}

function readTableRange(sheet: Worksheet, name: string, range: CellRange, headerRows: number, totalsRows: number): RawTable {
  const width = range.right - range.left + 1;
  const headers = headerRows
    ? rowValues(sheet, range.top, range.left, width).map(headerText)
    : Array.from({ length: width }, (_, i) => `Kolom${i + 1}`);
  const rows: CellValue[][] = [];
  for (let r = range.top + headerRows; r <= range.bottom - totalsRows; r++) rows.push(rowValues(sheet, r, range.left, width));
  return { name, sheet: sheet.name, headerRow: range.top, firstColumn: range.left, headers, rows, isTable: true };
}

/** a sheet without a table: the cells that hold something, the first such row as header */
function readUsedRange(sheet: Worksheet): RawTable {
  let top = Infinity, bottom = 0, left = Infinity, right = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (toCellValue(cell.value) === null) return;
      top = Math.min(top, r); bottom = Math.max(bottom, r);
      left = Math.min(left, c); right = Math.max(right, c);
    });
  });
  if (bottom === 0) return { name: sheet.name, sheet: sheet.name, headerRow: 1, firstColumn: 1, headers: [], rows: [], isTable: false };
  const width = right - left + 1;
  const headers = rowValues(sheet, top, left, width).map(headerText);
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r++) rows.push(rowValues(sheet, r, left, width));
  return { name: sheet.name, sheet: sheet.name, headerRow: top, firstColumn: left, headers, rows, isTable: false };
}

function rowValues(sheet: Worksheet, r: number, left: number, width: number): CellValue[] {
  const row = sheet.getRow(r);
  const values: CellValue[] = [];
  for (let c = left; c < left + width; c++) values.push(toCellValue(row.getCell(c).value));
  return values;
}

function headerText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return String(value);
}

/**
 * One exceljs cell value as office-js would deliver it: dates as Excel serials, formulas as their
 * cached result, rich text and hyperlinks as their text, errors as `{ error }`, empty as null.
 *
 * @example
 * toCellValue(new Date(Date.UTC(2027, 2, 1))); // 46447
 * toCellValue({ formula: 'NA()', result: { error: '#N/A' } }); // { error: '#N/A' }
 */
export function toCellValue(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value !== 'object') return String(value);
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v && Array.isArray(v.richText)) return nonEmpty(v.richText.map((part: { text?: string }) => part.text ?? '').join(''));
  if ('formula' in v || 'sharedFormula' in v) return toCellValue(v.result as ExcelCellValue | undefined);
  if ('hyperlink' in v) return toCellValue((v.text ?? v.hyperlink) as ExcelCellValue);
  if ('text' in v) return toCellValue(v.text as ExcelCellValue);
  return null;
}

function nonEmpty(text: string): CellValue {
  return text === '' ? null : text;
}

/** exceljs turns date-formatted serials into UTC Dates (also in 1904 workbooks); this turns them back in the 1900 system */
function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}
