/**
 * A worksheet's cells as the fake stores them: sparse rows of cells with value, error flag, number
 * format and formula text. Shifting cells (insert / delete) lives here; tables are moved by the model.
 */
import { Box } from './address';

/** Anything Excel's `values` can hold. */
export type Scalar = string | number | boolean;

/** One cell. An empty cell is `''` with format `General`. */
export interface Cell {
  v: Scalar;
  /** the value is an error text such as `#N/A` (valueTypes reports `Error`) */
  err?: boolean;
  fmt: string;
  /** formula text, kept but never evaluated */
  f?: string;
  /** the cell's data validation (office-js `range.dataValidation`), kept when values change */
  dv?: CellValidation;
  /** a comment on the cell (office-js `workbook.comments`): kept when values change, gone with the cell */
  note?: string;
}

/** A cell's data validation as office-js describes it. */
export interface CellValidation {
  /** `{ list: { inCellDropDown, source } }` and the other `Excel.DataValidationRule` kinds */
  rule: Record<string, unknown>;
  errorAlert: { message: string; showAlert: boolean; style: 'Stop' | 'Warning' | 'Information'; title: string };
  ignoreBlanks: boolean;
}

export const EMPTY: Readonly<Cell> = Object.freeze({ v: '', fmt: 'General' });

/** The cells of one sheet. */
export class Grid {
  private rows: Cell[][] = [];

  get(row: number, col: number): Readonly<Cell> {
    return this.rows[row]?.[col] ?? EMPTY;
  }

  set(row: number, col: number, cell: Cell): void {
    (this.rows[row] ??= [])[col] = cell;
  }

  clear(row: number, col: number): void {
    const r = this.rows[row];
    if (r) delete r[col];
  }

  /** every cell with a comment, in row order */
  notes(): { row: number; col: number; note: string }[] {
    const out: { row: number; col: number; note: string }[] = [];
    this.rows.forEach((cells, row) => cells?.forEach((cell, col) => cell?.note !== undefined && out.push({ row, col, note: cell.note })));
    return out;
  }

  /** highest used row index + 1 */
  get height(): number {
    return this.rows.length;
  }

  /** The bounding box of cells with a value (and, unless `valuesOnly`, a format); undefined when none. */
  usedBox(valuesOnly: boolean): Box | undefined {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (!cell) return;
        const used = cell.v !== '' || cell.f !== undefined || (!valuesOnly && cell.fmt !== 'General');
        if (!used) return;
        r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
      });
    });
    if (r1 < 0) return undefined;
    return { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
  }

  /** true when no row from `row` on has a cell outside the columns of `box` (whole rows move) */
  private rowsWithin(box: Box, row: number): boolean {
    for (let r = row; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!cells) continue;
      if (cells.length > box.col + box.colCount) return false;
      for (let c = 0; c < box.col && c < cells.length; c++) if (cells[c]) return false;
    }
    return true;
  }

  /** Inserts empty cells at `box`, moving the cells at and below it (in its columns) down. */
  insertDown(box: Box): void {
    // fast path: whole rows move, so move the row arrays
    if (this.rowsWithin(box, box.row)) {
      if (box.row < this.rows.length) this.rows.splice(box.row, 0, ...new Array<Cell[]>(box.rowCount));
      return;
    }
    for (let r = this.rows.length - 1; r >= box.row; r--) {
      for (let c = box.col; c < box.col + box.colCount; c++) this.move(r, c, r + box.rowCount, c);
    }
  }

  /** Removes the cells of `box`, moving the cells below it (in its columns) up. */
  deleteUp(box: Box): void {
    if (this.rowsWithin(box, box.row)) {
      this.rows.splice(box.row, box.rowCount);
      return;
    }
    const end = this.rows.length;
    for (let r = box.row; r < end; r++) {
      for (let c = box.col; c < box.col + box.colCount; c++) this.move(r + box.rowCount, c, r, c);
    }
  }

  /** Inserts empty cells at `box`, moving the cells at and right of it (in its rows) right. */
  insertRight(box: Box): void {
    for (let r = box.row; r < box.row + box.rowCount; r++) {
      const width = this.rows[r]?.length ?? 0;
      for (let c = width - 1; c >= box.col; c--) this.move(r, c, r, c + box.colCount);
    }
  }

  /** Removes the cells of `box`, moving the cells right of it (in its rows) left. */
  deleteLeft(box: Box): void {
    for (let r = box.row; r < box.row + box.rowCount; r++) {
      const width = this.rows[r]?.length ?? 0;
      for (let c = box.col; c < width; c++) this.move(r, c + box.colCount, r, c);
    }
  }

  private move(fromRow: number, fromCol: number, toRow: number, toCol: number): void {
    const cell = this.rows[fromRow]?.[fromCol];
    if (cell) this.set(toRow, toCol, cell);
    else this.clear(toRow, toCol);
    this.clear(fromRow, fromCol);
  }
}
