/**
 * The fake's workbook: sheets of cells, tables over them, the selection, event handlers and a log of
 * every `context.sync()`. Seed it from plain data, drive it with the proxies in `objects.ts`, and read
 * it back in tests.
 */
import { Box, contains, formatBox, intersects, parseBox, quoteSheet } from './address';
import { ErrorCodes, FakeOfficeError } from './errors';
import { Cell, Grid, Scalar } from './grid';

export interface SheetModel {
  id: string;
  name: string;
  grid: Grid;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** header row, 0-based */
  row: number;
  col: number;
  colCount: number;
  /** data rows; Excel keeps at least one */
  bodyRows: number;
  columnIds: number[];
  /** the table shows a totals row (Totaalrij) below its data rows */
  totals?: boolean;
}

/** What one `context.sync()` sent and received. */
export interface SyncRecord {
  /** queued operations run by this sync */
  ops: number;
  /** JSON length of the values / numberFormat / formulas written */
  requestBytes: number;
  /** JSON length of the values / numberFormat / valueTypes / formulas loaded */
  responseBytes: number;
  /** the error code when the sync was rejected */
  error?: string;
}

/** A cell in seed data: a plain value, an error, or a value with its number format. */
export type SeedValue = Scalar | null | { error: string } | { value: Scalar; format?: string; formula?: string };

export interface SeedTable {
  name: string;
  /** top-left cell of the header, default `A1` */
  at?: string;
  headers: string[];
  rows: SeedValue[][];
  /** the totals row's cells: the table is seeded with its totals row shown */
  totals?: SeedValue[];
}

export interface SeedSheet {
  name: string;
  /** plain cells from A1 (or from `at`) */
  cells?: SeedValue[][];
  at?: string;
  tables?: SeedTable[];
}

export interface SeedWorkbook {
  sheets: SeedSheet[];
}

export type EventKind = 'changed' | 'selectionChanged';

interface Handler {
  id: number;
  scope: 'worksheet' | 'table';
  targetId: string;
  kind: EventKind;
  fn: (args: unknown) => unknown;
}

/** A whole-workbook snapshot for "nothing else changed" comparisons. */
export type Snapshot = Record<string, { cells: Record<string, Cell>; tables: Record<string, string> }>;

export class FakeWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly syncLog: SyncRecord[] = [];
  /** Excel on the web refuses a request or response above 5 MB */
  payloadLimitBytes = 5 * 1024 * 1024;
  /** errors thrown by event handlers (a test should expect none) */
  readonly eventErrors: unknown[] = [];
  selection?: { sheet: SheetModel; box: Box };
  activeSheet?: SheetModel;
  private nextId = 1;
  private handlers: Handler[] = [];
  private pending: Promise<unknown>[] = [];

  constructor(seed?: SeedWorkbook) {
    for (const s of seed?.sheets ?? []) this.seedSheet(s);
    this.activeSheet = this.sheets[0];
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  // --- sheets ---------------------------------------------------------------------------------

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    if (chosen.length === 0 || chosen.length > 31 || /[[\]:*?/\\]/.test(chosen)) {
      throw new FakeOfficeError(ErrorCodes.invalidArgument, `The sheet name '${chosen}' is not valid.`);
    }
    if (this.sheet(chosen)) {
      throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A sheet named '${chosen}' already exists.`);
    }
    const sheet: SheetModel = { id: this.newId('sheet'), name: chosen, grid: new Grid() };
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const t of this.tablesOn(sheet)) this.tables.splice(this.tables.indexOf(t), 1);
  }

  // --- tables ---------------------------------------------------------------------------------

  table(nameOrId: string): TableModel | undefined {
    const key = nameOrId.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key || t.id === nameOrId);
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  /** the whole table: header, data rows and (when shown) the totals row */
  tableBox(t: TableModel): Box {
    return { row: t.row, col: t.col, rowCount: t.bodyRows + 1 + (t.totals ? 1 : 0), colCount: t.colCount };
  }

  /** the totals row's cells, undefined when the table shows none */
  totalsBox(t: TableModel): Box | undefined {
    return t.totals ? { row: t.row + 1 + t.bodyRows, col: t.col, rowCount: 1, colCount: t.colCount } : undefined;
  }

  /**
   * Shows or hides the totals row, as `table.showTotals = on` does: shown, it takes the row below
   * the table, which must be empty (Excel refuses to move cells for it); hidden, that row is cleared.
   */
  setTotals(t: TableModel, on: boolean): void {
    if (Boolean(t.totals) === on) return;
    const below: Box = { row: t.row + 1 + t.bodyRows, col: t.col, rowCount: 1, colCount: t.colCount };
    if (on) {
      const taken = this.tablesOn(t.sheet).some((o) => o !== t && intersects(this.tableBox(o), below));
      const filled = Array.from({ length: below.colCount }, (_, j) => t.sheet.grid.get(below.row, below.col + j)).some((c) => c.v !== '' || c.f !== undefined);
      if (taken || filled) {
        throw new FakeOfficeError(ErrorCodes.invalidOperation, 'This operation is not allowed. It would overwrite cells below the table; make the row below the table empty first.');
      }
    } else {
      for (let j = 0; j < below.colCount; j++) t.sheet.grid.clear(below.row, below.col + j);
    }
    t.totals = on;
  }

  headers(t: TableModel): string[] {
    return Array.from({ length: t.colCount }, (_, i) => String(t.sheet.grid.get(t.row, t.col + i).v));
  }

  /** Creates a table over `box` whose first row is the header (office-js `tables.add(address, true)`). */
  addTable(sheet: SheetModel, box: Box): TableModel {
    for (const t of this.tablesOn(sheet)) {
      if (intersects(this.tableBox(t), box)) {
        throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A table cannot overlap another table.');
      }
    }
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`)) n++;
    const t: TableModel = {
      id: this.newId('table'),
      name: `Table${n}`,
      sheet,
      row: box.row,
      col: box.col,
      colCount: box.colCount,
      bodyRows: Math.max(1, box.rowCount - 1),
      columnIds: Array.from({ length: box.colCount }, (_, i) => i + 1),
    };
    this.fixHeaders(t);
    this.tables.push(t);
    return t;
  }

  /** Empty header cells become `ColumnN`, duplicates get a number, as Excel does. */
  fixHeaders(t: TableModel): void {
    const seen = new Set<string>();
    for (let i = 0; i < t.colCount; i++) {
      const cell = t.sheet.grid.get(t.row, t.col + i);
      let name = String(cell.v) || `Column${i + 1}`;
      const base = name;
      for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
      seen.add(name.toLowerCase());
      if (name !== cell.v) t.sheet.grid.set(t.row, t.col + i, { v: name, fmt: cell.fmt });
    }
  }

  renameTable(t: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeOfficeError(ErrorCodes.invalidArgument, `The table name '${name}' is not valid.`);
    }
    const other = this.table(name);
    if (other && other !== t) {
      throw new FakeOfficeError(ErrorCodes.invalidArgument, `A table named '${name}' already exists.`);
    }
    t.name = name;
  }

  // --- cell shifting, with the tables in the way ---------------------------------------------

  /** Inserts `box` shifting down; tables wholly below move, a table cut by the columns is refused. */
  insertDown(sheet: SheetModel, box: Box, except?: TableModel): void {
    const band: Box = { row: box.row, col: box.col, rowCount: 1e7, colCount: box.colCount };
    const moving = this.tablesIn(sheet, band, except);
    sheet.grid.insertDown(box);
    for (const t of moving) t.row += box.rowCount;
  }

  deleteUp(sheet: SheetModel, box: Box, except?: TableModel): void {
    const band: Box = { row: box.row + box.rowCount, col: box.col, rowCount: 1e7, colCount: box.colCount };
    const moving = this.tablesIn(sheet, band, except);
    sheet.grid.deleteUp(box);
    for (const t of moving) t.row -= box.rowCount;
  }

  insertRight(sheet: SheetModel, box: Box, except?: TableModel): void {
    const band: Box = { row: box.row, col: box.col, rowCount: box.rowCount, colCount: 1e5 };
    const moving = this.tablesIn(sheet, band, except);
    sheet.grid.insertRight(box);
    for (const t of moving) t.col += box.colCount;
  }

  deleteLeft(sheet: SheetModel, box: Box, except?: TableModel): void {
    const band: Box = { row: box.row, col: box.col + box.colCount, rowCount: box.rowCount, colCount: 1e5 };
    const moving = this.tablesIn(sheet, band, except);
    sheet.grid.deleteLeft(box);
    for (const t of moving) t.col -= box.colCount;
  }

  /** The tables inside a band that shifts; one only partly inside cannot move, as in Excel. */
  private tablesIn(sheet: SheetModel, band: Box, except?: TableModel): TableModel[] {
    const inside: TableModel[] = [];
    for (const t of this.tablesOn(sheet)) {
      if (t === except || !intersects(this.tableBox(t), band)) continue;
      if (!contains(band, this.tableBox(t))) {
        throw new FakeOfficeError(
          ErrorCodes.invalidOperation,
          "This operation is not allowed. It's moving cells in a table on your worksheet.",
        );
      }
      inside.push(t);
    }
    return inside;
  }

  // --- events ---------------------------------------------------------------------------------

  addHandler(scope: Handler['scope'], targetId: string, kind: EventKind, fn: Handler['fn']): number {
    const id = this.nextId++;
    this.handlers.push({ id, scope, targetId, kind, fn });
    return id;
  }

  removeHandler(id: number): void {
    this.handlers = this.handlers.filter((h) => h.id !== id);
  }

  /** Tells the handlers that cells changed (after a sync, or when a test plays the planner). */
  fireChanged(sheet: SheetModel, box: Box, changeType = 'RangeEdited'): void {
    const base = { changeType, source: 'Local', worksheetId: sheet.id };
    this.dispatch('worksheet', sheet.id, 'changed', { ...base, address: formatBox(box), type: 'WorksheetChanged' });
    for (const t of this.tablesOn(sheet)) {
      const tb = this.tableBox(t);
      if (!intersects(tb, box)) continue;
      const row = Math.max(tb.row, box.row);
      const col = Math.max(tb.col, box.col);
      const cut: Box = {
        row,
        col,
        rowCount: Math.min(tb.row + tb.rowCount, box.row + box.rowCount) - row,
        colCount: Math.min(tb.col + tb.colCount, box.col + box.colCount) - col,
      };
      this.dispatch('table', t.id, 'changed', { ...base, address: formatBox(cut), tableId: t.id, type: 'TableChanged' });
    }
  }

  /**
   * Types values into cells as a planner does (numbers stay numbers, text stays text; `null`
   * empties a cell) and tells the change handlers.
   */
  edit(sheetName: string, address: string, values: SeedValue[][]): void {
    const sheet = this.sheet(sheetName) ?? fail(sheetName);
    const box = parseBox(address) ?? fail(address);
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = seedCell(value);
        const { fmt, dv } = sheet.grid.get(box.row + i, box.col + j);
        // typing keeps the cell's format and validation; emptying a cell keeps them too
        if (cell) sheet.grid.set(box.row + i, box.col + j, { ...cell, fmt, ...(dv ? { dv } : {}) });
        else if (fmt !== 'General' || dv) sheet.grid.set(box.row + i, box.col + j, { v: '', fmt, ...(dv ? { dv } : {}) });
        else sheet.grid.clear(box.row + i, box.col + j);
      }),
    );
    this.fireChanged(sheet, box);
  }

  /** Moves the selection and tells the handlers, as a click in Excel does. */
  select(sheet: SheetModel, box: Box): void {
    this.selection = { sheet, box };
    this.activeSheet = sheet;
    const address = formatBox(box);
    this.dispatch('worksheet', sheet.id, 'selectionChanged', {
      address,
      worksheetId: sheet.id,
      type: 'WorksheetSelectionChanged',
    });
    for (const t of this.tablesOn(sheet)) {
      this.dispatch('table', t.id, 'selectionChanged', {
        address,
        isInsideTable: intersects(this.tableBox(t), box),
        tableId: t.id,
        worksheetId: sheet.id,
        type: 'TableSelectionChanged',
      });
    }
  }

  private dispatch(scope: Handler['scope'], targetId: string, kind: EventKind, args: unknown): void {
    for (const h of this.handlers) {
      if (h.scope !== scope || h.targetId !== targetId || h.kind !== kind) continue;
      // office-js calls handlers later, never inside the sync that caused them
      const p = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => h.fn(args))
        .catch((e: unknown) => this.eventErrors.push(e));
      this.pending.push(p);
    }
  }

  /** Resolves once every event handler called so far (and those they caused) has finished. */
  async flushEvents(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }

  // --- seeding and reading back ---------------------------------------------------------------

  private seedSheet(s: SeedSheet): void {
    const sheet = this.addSheet(s.name);
    if (s.cells) writeSeed(sheet.grid, parseBox(s.at ?? 'A1') ?? fail(s.at), s.cells);
    for (const st of s.tables ?? []) {
      const at = parseBox(st.at ?? 'A1') ?? fail(st.at);
      writeSeed(sheet.grid, at, [st.headers, ...st.rows]);
      const t = this.addTable(sheet, { ...at, rowCount: st.rows.length + 1, colCount: st.headers.length });
      this.renameTable(t, st.name);
      if (st.totals) {
        this.setTotals(t, true);
        writeSeed(sheet.grid, { ...at, row: at.row + 1 + t.bodyRows }, [st.totals]);
      }
    }
  }

  /** The values of a sheet's cells in `address` (errors as their text), or of its used range. */
  values(sheetName: string, address?: string): Scalar[][] {
    const sheet = this.sheet(sheetName) ?? fail(sheetName);
    const box = address ? (parseBox(address) ?? fail(address)) : sheet.grid.usedBox(true);
    if (!box) return [];
    return rowsOf(box, (r, c) => sheet.grid.get(r, c).v);
  }

  /** A table as plain data: where it is, its header and its rows. */
  readTable(name: string): { sheet: string; address: string; headers: string[]; rows: Scalar[][] } {
    const t = this.table(name) ?? fail(`table ${name}`);
    const body: Box = { row: t.row + 1, col: t.col, rowCount: t.bodyRows, colCount: t.colCount };
    return {
      sheet: t.sheet.name,
      address: `${quoteSheet(t.sheet.name)}!${formatBox(this.tableBox(t))}`,
      headers: this.headers(t),
      rows: rowsOf(body, (r, c) => t.sheet.grid.get(r, c).v),
    };
  }

  /** The cells of a table's totals row (errors as their text), undefined when it shows none. */
  totalsRow(name: string): Scalar[] | undefined {
    const t = this.table(name) ?? fail(`table ${name}`);
    const box = this.totalsBox(t);
    return box && rowsOf(box, (r, c) => t.sheet.grid.get(r, c).v)[0];
  }

  /** The number formats of a table column's data cells. */
  columnFormats(tableName: string, header: string): string[] {
    const t = this.table(tableName) ?? fail(`table ${tableName}`);
    const i = this.headers(t).indexOf(header);
    if (i < 0) fail(`column ${header}`);
    return Array.from({ length: t.bodyRows }, (_, r) => t.sheet.grid.get(t.row + 1 + r, t.col + i).fmt);
  }

  /** Every non-empty cell and every table, for comparing a workbook before and after. */
  snapshot(): Snapshot {
    const out: Snapshot = {};
    for (const sheet of this.sheets) {
      const cells: Record<string, Cell> = {};
      const used = sheet.grid.usedBox(false);
      if (used) {
        rowsOf(used, (r, c) => {
          const cell = sheet.grid.get(r, c);
          if (cell.v !== '' || cell.fmt !== 'General' || cell.f || cell.dv) cells[formatBox({ row: r, col: c, rowCount: 1, colCount: 1 })] = { ...cell };
          return 0;
        });
      }
      const tables: Record<string, string> = {};
      for (const t of this.tablesOn(sheet)) tables[t.name] = formatBox(this.tableBox(t));
      out[sheet.name] = { cells, tables };
    }
    return out;
  }
}

function rowsOf<T>(box: Box, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: box.rowCount }, (_, i) =>
    Array.from({ length: box.colCount }, (_, j) => f(box.row + i, box.col + j)),
  );
}

function writeSeed(grid: Grid, at: Box, rows: SeedValue[][]): void {
  rows.forEach((row, i) =>
    row.forEach((value, j) => {
      const cell = seedCell(value);
      if (cell) grid.set(at.row + i, at.col + j, cell);
    }),
  );
}

function seedCell(value: SeedValue): Cell | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value !== 'object') return { v: value, fmt: 'General' };
  if ('error' in value) return { v: value.error, err: true, fmt: 'General' };
  return { v: value.value, fmt: value.format ?? 'General', ...(value.formula ? { f: value.formula } : {}) };
}

function fail(what: string | undefined): never {
  throw new Error(`fake-office: no such ${what ?? 'address'} in the fake workbook; check the seed or the name.`);
}
