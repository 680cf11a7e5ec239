/**
 * `Excel.Range` in the fake: a fixed rectangle on one sheet, fixed when the operation that made it
 * runs (office-js ranges are not tracked either). Values written go through Excel's typing rules:
 * `null` leaves a cell alone, a numeric string becomes a number unless the cell is text (`@`).
 */
import { Box, formatBox, quoteSheet } from './address';
import { FakeClientObject, FakeRequestContext, Reader, jsonBytes } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { Cell, Scalar } from './grid';
import { SheetModel, TableModel } from './model';
import { FakeDataValidation } from './validation';

export interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

type Matrix = unknown[][];

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly readers: Record<string, Reader<RangeTarget>> = {
    address: (t) => `${quoteSheet(t.sheet.name)}!${formatBox(t.box)}`,
    addressLocal: (t) => `${quoteSheet(t.sheet.name)}!${formatBox(t.box)}`,
    rowIndex: (t) => t.box.row,
    columnIndex: (t) => t.box.col,
    rowCount: (t) => t.box.rowCount,
    columnCount: (t) => t.box.colCount,
    cellCount: (t) => t.box.rowCount * t.box.colCount,
    values: (t) => cells(t, (c) => c.v),
    formulas: (t) => cells(t, (c) => c.f ?? c.v),
    text: (t) => cells(t, (c) => String(c.v)),
    numberFormat: (t) => cells(t, (c) => c.fmt),
    valueTypes: (t) => cells(t, valueType),
  };

  constructor(context: FakeRequestContext, bind: (() => RangeTarget | undefined) | { bound: RangeTarget }, nullable = false) {
    super(context, bind, nullable, 'range');
  }

  get address(): string { return this.get('address'); }
  get addressLocal(): string { return this.get('addressLocal'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get cellCount(): number { return this.get('cellCount'); }
  get text(): string[][] { return this.get('text'); }
  get valueTypes(): string[][] { return this.get('valueTypes'); }

  get values(): Scalar[][] { return this.get('values'); }
  set values(v: Matrix) {
    this.write((t) => writeCells(this.context, t, v, typed), jsonBytes(v));
  }

  get formulas(): Scalar[][] { return this.get('formulas'); }
  set formulas(v: Matrix) {
    this.write((t) => writeCells(this.context, t, v, typed), jsonBytes(v));
  }

  get numberFormat(): string[][] { return this.get('numberFormat'); }
  set numberFormat(v: Matrix) {
    // a format change is not a data change: office-js reports it through onFormatChanged, not onChanged
    this.write((t) => writeCells(this.context, t, v, (cell, x) => ({ ...cell, fmt: String(x) }), false), jsonBytes(v));
  }

  /** a range computed from this one when the batch reaches it */
  private derive(f: (b: Box) => Box): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      const box = f(t.box);
      if (box.row < 0 || box.col < 0 || box.rowCount < 1 || box.colCount < 1) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The range would lie outside the worksheet.');
      }
      return { sheet: t.sheet, box };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.derive((b) => ({ row: b.row + row, col: b.col + col, rowCount: 1, colCount: 1 }));
  }
  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return this.derive((b) => ({ ...b, rowCount: b.rowCount + deltaRows, colCount: b.colCount + deltaCols }));
  }
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    return this.derive((b) => ({ ...b, rowCount: rows, colCount: cols }));
  }
  getOffsetRange(rowOffset: number, colOffset: number): FakeRange {
    return this.derive((b) => ({ ...b, row: b.row + rowOffset, col: b.col + colOffset }));
  }
  getRow(i: number): FakeRange {
    return this.derive((b) => ({ ...b, row: b.row + i, rowCount: 1 }));
  }
  getColumn(i: number): FakeRange {
    return this.derive((b) => ({ ...b, col: b.col + i, colCount: 1 }));
  }
  getLastRow(): FakeRange {
    return this.derive((b) => ({ ...b, row: b.row + b.rowCount - 1, rowCount: 1 }));
  }
  getLastColumn(): FakeRange {
    return this.derive((b) => ({ ...b, col: b.col + b.colCount - 1, colCount: 1 }));
  }

  /** the used cells within the range (values only, or formats too); a null object when none */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => usedWithin(this.target(), valuesOnly), true);
  }

  /** the used cells within the range; office-js throws ItemNotFound when there are none */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => usedWithin(this.target(), valuesOnly));
  }

  select(): void {
    this.write((t) => this.context.model.select(t.sheet, t.box));
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.write((t) => {
      forEachCell(t.box, (r, c) => {
        const cell = t.sheet.grid.get(r, c);
        if (applyTo === 'All') t.sheet.grid.clear(r, c);
        else if (applyTo === 'Contents') t.sheet.grid.set(r, c, { v: '', fmt: cell.fmt, ...(cell.dv ? { dv: cell.dv } : {}), ...(cell.note !== undefined ? { note: cell.note } : {}) });
        else t.sheet.grid.set(r, c, { ...cell, fmt: 'General' });
      });
      this.context.changed(t.sheet, t.box, 'RangeEdited');
    });
  }

  /** `range.dataValidation`: the rule, alert and blanks setting of the range's cells */
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.target());
  }

  /**
   * Inserts empty cells at the range, shifting the cells there down or right (tables wholly in
   * the way move, a table cut in two refuses, as in Excel); returns the new cells.
   */
  insert(shift: 'Down' | 'Right'): FakeRange {
    this.write((t) => {
      if (shift === 'Down') this.context.model.insertDown(t.sheet, t.box);
      else this.context.model.insertRight(t.sheet, t.box);
      this.context.changed(t.sheet, t.box, shift === 'Down' ? 'RowInserted' : 'ColumnInserted');
    });
    return this.derive((b) => b);
  }

  /** Deletes the cells, shifting up or left; whole table rows or columns shrink their table. */
  delete(shift: 'Up' | 'Left'): void {
    this.write((t) => {
      const model = this.context.model;
      const shrinking: TableModel[] = [];
      for (const tm of model.tablesOn(t.sheet)) {
        const kept = shrinkTable(model.tableBox(tm), tm.bodyRows, t.box, shift);
        if (kept === 'untouched') continue;
        if (kept === 'refused') throw new FakeOfficeError(ErrorCodes.invalidOperation, "This operation is not allowed. It's moving cells in a table on your worksheet.");
        shrinking.push(tm);
      }
      for (const tm of shrinking) {
        if (shift === 'Up') tm.bodyRows -= t.box.rowCount;
        else {
          tm.columnIds.splice(t.box.col - tm.col, t.box.colCount);
          tm.colCount -= t.box.colCount;
        }
      }
      const except = shrinking[0];
      if (shift === 'Up') model.deleteUp(t.sheet, t.box, except);
      else model.deleteLeft(t.sheet, t.box, except);
      this.context.changed(t.sheet, t.box, shift === 'Up' ? 'RowDeleted' : 'ColumnDeleted');
    });
  }
}

function usedWithin(t: RangeTarget, valuesOnly: boolean): RangeTarget | undefined {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  forEachCell(t.box, (r, c) => {
    const cell = t.sheet.grid.get(r, c);
    if (!(cell.v !== '' || cell.f !== undefined || (!valuesOnly && cell.fmt !== 'General'))) return;
    r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
  });
  return r1 < 0 ? undefined : { sheet: t.sheet, box: { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 } };
}

/**
 * How deleting `box` affects a table (`bodyRows` data rows below its header, then maybe a totals
 * row): not at all, shrinks it, or is refused (it would cut it, or take its header or totals row).
 */
function shrinkTable(table: Box, bodyRows: number, box: Box, shift: 'Up' | 'Left'): 'untouched' | 'shrinks' | 'refused' {
  const rowsHit = box.row < table.row + table.rowCount && table.row < box.row + box.rowCount;
  const colsHit = box.col < table.col + table.colCount && table.col < box.col + box.colCount;
  if (!rowsHit || !colsHit) return 'untouched';
  if (shift === 'Up') {
    const wholeRows = box.col <= table.col && box.col + box.colCount >= table.col + table.colCount;
    const bodyOnly = box.row > table.row && box.row + box.rowCount <= table.row + 1 + bodyRows;
    // a table keeps at least one data row
    return wholeRows && bodyOnly && box.rowCount < bodyRows ? 'shrinks' : 'refused';
  }
  const wholeCols = box.row <= table.row && box.row + box.rowCount >= table.row + table.rowCount;
  const inside = box.col >= table.col && box.col + box.colCount <= table.col + table.colCount;
  return wholeCols && inside && box.colCount < table.colCount ? 'shrinks' : 'refused';
}

/** Writes values now, inside a running sync (for `rows.add` / `columns.add`). */
export function writeValues(ctx: FakeRequestContext, t: RangeTarget, v: unknown): void {
  writeCells(ctx, t, v, typed);
}

function forEachCell(box: Box, f: (r: number, c: number) => void): void {
  for (let i = 0; i < box.rowCount; i++) for (let j = 0; j < box.colCount; j++) f(box.row + i, box.col + j);
}

function cells<V>(t: RangeTarget, f: (c: Readonly<Cell>) => V): V[][] {
  return Array.from({ length: t.box.rowCount }, (_, i) =>
    Array.from({ length: t.box.colCount }, (_, j) => f(t.sheet.grid.get(t.box.row + i, t.box.col + j))),
  );
}

function valueType(c: Readonly<Cell>): string {
  if (c.err) return 'Error';
  if (c.v === '') return 'Empty';
  if (typeof c.v === 'number') return 'Double';
  if (typeof c.v === 'boolean') return 'Boolean';
  return 'String';
}

/**
 * A value written through `values`, typed as Excel types what a planner types: a leading
 * apostrophe (outside a text cell) keeps the rest as text, `=` starts a formula, a numeric string
 * becomes a number. The cell keeps its format and data validation.
 */
function typed(cell: Readonly<Cell>, x: unknown): Cell {
  const keep = { fmt: cell.fmt, ...(cell.dv ? { dv: cell.dv } : {}), ...(cell.note !== undefined ? { note: cell.note } : {}) };
  if (typeof x === 'string' && cell.fmt !== '@' && x.startsWith("'")) return { v: x.slice(1), ...keep };
  if (typeof x === 'string' && cell.fmt !== '@' && x.startsWith('=') && x.length > 1) return { v: '', f: x, ...keep };
  if (typeof x === 'string' && cell.fmt !== '@' && NUMERIC.test(x)) return { v: Number(x), ...keep };
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return { v: x, ...keep };
  throw new FakeOfficeError(ErrorCodes.invalidArgument, `The value ${JSON.stringify(x)} cannot be written to a cell.`);
}

/** Writes a matrix of the range's size, or one value into every cell; `null` leaves a cell alone. */
function writeCells(ctx: FakeRequestContext, t: RangeTarget, v: unknown, f: (cell: Readonly<Cell>, x: unknown) => Cell, data = true): void {
  const { box, sheet } = t;
  const matrix = Array.isArray(v) ? (v as unknown[][]) : undefined;
  if (matrix && (matrix.length !== box.rowCount || matrix.some((r) => !Array.isArray(r) || r.length !== box.colCount))) {
    throw new FakeOfficeError(
      ErrorCodes.invalidArgument,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${box.rowCount} x ${box.colCount}).`,
    );
  }
  forEachCell(box, (r, c) => {
    const x = matrix ? matrix[r - box.row][c - box.col] : v;
    if (x === null || x === undefined) return;
    sheet.grid.set(r, c, f(sheet.grid.get(r, c), x));
  });
  if (data) ctx.changed(sheet, box, 'RangeEdited');
}
