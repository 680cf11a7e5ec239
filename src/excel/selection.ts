/**
 * Selection both ways and change events: select a work's or a pair's row from the map, hear which
 * row the planner selects, and hear when Werken changes (for re-analysis). Event handlers run
 * outside any batch, so they open their own `Excel.run`.
 */
import { TABLES } from '../core/werkboek/columns';
import { mapHeaders, normaliseHeader } from '../core/werkboek/headers';
import { WERKEN_KOLOM } from '../core/werkboek/meekoppelkansen-kolom';
import { type Shape, type TableSource, indexWorkbook, locateTables, readShape } from './read';

/** The tables whose rows the map and the sheet select in each other. */
export type SelectableTable = 'Werken' | 'Meekoppelkansen';

/** A registration that can be undone. */
export interface Subscription {
  remove(): Promise<void>;
}

/** A selected row of Werken or Meekoppelkansen, by its id. */
export interface RowSelection {
  table: SelectableTable;
  id: string;
}

/** `A3`, `B2:D4`, `Werken!B2:D4` as 0-based rows and columns. */
export function parseAddress(address: string): { row: number; col: number; rowCount: number; colCount: number } | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c1, r1] = [col(m[1]), Number(m[2]) - 1];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4]) - 1] : [c1, r1];
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
}

async function sourceOf(context: Excel.RequestContext, table: SelectableTable): Promise<TableSource | undefined> {
  return locateTables(await indexWorkbook(context)).get(table);
}

function idColumn(shape: Shape, table: SelectableTable): number | undefined {
  const raw = { name: table, sheet: shape.sheet, headerRow: shape.headerRow, firstColumn: shape.firstColumn, headers: shape.headers, rows: [], isTable: true };
  return mapHeaders(raw, TABLES[table]).index.get('id');
}

/**
 * Selects the row of a work (`Werken`) or a pair (`Meekoppelkansen`) by id and shows its sheet;
 * false when there is no such table or row.
 *
 * @example
 * await Excel.run((context) => selectRow(context, 'Werken', 'W12'));
 */
export async function selectRow(context: Excel.RequestContext, table: SelectableTable, id: string): Promise<boolean> {
  const source = await sourceOf(context, table);
  if (!source) return false;
  const shape = await readShape(context, source);
  const col = idColumn(shape, table);
  if (col === undefined || shape.rowCount < 1) return false;
  const ws = context.workbook.worksheets.getItem(shape.sheet);
  const ids = ws.getRangeByIndexes(shape.headerRow, shape.firstColumn - 1 + col, shape.rowCount, 1).load('values');
  await context.sync();
  const at = ids.values.findIndex(([v]) => String(v).trim() === id);
  if (at < 0) return false;
  ws.activate();
  ws.getRangeByIndexes(shape.headerRow + at, shape.firstColumn - 1, 1, shape.columnCount).select();
  await context.sync();
  return true;
}

/** The id in the first selected row of a table, read in a batch of its own. */
async function idAt(source: TableSource, table: SelectableTable, row: number): Promise<string | undefined> {
  return Excel.run(async (context) => {
    const shape = await readShape(context, source);
    const col = idColumn(shape, table);
    if (col === undefined || row < shape.headerRow || row >= shape.headerRow + shape.rowCount) return undefined;
    const cell = context.workbook.worksheets.getItem(shape.sheet).getCell(row, shape.firstColumn - 1 + col).load('values');
    await context.sync();
    const id = String(cell.values[0][0] ?? '').trim();
    return id === '' ? undefined : id;
  });
}

type Handler = (args: { address: string; isInsideTable?: boolean }) => Promise<void>;

/** Adds a handler to a table's event, or to its sheet's when it is a sheet read as a whole. */
function listen(context: Excel.RequestContext, source: TableSource, kind: 'onSelectionChanged' | 'onChanged', handler: Handler): OfficeExtension.EventHandlerResult<unknown> {
  const target = source.table ? context.workbook.tables.getItem(source.table) : context.workbook.worksheets.getItem(source.sheet);
  return (target[kind] as unknown as OfficeExtension.EventHandlers<unknown>).add(handler as never);
}

function subscription(results: OfficeExtension.EventHandlerResult<unknown>[]): Subscription {
  return {
    async remove() {
      if (results.length === 0) return;
      await Excel.run(results[0].context, async (context) => {
        for (const r of results) r.remove();
        await context.sync();
      });
    },
  };
}

/**
 * Calls `callback` with the id of the row the planner selects in Werken or Meekoppelkansen.
 *
 * @example
 * const sub = await Excel.run((context) => onSelection(context, ({ table, id }) => map.highlight(table, id)));
 * await sub.remove();
 */
export async function onSelection(context: Excel.RequestContext, callback: (selection: RowSelection) => void): Promise<Subscription> {
  const located = locateTables(await indexWorkbook(context));
  const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  for (const table of ['Werken', 'Meekoppelkansen'] as const) {
    const source = located.get(table);
    if (!source) continue;
    results.push(listen(context, source, 'onSelectionChanged', async (args) => {
      const box = parseAddress(args.address);
      if (!box || args.isInsideTable === false) return;
      const id = await idAt(source, table, box.row);
      if (id !== undefined) callback({ table, id });
    }));
  }
  await context.sync();
  return subscription(results);
}

/**
 * Calls `callback` when the planner changes Werken; changes to the add-in's own meekoppelkansen
 * column (its own writes) are not reported. Debouncing is the caller's (see `debounce`).
 *
 * @example
 * const rerun = debounce(() => analyseAgain(), 1500);
 * const sub = await Excel.run((context) => onWerkenChanged(context, () => rerun.call()));
 */
export async function onWerkenChanged(context: Excel.RequestContext, callback: (change: { address: string }) => void): Promise<Subscription> {
  const source = locateTables(await indexWorkbook(context)).get('Werken');
  if (!source) return subscription([]);
  const result = listen(context, source, 'onChanged', async (args) => {
    const box = parseAddress(args.address);
    if (!box) return;
    const ours = await Excel.run(async (ctx) => {
      const shape = await readShape(ctx, source);
      const col = shape.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(WERKEN_KOLOM));
      const abs = shape.firstColumn - 1 + col;
      return col >= 0 && box.col === abs && box.colCount === 1;
    });
    if (!ours) callback({ address: args.address });
  });
  await context.sync();
  return subscription([result]);
}
