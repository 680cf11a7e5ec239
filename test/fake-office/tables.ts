/**
 * `Excel.Table` and its collections in the fake: tables over the sheet's cells that grow by
 * `rows.add` / `columns.add` (shifting the cells below or right, as Excel does), shrink by deleting
 * whole table rows, and can be resized.
 */
import { Box, parseBox, splitSheet } from './address';
import { FakeCollection, FakeEventSource } from './collection';
import { FakeClientObject, FakeRequestContext, Reader, jsonBytes } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { SheetModel, TableModel } from './model';
import { FakeRange, RangeTarget, writeValues } from './range';
import { FakeWorksheet } from './sheets';

type Bind<T> = (() => T | undefined) | { bound: T };

export class FakeTableCollection extends FakeCollection<TableModel, FakeTable> {
  /** `sheet` given: the worksheet's tables; otherwise the workbook's */
  constructor(context: FakeRequestContext, private readonly sheet?: () => SheetModel) {
    super(context, () => (sheet ? context.model.tablesOn(sheet()) : context.model.tables));
  }

  protected item(target: TableModel): FakeTable {
    return new FakeTable(this.context, { bound: target });
  }

  private find(key: string): TableModel | undefined {
    const t = this.context.model.table(key);
    return t && (!this.sheet || t.sheet === this.sheet()) ? t : undefined;
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.find(key));
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this.find(key), true);
  }
  getItemAt(index: number): FakeTable {
    return new FakeTable(this.context, () => this.list()[index]);
  }

  /** office-js `tables.add(address, hasHeaders)`; the fake only knows tables with a header row */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    return new FakeTable(this.context, () => {
      if (!hasHeaders) throw new FakeOfficeError(ErrorCodes.notImplemented, 'fake-office: tables.add(address, false) is not modelled; write the header row first.');
      const { sheet, box } = this.resolve(address);
      const t = this.context.model.addTable(sheet, box);
      this.context.changed(sheet, this.context.model.tableBox(t), 'RangeEdited');
      return t;
    });
  }

  private resolve(address: string | FakeRange): RangeTarget {
    if (address instanceof FakeRange) return address.target();
    const { sheet: name, local } = splitSheet(address);
    const model = this.context.model;
    const sheet = this.sheet ? this.sheet() : name ? model.sheet(name) : model.activeSheet;
    const box = parseBox(local);
    if (!sheet || !box) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is not valid.`);
    return { sheet, box };
  }
}

export class FakeTable extends FakeClientObject<TableModel> {
  protected readonly readers: Record<string, Reader<TableModel>> = {
    name: (t) => t.name,
    id: (t) => t.id,
    showHeaders: () => true,
    showTotals: (t) => Boolean(t.totals),
  };

  constructor(context: FakeRequestContext, bind: Bind<TableModel>, nullable = false) {
    super(context, bind, nullable, 'table');
  }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.write((t) => this.context.model.renameTable(t, name));
  }
  get id(): string { return this.get('id'); }

  /** the totals row (Totaalrij): switched on it takes the empty row below the table */
  get showTotals(): boolean { return this.get('showTotals'); }
  set showTotals(on: boolean) {
    this.write((t) => {
      this.context.model.setTotals(t, on);
      this.context.changed(t.sheet, this.context.model.tableBox(t), 'RangeEdited');
    });
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, () => this.target().sheet));
  }
  get columns(): FakeTableColumnCollection {
    return this.child('columns', () => new FakeTableColumnCollection(this.context, () => this.target()));
  }
  get rows(): FakeTableRowCollection {
    return this.child('rows', () => new FakeTableRowCollection(this.context, () => this.target()));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'worksheet') return this.worksheet as FakeClientObject<unknown>;
    if (name === 'columns') return this.columns as unknown as FakeClientObject<unknown>;
    if (name === 'rows') return this.rows as unknown as FakeClientObject<unknown>;
    return undefined;
  }
  get onChanged(): FakeEventSource {
    return new FakeEventSource(this.context, 'table', () => this.target().id, 'changed');
  }
  get onSelectionChanged(): FakeEventSource {
    return new FakeEventSource(this.context, 'table', () => this.target().id, 'selectionChanged');
  }

  private part(f: (t: TableModel) => Box): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, box: f(t) };
    });
  }
  getRange(): FakeRange {
    return this.part((t) => this.context.model.tableBox(t));
  }
  getHeaderRowRange(): FakeRange {
    return this.part((t) => ({ row: t.row, col: t.col, rowCount: 1, colCount: t.colCount }));
  }
  getDataBodyRange(): FakeRange {
    return this.part((t) => ({ row: t.row + 1, col: t.col, rowCount: t.bodyRows, colCount: t.colCount }));
  }
  getTotalRowRange(): FakeRange {
    return this.part((t) => this.context.model.totalsBox(t) ?? noTotals());
  }

  /**
   * ExcelApi 1.13: the header stays in its row and top-left cell; the table takes the new size.
   * No cell moves: with a totals row the new range's last row becomes the totals row, so the old
   * totals cells end up among the data rows (office-js documents nothing else).
   */
  resize(address: string | FakeRange): void {
    this.write((t) => {
      const box = address instanceof FakeRange ? address.target().box : parseBox(splitSheet(address).local);
      if (!box || box.row !== t.row || box.col !== t.col || box.rowCount < (t.totals ? 3 : 2)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The new table range must keep the header row and its first cell.');
      }
      const model = this.context.model;
      for (const other of model.tablesOn(t.sheet)) {
        const ob = model.tableBox(other);
        const overlap = ob.row < box.row + box.rowCount && box.row < ob.row + ob.rowCount && ob.col < box.col + box.colCount && box.col < ob.col + ob.colCount;
        if (other !== t && overlap) throw new FakeOfficeError(ErrorCodes.invalidOperation, 'A table cannot overlap another table.');
      }
      let nextId = Math.max(0, ...t.columnIds) + 1;
      while (t.columnIds.length < box.colCount) t.columnIds.push(nextId++);
      t.columnIds.length = box.colCount;
      t.colCount = box.colCount;
      t.bodyRows = box.rowCount - 1 - (t.totals ? 1 : 0);
      model.fixHeaders(t);
      this.context.changed(t.sheet, box, 'RangeEdited');
    });
  }

  delete(): void {
    this.write((t) => {
      const box = this.context.model.tableBox(t);
      for (let r = box.row; r < box.row + box.rowCount; r++) for (let c = box.col; c < box.col + box.colCount; c++) t.sheet.grid.clear(r, c);
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
  }
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

export class FakeTableColumnCollection extends FakeCollection<ColumnTarget, FakeTableColumn> {
  constructor(context: FakeRequestContext, private readonly table: () => TableModel) {
    super(context, () => {
      const t = table();
      return t.columnIds.map((_, index) => ({ table: t, index }));
    });
  }

  protected item(target: ColumnTarget): FakeTableColumn {
    return new FakeTableColumn(this.context, { bound: target });
  }

  private find(key: string | number): ColumnTarget | undefined {
    const t = this.table();
    const headers = this.context.model.headers(t).map((h) => h.toLowerCase());
    let index = typeof key === 'string' ? headers.indexOf(key.toLowerCase()) : -1;
    if (index < 0) index = t.columnIds.indexOf(Number(key));
    return index < 0 ? undefined : { table: t, index };
  }

  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => this.find(key));
  }
  getItemOrNullObject(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => this.find(key), true);
  }
  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, () => (index < this.table().colCount ? { table: this.table(), index } : undefined));
  }

  /** Adds a column (at the end by default); `values` includes the header cell; `name` wins over it. */
  add(index?: number | null, values?: unknown[][] | null, name?: string): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const t = this.table();
      const at = index ?? t.colCount;
      const model = this.context.model;
      // the new column runs from the header through the totals row
      const box: Box = { row: t.row, col: t.col + at, rowCount: model.tableBox(t).rowCount, colCount: 1 };
      model.insertRight(t.sheet, box, t);
      t.colCount++;
      t.columnIds.splice(at, 0, Math.max(0, ...t.columnIds) + 1);
      // values cover the header and the data rows, or the totals cell too
      if (values) writeValues(this.context, { sheet: t.sheet, box: { ...box, rowCount: values.length === t.bodyRows + 1 ? values.length : box.rowCount } }, values);
      if (name !== undefined) t.sheet.grid.set(t.row, t.col + at, { v: name, fmt: t.sheet.grid.get(t.row, t.col + at).fmt });
      model.fixHeaders(t);
      this.context.changed(t.sheet, box, 'ColumnInserted');
      return { table: t, index: at };
    }, false, jsonBytes(values ?? null) + jsonBytes(name ?? null));
  }
}

export class FakeTableColumn extends FakeClientObject<ColumnTarget> {
  protected readonly readers: Record<string, Reader<ColumnTarget>> = {
    name: (c) => this.context.model.headers(c.table)[c.index],
    id: (c) => c.table.columnIds[c.index],
    index: (c) => c.index,
  };

  constructor(context: FakeRequestContext, bind: Bind<ColumnTarget>, nullable = false, bytes = 0) {
    super(context, bind, nullable, 'table column');
    // the payload of columns.add travels with the operation that makes the column
    if (bytes > 0) context.queue(() => undefined, bytes);
  }

  get name(): string { return this.get('name'); }
  get id(): number { return this.get('id'); }
  get index(): number { return this.get('index'); }

  private part(f: (t: TableModel) => { row: number; rowCount: number }): FakeRange {
    return new FakeRange(this.context, () => {
      const { table, index } = this.target();
      const { row, rowCount } = f(table);
      return { sheet: table.sheet, box: { row, rowCount, col: table.col + index, colCount: 1 } };
    });
  }
  getRange(): FakeRange {
    return this.part((t) => ({ row: t.row, rowCount: t.bodyRows + 1 + (t.totals ? 1 : 0) }));
  }
  getHeaderRowRange(): FakeRange {
    return this.part((t) => ({ row: t.row, rowCount: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part((t) => ({ row: t.row + 1, rowCount: t.bodyRows }));
  }
  getTotalRowRange(): FakeRange {
    return this.part((t) => this.context.model.totalsBox(t) ?? noTotals());
  }
}

function noTotals(): never {
  throw new FakeOfficeError(ErrorCodes.invalidOperation, 'The table has no totals row; switch it on with showTotals first.');
}

interface RowTarget {
  table: TableModel;
  index: number;
}

export class FakeTableRowCollection extends FakeCollection<RowTarget, FakeTableRow> {
  constructor(context: FakeRequestContext, private readonly table: () => TableModel) {
    super(context, () => {
      const t = table();
      return Array.from({ length: t.bodyRows }, (_, index) => ({ table: t, index }));
    });
  }

  protected item(target: RowTarget): FakeTableRow {
    return new FakeTableRow(this.context, { bound: target });
  }

  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this.context, () => (index < this.table().bodyRows ? { table: this.table(), index } : undefined));
  }

  /**
   * Inserts rows (at the end of the data rows by default, so above a totals row), shifting the
   * cells below, the totals row among them, down.
   */
  add(index?: number | null, values?: unknown[][] | null): FakeTableRow {
    const bytes = jsonBytes(values ?? null);
    return new FakeTableRow(this.context, () => {
      const t = this.table();
      const at = index === null || index === undefined || index === -1 ? t.bodyRows : index;
      if (at < 0 || at > t.bodyRows) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The row index ${at} is outside the table's data rows.`);
      const n = values?.length ?? 1;
      const box: Box = { row: t.row + 1 + at, col: t.col, rowCount: n, colCount: t.colCount };
      this.context.model.insertDown(t.sheet, box, t);
      t.bodyRows += n;
      if (values) writeValues(this.context, { sheet: t.sheet, box }, values);
      this.context.changed(t.sheet, box, 'RowInserted');
      return { table: t, index: at };
    }, bytes);
  }
}

export class FakeTableRow extends FakeClientObject<RowTarget> {
  protected readonly readers: Record<string, Reader<RowTarget>> = {
    index: (r) => r.index,
    values: (r) => {
      const { table: t, index } = r;
      return [Array.from({ length: t.colCount }, (_, j) => t.sheet.grid.get(t.row + 1 + index, t.col + j).v)];
    },
  };

  constructor(context: FakeRequestContext, bind: Bind<RowTarget>, bytes = 0) {
    super(context, bind, false, 'table row');
    if (bytes > 0) context.queue(() => undefined, bytes);
  }

  get index(): number { return this.get('index'); }
  get values(): unknown[][] { return this.get('values'); }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { table: t, index } = this.target();
      return { sheet: t.sheet, box: { row: t.row + 1 + index, col: t.col, rowCount: 1, colCount: t.colCount } };
    });
  }

  /** deletes the row; the last row of a table is emptied instead, as Excel keeps one */
  delete(): void {
    this.write(({ table: t, index }) => {
      const box: Box = { row: t.row + 1 + index, col: t.col, rowCount: 1, colCount: t.colCount };
      if (t.bodyRows === 1) {
        for (let c = box.col; c < box.col + box.colCount; c++) t.sheet.grid.clear(box.row, c);
      } else {
        this.context.model.deleteUp(t.sheet, box, t);
        t.bodyRows--;
      }
      this.context.changed(t.sheet, box, 'RowDeleted');
    });
  }
}
