/**
 * Re-analysis: the add-in's table (Meekoppelkansen, Controle) edited in place, the way a planner's
 * own hands would, so nothing around it or in it that the add-in does not own is lost. Rows are
 * matched by `id` (in order, as the werkboek merge keeps them); a cell is written only when its
 * value changes, so a planner's formula, style or rich text stays as it was. Vanished rows close
 * up, new rows follow, and the cells below the table move with its last row, as Excel's own row
 * insert and delete move them; references to moved cells follow them. The table part keeps
 * everything (filter, sort, style, calculated columns, totals row): only its ranges and new
 * columns change.
 */
import type { CellValue } from '../core/types';
import { normaliseHeader } from '../core/werkboek/headers';
import { cellToText } from '../core/werkboek/cells';
import { decodeRef, encodeRef, type CellRange } from './cell-ref';
import { moveComments } from './comments';
import { columnShift, moveRange, moveReferences, rowMove, shiftRelative, type CellMove } from './formula-rows';
import type { SheetEditor } from './sheet-editor';
import type { SharedStrings, SheetCell } from './sheet-xml';
import type { SheetRef, TableRef, XlsxPackage } from './xlsx-package';
import { childElements, createElement, firstChild, root } from './xml';

/** What goes into the table: unique headers (the existing ones first), rows, a cell format per column. */
export interface TableUpdate {
  headers: string[];
  rows: readonly (readonly CellValue[])[];
  /** cellXfs index per column for written cells; undefined keeps a cell's own style */
  styles: ReadonlyArray<number | undefined>;
}

/**
 * Updates an existing table of the add-in in place; true when a formula moved or was overwritten
 * (the workbook's calcChain must then go).
 *
 * @example
 * await updateTable(pkg, existing, { headers, rows, styles });
 */
export async function updateTable(pkg: XlsxPackage, existing: TableRef, update: TableUpdate): Promise<boolean> {
  const sheet = await pkg.sheet(existing.sheet.path);
  const { top, left, right } = existing.range;
  const dataTop = top + existing.headerRows;
  const dataBottom = existing.range.bottom - existing.totalsRows;
  const old = await readRows(pkg, sheet, dataTop, dataBottom, left, right);
  const source = matchRows(old, update.rows, idColumn(update.headers, right - left + 1));
  const count = Math.max(1, update.rows.length);
  const delta = count - old.length;
  const target = new Map<number, number>();
  source.forEach((j, i) => { if (j >= 0) target.set(dataTop + j, dataTop + i); });
  const newRight = Math.max(right, left + update.headers.length - 1);
  if (newRight > right) await makeRoom(pkg, existing.sheet, top, existing.range.bottom, right, newRight - right);
  const move = rowMove(existing.sheet.name, left, newRight, (r) => (r < dataTop ? r : r <= dataBottom ? (target.get(r) ?? r) : r + delta));
  // a format or validation over a column's data rows covers the new ones too, as Excel keeps it when a table grows
  const rowsOf = (ref: string) => ref.split(' ').map((part) => {
    if (!/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(part)) return part;
    const r = decodeRef(part);
    const whole = r.left >= left && r.right <= right && r.top >= dataTop && r.top <= dataBottom && r.bottom === dataBottom;
    return whole ? encodeRef({ ...r, top: move.to(r.top, r.left).row, bottom: dataTop + count - 1 }) : moveRange(part, move);
  }).join(' ');
  if (delta !== 0 || [...target].some(([from, to]) => from !== to)) await followMove(pkg, existing.sheet.path, move, rowsOf);
  if (delta > 0) shiftBelow(sheet, dataBottom, delta, left, newRight);
  let removed = rearrange(sheet, dataTop, old.length, target, left, right);
  if (delta < 0) shiftBelow(sheet, dataBottom, delta, left, newRight);
  removed = writeRows(sheet, dataTop, left, old, source, update) || removed;
  writeHeaders(sheet, top, left, right, update.headers);
  sheet.finish();
  pkg.touch(existing.sheet.path);
  const bottom = dataTop + count - 1;
  await resizeTablePart(pkg, existing, { top, left, bottom: bottom + existing.totalsRows, right: newRight }, bottom, update.headers);
  return removed || sheet.movedFormula;
}

/** every reference of the sheet to a moved cell follows it, and so do the comments on moved cells */
async function followMove(pkg: XlsxPackage, sheetPath: string, move: CellMove, formatted?: (ref: string) => string): Promise<void> {
  const sheet = await pkg.sheet(sheetPath);
  // a filled-down formula group could be split by the move: each cell gets its own formula first
  sheet.unshareFormulas(shiftRelative);
  sheet.mapFormulas((f) => moveReferences(f, move), (ref) => moveRange(ref, move));
  sheet.mapRanges((ref, element) => (formatted && /^(conditionalFormatting|dataValidation)$/.test(element) ? formatted(ref) : moveRange(ref, move)));
  await moveComments(pkg, sheetPath, move);
}

/**
 * New columns go right of the table: what the planner has beside it, on the table's rows, moves
 * right to make way (as Excel's "insert table column" moves it). Nothing moves when they are empty.
 */
async function makeRoom(pkg: XlsxPackage, where: SheetRef, top: number, bottom: number, right: number, by: number): Promise<void> {
  const sheet = await pkg.sheet(where.path);
  const taken = (r: number) => Array.from({ length: by }, (_, i) => right + 1 + i).some((c) => sheet.hasValue(r, c));
  const rows = sheet.rowNumbers(top, bottom);
  if (!rows.some(taken)) return;
  await followMove(pkg, where.path, columnShift(where.name, top, bottom, right, by));
  for (const r of rows) {
    const cells = sheet.takeCells(r, right + 1, Infinity);
    sheet.putCells(r, cells.map((c) => ({ column: c.column + by, xml: c.xml })));
  }
}

/** the cells below the data rows (a totals row, the planner's notes) go down (delta > 0) or up with the last row */
function shiftBelow(sheet: SheetEditor, dataBottom: number, delta: number, left: number, right: number): void {
  const rows = sheet.rowNumbers(dataBottom + 1);
  if (delta > 0) rows.reverse();
  for (const r of rows) sheet.putCells(r + delta, sheet.takeCells(r, left, right));
}

/** data rows to their new places; rows of vanished pairs emptied; true when a formula went with them */
function rearrange(sheet: SheetEditor, dataTop: number, oldCount: number, target: Map<number, number>, left: number, right: number): boolean {
  const moved: Array<[number, SheetCell[]]> = [];
  let removed = false;
  for (let r = dataTop; r < dataTop + oldCount; r++) {
    const to = target.get(r);
    if (to === r) continue;
    const cells = sheet.takeCells(r, left, right);
    if (to === undefined) removed ||= cells.some((c) => /<(\w+:)?f[\s>/]/.test(c.xml));
    else moved.push([to, cells]);
  }
  for (const [to, cells] of moved) sheet.putCells(to, cells);
  return removed;
}

/** the new values, only where they differ from what the cell holds; true when a formula was overwritten */
function writeRows(sheet: SheetEditor, dataTop: number, left: number, old: CellValue[][], source: number[], update: TableUpdate): boolean {
  const before = sheet.removedFormula;
  update.rows.forEach((row, i) => {
    const was = source[i] >= 0 ? old[source[i]] : undefined;
    update.headers.forEach((_, c) => {
      const value = row[c] ?? null;
      if (was && c < was.length && sameValue(was[c], value)) return;
      sheet.setValue(dataTop + i, left + c, value, update.styles[c]);
    });
  });
  return sheet.removedFormula && !before;
}

/** new columns get their header, in the last header's style; existing header cells are the table's column names and stay */
function writeHeaders(sheet: SheetEditor, top: number, left: number, right: number, headers: string[]): void {
  headers.forEach((h, c) => {
    if (left + c > right) sheet.setValue(top, left + c, h, sheet.styleOf(top, right));
  });
}

/**
 * The values of an existing table as the cells hold them: its header row and its data rows.
 *
 * @example
 * const { headers, rows } = await readTable(pkg, (await pkg.tables())[0]);
 */
export async function readTable(pkg: XlsxPackage, existing: TableRef): Promise<{ headers: string[]; rows: CellValue[][] }> {
  const sheet = await pkg.sheet(existing.sheet.path);
  const { top, left, right } = existing.range;
  const [head] = await readRows(pkg, sheet, top, top, left, right);
  const rows = await readRows(pkg, sheet, top + existing.headerRows, existing.range.bottom - existing.totalsRows, left, right);
  return { headers: head.map((h) => (h === null ? '' : String(h))), rows };
}

// the shared string table is read only when the rows use it (a big Werken table fills it)
async function readRows(pkg: XlsxPackage, sheet: SheetEditor, from: number, to: number, left: number, right: number): Promise<CellValue[][]> {
  let needed = false;
  const read = (shared: SharedStrings) => Array.from({ length: to - from + 1 }, (_, j) => readRow(sheet, from + j, left, right, shared));
  const rows = read(() => { needed = true; return ''; });
  return needed ? read(await sharedStrings(pkg)) : rows;
}

function readRow(sheet: SheetEditor, r: number, left: number, right: number, shared: SharedStrings): CellValue[] {
  const values: CellValue[] = [];
  for (let c = left; c <= right; c++) values.push(sheet.valueAt(r, c, shared));
  return values;
}

/** the index of the id column among the existing ones, or -1 */
function idColumn(headers: string[], width: number): number {
  return headers.slice(0, width).findIndex((h) => normaliseHeader(h) === 'id');
}

const idText = (row: readonly CellValue[] | undefined, column: number): string => {
  if (!row || column < 0) return '';
  const text = cellToText(row[column] ?? null);
  return text.ok ? text.value : '';
};

/**
 * For each new row, the existing row it continues (index into `old`) or -1 for a new one. Rows keep
 * their order, so each is looked for after the last match: by id, or a row without an id takes the
 * next filled row without one (the merge keeps those as they were).
 */
export function matchRows(old: readonly CellValue[][], rows: readonly (readonly CellValue[])[], idCol: number): number[] {
  const oldIds = old.map((r) => idText(r, idCol));
  const known = new Set(oldIds.filter((id) => id !== ''));
  let next = 0;
  return rows.map((row) => {
    const id = idText(row, idCol);
    if (id !== '' && !known.has(id)) return -1;
    for (let j = next; j < old.length; j++) {
      const fits = id !== '' ? oldIds[j] === id : oldIds[j] === '' && old[j].some((v) => v !== null);
      if (!fits) continue;
      next = j + 1;
      return j;
    }
    return -1;
  });
}

/** the same value as read (a number within rounding of a date read back, text exactly) */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'object' && typeof b === 'object') return a.error === b.error;
  return a === b;
}

/** the shared string table as read-xlsx reads it (exceljs decodes `_xHHHH_` there), built on first use */
async function sharedStrings(pkg: XlsxPackage): Promise<SharedStrings> {
  const rel = (await pkg.relationships(pkg.workbookPath)).find((r) => r.type.endsWith('/sharedStrings'));
  if (!rel || !pkg.has(rel.target)) return () => '';
  const strings = childElements(root(await pkg.xml(rel.target)), 'si').map(itemText);
  return (index: number) => strings[index] ?? '';
}

function itemText(si: ReturnType<typeof root>): string {
  let text = '';
  const walk = (el: ReturnType<typeof root>): void => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const child = n as ReturnType<typeof root>;
      if (child.localName === 't') text += (child.textContent ?? '').replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      else if (child.localName === 'r') walk(child);
    }
  };
  walk(si);
  return text;
}

/**
 * The table part with its new ranges and columns (`dataBottom`: the last data row, above a totals
 * row); everything else in it (filter, sort, style, totals) kept.
 */
export async function resizeTablePart(pkg: XlsxPackage, table: TableRef, range: CellRange, dataBottom: number, headers: string[]): Promise<void> {
  const doc = await pkg.xml(table.path);
  const el = root(doc);
  el.setAttribute('ref', encodeRef(range));
  const autoFilter = firstChild(el, 'autoFilter');
  if (autoFilter) autoFilter.setAttribute('ref', encodeRef({ ...range, bottom: dataBottom }));
  const sort = autoFilter ? firstChild(autoFilter, 'sortState') : null;
  for (const sortState of [sort, firstChild(el, 'sortState')]) {
    const ref = sortState?.getAttribute('ref');
    if (!sortState || !ref) continue;
    const rows = (r: string) => encodeRef({ ...decodeRef(r), top: range.top + table.headerRows, bottom: dataBottom });
    sortState.setAttribute('ref', rows(ref));
    for (const condition of childElements(sortState, 'sortCondition')) {
      const by = condition.getAttribute('ref');
      if (by) condition.setAttribute('ref', rows(by));
    }
  }
  const columns = firstChild(el, 'tableColumns');
  if (!columns) throw new Error(`${table.path} has no <tableColumns>; the table part is not valid.`);
  const existing = childElements(columns, 'tableColumn');
  let id = Math.max(0, ...existing.map((c) => Number(c.getAttribute('id')) || 0));
  for (const header of headers.slice(existing.length)) {
    const column = createElement(doc, 'tableColumn');
    column.setAttribute('id', String(++id));
    column.setAttribute('name', header.replace(/\r?\n/g, ' '));
    columns.appendChild(column);
  }
  columns.setAttribute('count', String(childElements(columns, 'tableColumn').length));
  pkg.touch(table.path);
}
