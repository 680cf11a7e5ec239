/**
 * Writing an import (src/core/import) into the open workbook: the replaced rows deleted, the new
 * rows added below the table's own (cells below the table move down, as when a planner inserts
 * rows; a totals row stays below the new rows), new columns added to the right, and the import's problems on Controle. One sync reads
 * where things are, one makes the structure, and the values follow in as few syncs as the byte
 * budget allows. Every other cell stays as it was.
 */
import type { BuurtenImport } from '../core/import/buurten';
import { NIEUW_WERKBOEK } from '../core/import/nieuw-werkboek';
import type { WerkenImport } from '../core/import/werken';
import { normaliseHeader } from '../core/werkboek/headers';
import { EXCEL_NUMBER_FORMATS } from '../core/werkboek/meekoppelkansen';
import { type BatchOptions, DEFAULT_MAX_REQUEST_BYTES, type WritePiece, chunkRows, jsonBytes, syncPacked } from './batch';
import { excelValue } from './excel-value';
import { addTableRows } from './grow';
import { freeSheetName } from './place';
import { type Shape, indexWorkbook, locateTables, readShape, readSources } from './read';
import { planControle } from './write';

/** What an import writes: the import result of `importWerken` or `importBuurten`. */
export type RowsImport = Pick<WerkenImport, 'headers' | 'append' | 'remove' | 'problems'>;

/** What `applyWerkenImport` / `applyBuurtenImport` did. */
export interface ImportReport {
  /** the sheet and table the rows went to */
  sheet: string;
  table: string;
  /** rows added and rows removed */
  added: number;
  removed: number;
  /** the Controle table written with the import's problems */
  controle: { sheet: string; table: string; rows: number };
  /** Dutch notes for the planner (table changed since it was read, sheet name in use, ...) */
  meldingen: string[];
}

type Role = 'Werken' | 'Buurten';

/** the number format of each column of the new rows, from the nieuw-werkboek spec ('@' for ids) */
function columnFormats(role: Role, headers: readonly string[]): (string | null)[] {
  const spec = NIEUW_WERKBOEK.find((t) => t.naam === role);
  const byName = new Map((spec?.kolommen ?? []).map((k) => [normaliseHeader(k.naam), k.formaat]));
  return headers.map((h) => {
    const formaat = byName.get(normaliseHeader(h));
    return formaat === undefined || formaat === 'general' ? null : EXCEL_NUMBER_FORMATS[formaat];
  });
}

/** 0-based body rows to remove, checked against the table as it is now */
function bodyRows(remove: readonly number[], shape: Shape | undefined, role: Role): number[] {
  const rows = [...new Set(remove)].map((r) => r - (shape?.headerRow ?? 0) - 1).sort((a, b) => a - b);
  if (rows.some((r) => !shape || r < 0 || r >= shape.rowCount)) {
    throw new Error(`apply${role}Import: remove holds rows outside the ${role} table; pass the import made from the table as read now.`);
  }
  return rows;
}

/** consecutive runs [first, count] of sorted rows, last run first (so indices stay valid) */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out.reverse();
}

/** What the table is like where the rows go, read in one sync. */
interface Probe {
  /** the only body row is empty (a new table's placeholder): it is filled, not kept */
  placeholder: boolean;
  /**
   * the cells below the table, where the new rows go, hold nothing: the table grows over them
   * (a table with a totals row grows by adding rows above it instead)
   */
  roomBelow: boolean;
}

async function probe(context: Excel.RequestContext, shape: Shape, newRows: number): Promise<Probe> {
  const ws = context.workbook.worksheets.getItem(shape.sheet);
  const only = shape.rowCount === 1 ? ws.getRangeByIndexes(shape.headerRow, shape.firstColumn - 1, 1, shape.columnCount).load('values') : undefined;
  const below = newRows > 0 && !shape.totalsRow
    ? ws.getRangeByIndexes(shape.headerRow + shape.rowCount, shape.firstColumn - 1, newRows, shape.columnCount).getUsedRangeOrNullObject(true).load('address')
    : undefined;
  await context.sync();
  return {
    placeholder: only !== undefined && only.values[0].every((v) => v === '' || v === null),
    roomBelow: below === undefined || below.isNullObject,
  };
}

/** The queued structure and the value pieces of the rows' write. */
interface RowsPlan {
  structure: (context: Excel.RequestContext) => void;
  pieces: WritePiece[];
  sheet: string;
  table: string;
  removed: number;
}

/** Where the rows go and how the table changes shape; queues nothing until called. */
function planRows(role: Role, imp: RowsImport, where: { shape?: Shape; table?: string; probe: Probe; sheets: string[] }, maxBytes: number): RowsPlan {
  const { shape, probe: found } = where;
  const width = imp.headers.length;
  const sheet = shape?.sheet ?? freeSheetName(role, where.sheets);
  const table = shape ? (where.table ?? sheet) : role;
  const isTable = !shape || where.table !== undefined;
  const top = shape ? shape.headerRow - 1 : 0;
  const left = shape ? shape.firstColumn - 1 : 0;
  let removing = bodyRows(imp.remove, shape, role);
  const oldRows = shape?.rowCount ?? 0;
  // a table keeps one body row: when every row goes (or the only one is empty) the first is reused
  const reuse = shape !== undefined && isTable && oldRows > 0 && (found.placeholder || removing.length === oldRows);
  if (reuse) removing = removing.filter((r) => r !== 0);
  const kept = oldRows - removing.length - (reuse ? 1 : 0);
  const first = top + 1 + kept;
  const grow = Math.max(0, imp.append.length - (reuse ? 1 : 0));
  const formats = columnFormats(role, imp.headers);
  // under a totals row the table grows by rows.add (in the pieces): resize would make the new last row the totals row
  const totals = isTable && shape?.totalsRow === true;
  const setFormats = (context: Excel.RequestContext): void => {
    const ws = context.workbook.worksheets.getItem(sheet);
    formats.forEach((f, c) => {
      // new rows only: the planner's own rows keep their formats
      if (f !== null && imp.append.length > 0) (ws.getRangeByIndexes(first, left + c, imp.append.length, 1) as unknown as { numberFormat: string }).numberFormat = f;
    });
  };

  const structure = (context: Excel.RequestContext): void => {
    const ws = shape ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.add(sheet);
    if (!shape) {
      ws.getRangeByIndexes(0, 0, 1, width).values = [imp.headers.map((h) => excelValue(h, false) ?? '')];
      ws.tables.add(ws.getRangeByIndexes(0, 0, 1 + Math.max(1, imp.append.length), width), true).name = role;
    } else {
      const added = imp.headers.slice(shape.columnCount);
      if (isTable) for (const h of added) context.workbook.tables.getItem(table).columns.add(undefined, undefined, h);
      else if (added.length > 0) ws.getRangeByIndexes(top, left + shape.columnCount, 1, added.length).values = [added];
      for (const [r, n] of runs(removing)) ws.getRangeByIndexes(top + 1 + r, left, n, width).delete('Up');
      if (reuse) ws.getRangeByIndexes(top + 1, left, 1, width).clear('Contents');
      // the planner's cells below the table move down, as when they insert rows themselves
      if (grow > 0 && !found.roomBelow && !totals) ws.getRangeByIndexes(top + 1 + oldRows - removing.length, left, grow, width).insert('Down');
      if (isTable && !totals && (grow > 0 || removing.length > 0)) {
        context.workbook.tables.getItem(table).resize(ws.getRangeByIndexes(top, left, 1 + Math.max(1, kept + imp.append.length), width));
      }
    }
    if (!totals) setFormats(context);
  };

  const cells = imp.append.map((row) => imp.headers.map((_, c) => excelValue(row[c] ?? null, formats[c] === '@')));
  const values = chunkRows(cells, maxBytes).map((chunk) => ({
    bytes: jsonBytes(chunk.rows),
    queue: (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(sheet).getRangeByIndexes(first + chunk.start, left, chunk.rows.length, width).values = chunk.rows as (string | number | boolean)[][];
    },
  }));
  const pieces = totals
    ? [...addTableRows(table, grow, width, maxBytes), { bytes: jsonBytes(formats), queue: setFormats }, ...values]
    : values;
  return { structure, pieces, sheet, table, removed: removing.length + (reuse && !found.placeholder ? 1 : 0) };
}

async function applyRows(context: Excel.RequestContext, role: Role, imp: RowsImport, options: BatchOptions): Promise<ImportReport> {
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const meldingen: string[] = [];
  const index = await indexWorkbook(context);
  const located = locateTables(index);
  const source = located.get(role);
  const controleSource = located.get('Controle');
  const now = await readSources(context, controleSource ? [controleSource] : [], options);
  const shape = source ? await readShape(context, source) : undefined;
  const fits = !shape || shape.headers.every((h, i) => h === imp.headers[i]);
  if (!fits) meldingen.push(`De tabel ${role} is veranderd sinds het bestand werd ingelezen; er is niets toegevoegd. Lees het bestand opnieuw in.`);
  let rows: RowsPlan | undefined;
  if (fits && (imp.append.length > 0 || imp.remove.length > 0)) {
    const found = shape ? await probe(context, shape, imp.append.length) : { placeholder: false, roomBelow: true };
    rows = planRows(role, imp, { shape, table: source?.table, probe: found, sheets: index.sheets }, maxBytes);
  }
  const ct = planControle(now.get('Controle'), index, imp.problems, meldingen, maxBytes);
  rows?.structure(context);
  ct.structure(context);
  await context.sync();
  await syncPacked(context, [...(rows?.pieces ?? []), ...ct.pieces], maxBytes);
  return {
    sheet: rows?.sheet ?? shape?.sheet ?? '',
    table: rows?.table ?? source?.table ?? source?.sheet ?? '',
    added: rows ? imp.append.length : 0,
    removed: rows?.removed ?? 0,
    controle: { sheet: ct.sheet, table: ct.table, rows: ct.rows },
    meldingen,
  };
}

/**
 * Writes a works import into the Werken table (created on a sheet of its own when missing):
 * the replaced eigenaar's rows removed, the new rows added below the table's own, new columns on
 * the right, and the import's problems (with their CSV lines) on Controle.
 *
 * @example
 * const raw = await Excel.run((context) => readWerkboekFromExcel(context));
 * const imp = importWerken(parseCsv(text), raw.werken, { bron: 'stedin.csv', vervangEigenaar: 'Stedin' });
 * const report = await Excel.run((context) => applyWerkenImport(context, imp));
 */
export function applyWerkenImport(context: Excel.RequestContext, imp: WerkenImport, options: BatchOptions = {}): Promise<ImportReport> {
  return applyRows(context, 'Werken', imp.missing.length > 0 ? { ...imp, append: [], remove: [] } : imp, options);
}

/**
 * Writes a buurten import into the Buurten table, as `applyWerkenImport` does for works: buurten
 * whose code the file brings again are replaced, long geometries continue in `geometrie_2`, ...
 *
 * @example
 * const imp = importBuurten(JSON.parse(text), raw.buurten, { bron: 'buurten.geojson' });
 * await Excel.run((context) => applyBuurtenImport(context, imp));
 */
export function applyBuurtenImport(context: Excel.RequestContext, imp: BuurtenImport, options: BatchOptions = {}): Promise<ImportReport> {
  return applyRows(context, 'Buurten', imp, options);
}

