/**
 * `Excel.Workbook`, `Excel.WorksheetCollection` and `Excel.Worksheet` in the fake.
 */
import { Box, parseBox, splitSheet } from './address';
import { FakeCollection, FakeEventSource } from './collection';
import { FakeCommentCollection } from './comments';
import { FakeClientObject, FakeRequestContext, Reader } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { SheetModel } from './model';
import { FakeRange } from './range';
import { FakeTableCollection } from './tables';

function parseLocal(address: string): Box {
  const box = parseBox(splitSheet(address).local);
  if (!box) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The address '${address}' is not valid.`);
  return box;
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  protected readonly readers: Record<string, Reader<SheetModel>> = {
    name: (s) => s.name,
    id: (s) => s.id,
    position: (s) => this.context.model.sheets.indexOf(s),
    visibility: () => 'Visible',
  };

  constructor(context: FakeRequestContext, bind: (() => SheetModel | undefined) | { bound: SheetModel }, nullable = false) {
    super(context, bind, nullable, 'worksheet');
  }

  get name(): string { return this.get('name'); }
  set name(name: string) {
    this.write((s) => {
      const other = this.context.model.sheet(name);
      if (other && other !== s) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
      s.name = name;
    });
  }
  get id(): string { return this.get('id'); }
  get position(): number { return this.get('position'); }

  get tables(): FakeTableCollection {
    return this.child('tables', () => new FakeTableCollection(this.context, () => this.target()));
  }

  get onChanged(): FakeEventSource {
    return new FakeEventSource(this.context, 'worksheet', () => this.target().id, 'changed');
  }
  get onSelectionChanged(): FakeEventSource {
    return new FakeEventSource(this.context, 'worksheet', () => this.target().id, 'selectionChanged');
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target(), box: parseLocal(address) }));
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target(), box: { row, col, rowCount, colCount } }));
  }

  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  /** the used range; a blank sheet gives A1, as office-js does */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.target();
      return { sheet: s, box: s.grid.usedBox(valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.target();
        const box = s.grid.usedBox(valuesOnly);
        return box ? { sheet: s, box } : undefined;
      },
      true,
    );
  }

  activate(): void {
    this.write((s) => (this.context.model.activeSheet = s));
  }

  delete(): void {
    this.write((s) => this.context.model.deleteSheet(s));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === 'tables' ? (this.tables as unknown as FakeClientObject<unknown>) : undefined;
  }
}

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model.sheets);
  }

  protected item(target: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, { bound: target });
  }

  private find(key: string): SheetModel | undefined {
    return this.context.model.sheet(key) ?? this.context.model.sheets.find((s) => s.id === key);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.find(key), true);
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.addSheet(name));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.activeSheet ?? this.context.model.sheets[0]);
  }
}

export class FakeWorkbookProxy extends FakeClientObject<object> {
  protected readonly readers: Record<string, Reader<object>> = { name: () => 'Werkboek.xlsx' };
  readonly worksheets: FakeWorksheetCollection;

  constructor(context: FakeRequestContext) {
    super(context, { bound: {} });
    this.worksheets = new FakeWorksheetCollection(context);
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context);
  }

  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context);
  }

  /** the selected cells; A1 of the first sheet when nothing was selected yet */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.context.model;
      return m.selection ?? { sheet: m.activeSheet ?? m.sheets[0], box: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }

  getActiveCell(): FakeRange {
    return this.getSelectedRange().getCell(0, 0);
  }
}
