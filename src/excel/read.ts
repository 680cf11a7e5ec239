/**
 * Reading the werkboek out of the open workbook: the Excel tables by name (as planners name them:
 * case, spaces, underscores, accents and a `tbl` prefix ignored), else a sheet of that name with
 * its used range, first row as header.
 */
import type { CellValue, RawTable, RawWerkboek } from '../core/types';
import { WERKBOEK_ROLES, type TableName } from '../core/werkboek/columns';
import { matchTableName } from '../core/werkboek/headers';
import { type BatchOptions, DEFAULT_MAX_READ_CELLS } from './batch';
import { type Block, loadBlocks } from './blocks';


/** Where a werkboek table lives: an Excel table, or a sheet whose used range is read. */
export interface TableSource {
  role: TableName;
  sheet: string;
  /** the Excel table's name, undefined for a sheet read as a whole */
  table?: string;
}

/** The workbook's tables and sheets by name, in workbook order. */
export interface WorkbookIndex {
  tables: { name: string; sheet: string }[];
  sheets: string[];
}

/** Loads the names of every table (with its sheet) and every sheet, in one sync. */
export async function indexWorkbook(context: Excel.RequestContext): Promise<WorkbookIndex> {
  const tables = context.workbook.tables.load('items/name, items/worksheet/name');
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return {
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    sheets: sheets.items.map((s) => s.name),
  };
}

/**
 * The source of each werkboek table: the first Excel table whose name means it, else the first
 * sheet whose name does. The add-in's own outputs (Meekoppelkansen, Controle) are only ever tables:
 * a planner's sheet that happens to carry that name is not ours to read or write.
 */
export function locateTables(index: WorkbookIndex): Map<TableName, TableSource> {
  const found = new Map<TableName, TableSource>();
  for (const t of index.tables) {
    const role = matchTableName(t.name);
    if (role && !found.has(role)) found.set(role, { role, sheet: t.sheet, table: t.name });
  }
  for (const sheet of index.sheets) {
    const role = matchTableName(sheet);
    if (role && role !== 'Meekoppelkansen' && role !== 'Controle' && !found.has(role)) found.set(role, { role, sheet });
  }
  return found;
}

/**
 * A RawTable read from Excel. `totalsRow` is there (true) when the Excel table shows a totals row
 * (Totaalrij): that row lies below `rows` and is never read as data.
 */
export type ExcelRawTable = RawTable & { totalsRow?: true };

/** A source's range and, for an Excel table, whether it shows a totals row; loaded by one sync. */
interface Placed {
  range: Excel.Range;
  table?: Excel.Table;
}

/**
 * Queues the load of a source's whole range (table range, or the sheet's used values); a table's
 * `showTotals` travels in the same sync, since its range holds the totals row too.
 */
function sourceRange(context: Excel.RequestContext, source: Pick<TableSource, 'sheet' | 'table'>, orNull: boolean): Placed {
  const props = 'rowIndex, columnIndex, rowCount, columnCount';
  if (source.table) {
    const table = context.workbook.tables.getItem(source.table).load('showTotals');
    return { range: table.getRange().load(props), table };
  }
  const ws = context.workbook.worksheets.getItem(source.sheet);
  return { range: (orNull ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true)).load(props) };
}

/** the header and data rows of a loaded source: its range without a totals row */
function bodyOf({ range, table }: Placed): { rowCount: number; totals: boolean } {
  const totals = table?.showTotals === true;
  return { rowCount: range.rowCount - (totals ? 1 : 0), totals };
}

/**
 * Reads tables or sheets into RawTables, in order: one sync for the ranges' places, then as many
 * as the cell budget needs for their values. A sheet without values gives undefined.
 */
export async function readRawTables(context: Excel.RequestContext, sources: Pick<TableSource, 'sheet' | 'table'>[], options: BatchOptions = {}): Promise<(ExcelRawTable | undefined)[]> {
  if (sources.length === 0) return [];
  const placed = sources.map((s) => sourceRange(context, s, true));
  await context.sync();
  const present = sources.map((s, i) => ({ source: s, placed: placed[i] })).filter(({ placed: p }) => !p.range.isNullObject);
  const bodies = present.map(({ placed: p }) => bodyOf(p));
  const blocks: Block[] = present.map(({ source, placed: { range } }, i) => ({
    sheet: source.sheet,
    row: range.rowIndex,
    col: range.columnIndex,
    rowCount: bodies[i].rowCount,
    colCount: range.columnCount,
  }));
  const cells = await loadBlocks(context, blocks, options.maxReadCells ?? DEFAULT_MAX_READ_CELLS);
  const read = new Map(present.map(({ source }, i) => [source, toRawTable(source, blocks[i], cells[i], bodies[i].totals)]));
  return sources.map((s) => read.get(s));
}

/** Reads the given werkboek sources into RawTables by role (see `readRawTables`). */
export async function readSources(context: Excel.RequestContext, sources: TableSource[], options: BatchOptions = {}): Promise<Map<TableName, ExcelRawTable>> {
  const tables = await readRawTables(context, sources, options);
  const out = new Map<TableName, ExcelRawTable>();
  sources.forEach((s, i) => tables[i] && out.set(s.role, tables[i]));
  return out;
}

function toRawTable(source: Pick<TableSource, 'sheet' | 'table'>, block: Block, cells: CellValue[][], totals: boolean): ExcelRawTable {
  const [header = [], ...rows] = cells;
  return {
    name: source.table ?? source.sheet,
    sheet: source.sheet,
    headerRow: block.row + 1,
    firstColumn: block.col + 1,
    headers: header.map(headerText),
    rows,
    isTable: source.table !== undefined,
    // only when shown, so a table without one reads exactly as before
    ...(totals ? { totalsRow: true as const } : {}),
  };
}

function headerText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return String(value);
}

/** Where a table is and its header row. */
export interface Shape {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  /** data rows (a totals row not counted) */
  rowCount: number;
  columnCount: number;
  headers: string[];
  /** the Excel table shows a totals row, right below the data rows */
  totalsRow: boolean;
}

/** Where a table is now and its header row, in one sync (its body is not read). */
export async function readShape(context: Excel.RequestContext, source: TableSource): Promise<Shape> {
  const placed = sourceRange(context, source, false);
  const { range } = placed;
  const header = range.getRow(0).load('values');
  await context.sync();
  const body = bodyOf(placed);
  return {
    sheet: source.sheet,
    headerRow: range.rowIndex + 1,
    firstColumn: range.columnIndex + 1,
    rowCount: body.rowCount - 1,
    columnCount: range.columnCount,
    headers: header.values[0].map((v) => String(v)),
    totalsRow: body.totals,
  };
}

/**
 * Reads Buurten, Werken, Koppelkansen, Regels and the add-in's own Meekoppelkansen table from the
 * open workbook, as werkboek.md says. Geometry continued in `geometrie_2`, ... arrives as columns
 * (the model joins them); dates arrive as serial numbers; error cells as `{ error }`.
 *
 * @example
 * const raw = await Excel.run((context) => readWerkboekFromExcel(context));
 * const werkboek = readWerkboek(raw);
 */
export async function readWerkboekFromExcel(context: Excel.RequestContext, options: BatchOptions = {}): Promise<RawWerkboek> {
  const located = locateTables(await indexWorkbook(context));
  const sources = WERKBOEK_ROLES.map(([, name]) => located.get(name)).filter((s): s is TableSource => s !== undefined);
  const tables = await readSources(context, sources, options);
  const raw: RawWerkboek = {};
  for (const [role, name] of WERKBOEK_ROLES) {
    const table = tables.get(name);
    if (table) raw[role] = table;
  }
  return raw;
}
