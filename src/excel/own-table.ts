/**
 * Writing one of the add-in's own tables (Meekoppelkansen, Controle) in place: the rows that stay
 * keep their place (so a planner's formulas, formats and notes in them stay too), rows that go are
 * deleted, new rows are added at the end (above a totals row the planner switched on; cells below
 * the table move down), and only cells whose value changes are written.
 */
import type { CellValue } from '../core/types';
import { normaliseHeader } from '../core/werkboek/headers';
import { type WritePiece, chunkRows, jsonBytes } from './batch';
import { addTableRows } from './grow';
import type { ExcelRawTable } from './read';

/** What the table is to hold after the write. */
export interface OwnTableContent {
  /** the Excel table's name */
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** per column: an Excel number format code to set, or null to leave the column's own */
  formats: (string | null)[];
  /**
   * how rows are matched with the table's rows: by the `id` column (the first rows of `rows` are
   * the table's rows that stay, in order) or by position (row i is row i)
   */
  match: 'id' | 'position';
}

/** Where the table is: its RawTable when it exists, else the sheet to create it on (at A1). */
export type OwnTablePlace = { existing: ExcelRawTable } | { create: { sheet: string; newSheet: boolean } };

/** The queued structure changes and the value writes of one table. */
export interface OwnTableWrite {
  /** queue sheet/table creation, new columns, deleted rows, resize and number formats (one sync) */
  structure: (context: Excel.RequestContext) => void;
  /**
   * value writes, each within the byte budget; chunks without a change are left out. When an
   * existing table grows, the new rows and then the number formats come first.
   */
  pieces: WritePiece[];
  sheet: string;
}

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  const ea = a === null || a === undefined || a === '';
  const eb = b === null || b === undefined || b === '';
  if (ea || eb) return ea && eb;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
};

/** For each existing row: the output row it becomes, or -1 when it goes. */
function alignRows(existing: ExcelRawTable, content: OwnTableContent, keptCount: number): number[] {
  if (content.match === 'position') return existing.rows.map((_, i) => (i < Math.max(1, content.rows.length) ? i : -1));
  const idCol = content.headers.findIndex((h) => normaliseHeader(h) === 'id');
  const target: number[] = [];
  let j = 0;
  for (const old of existing.rows) {
    const next = content.rows[j];
    const match = j < keptCount && next !== undefined && (idCol >= 0 && !same(old[idCol], null)
      ? same(old[idCol], next[idCol])
      : old.every((v, c) => same(v, next[c])));
    target.push(match ? j++ : -1);
  }
  if (j < keptCount) {
    throw new Error(`writeOwnTable: ${content.name} rows do not follow the table's rows in order; pass the merge's output unchanged.`);
  }
  return target;
}

/** Consecutive runs of rows that go, as [first, count], last run first (so indices stay valid). */
function deletions(target: number[]): [number, number][] {
  const runs: [number, number][] = [];
  target.forEach((t, i) => {
    if (t !== -1) return;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  });
  return runs.reverse();
}

/**
 * The value writes of the output rows below the header at (`top`, `left`): a row that was there
 * sends only its changed cells (null leaves a cell alone), a new row every cell; chunks within
 * `maxBytes`, those without a change left out.
 */
function valuePieces(output: CellValue[][], oldOf: Map<number, CellValue[]>, width: number, at: { sheet: string; top: number; left: number }, maxBytes: number): WritePiece[] {
  const cells = output.map((row, j) => {
    const old = oldOf.get(j);
    return Array.from({ length: width }, (_, c) => {
      const value = row[c] ?? null;
      if (old) return same(old[c], value) ? null : (value ?? '');
      return value ?? '';
    });
  });
  return chunkRows(cells, maxBytes)
    .filter((chunk) => chunk.rows.some((row) => row.some((v) => v !== null)))
    .map((chunk) => ({
      bytes: jsonBytes(chunk.rows),
      queue: (context: Excel.RequestContext) => {
        const ws = context.workbook.worksheets.getItem(at.sheet);
        ws.getRangeByIndexes(at.top + 1 + chunk.start, at.left, chunk.rows.length, width).values = chunk.rows as (string | number | boolean)[][];
      },
    }));
}

/**
 * Plans the write of one own table. `keptCount` is how many of `content.rows` come from the table
 * (for `match: 'id'`; the rest are new). The plan queues nothing until its parts are called.
 */
export function planOwnTable(place: OwnTablePlace, content: OwnTableContent, keptCount: number, maxBytes: number): OwnTableWrite {
  const width = content.headers.length;
  const bodyRows = Math.max(1, content.rows.length);
  const output = content.rows.length > 0 ? content.rows : [new Array<CellValue>(width).fill(null)];
  const existing = 'existing' in place ? place.existing : undefined;
  const sheet = existing ? existing.sheet : (place as { create: { sheet: string } }).create.sheet;
  const top = existing ? existing.headerRow - 1 : 0;
  const left = existing ? existing.firstColumn - 1 : 0;

  let target = existing ? alignRows(existing, content, keptCount) : [];
  // a table keeps one data row: when none stays, the first is reused and cleared
  const reuseFirst = existing !== undefined && existing.rows.length > 0 && target.every((t) => t < 0);
  if (reuseFirst) target = target.map((_, i) => (i === 0 ? -2 : -1));
  const oldOf = new Map<number, CellValue[]>();
  target.forEach((t, i) => t >= 0 && oldOf.set(t, existing!.rows[i]));
  const remaining = existing ? target.filter((t) => t !== -1).length : 0;
  // the table's width after new columns: a column the planner added stays in it
  const tableWidth = Math.max(width, existing?.headers.length ?? 0);
  // an existing table grows by rows.add (see grow.ts), in the pieces
  const grow = existing ? bodyRows - Math.max(1, remaining) : 0;

  const setFormats = (context: Excel.RequestContext): void => {
    const ws = context.workbook.worksheets.getItem(sheet);
    content.formats.forEach((format, c) => {
      // one format for the whole column: office-js applies a single value to every cell
      if (format !== null) (ws.getRangeByIndexes(top + 1, left + c, bodyRows, 1) as unknown as { numberFormat: string }).numberFormat = format;
    });
  };

  const structure = (context: Excel.RequestContext): void => {
    const ws = existing || !(place as { create: { newSheet: boolean } }).create.newSheet
      ? context.workbook.worksheets.getItem(sheet)
      : context.workbook.worksheets.add(sheet);
    if (existing) {
      const table = context.workbook.tables.getItem(existing.name);
      const renamed = existing.headers.map((h, c) => (c < width && h !== content.headers[c] ? content.headers[c] : null));
      if (renamed.some((h) => h !== null)) ws.getRangeByIndexes(top, left, 1, existing.headers.length).values = [renamed];
      for (const header of content.headers.slice(existing.headers.length)) table.columns.add(undefined, undefined, header);
      // whole data rows go up, a totals row below them with the rest
      for (const [first, count] of deletions(target)) ws.getRangeByIndexes(top + 1 + first, left, count, tableWidth).delete('Up');
    } else {
      ws.getRangeByIndexes(top, left, 1, width).values = [content.headers];
      const table = ws.tables.add(ws.getRangeByIndexes(top, left, bodyRows + 1, width), true);
      table.name = content.name;
    }
    if (grow <= 0) setFormats(context);
  };

  const values = valuePieces(output, oldOf, width, { sheet, top, left }, maxBytes);
  const pieces = grow > 0
    ? [...addTableRows(existing!.name, grow, tableWidth, maxBytes), { bytes: jsonBytes(content.formats), queue: setFormats }, ...values]
    : values;
  return { structure, pieces, sheet };
}
