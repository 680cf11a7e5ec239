/**
 * Edits the cells of one worksheet part in place: rows and cells stay in the order Excel requires,
 * rows and cells we do not touch keep their markup to the byte. Text goes in as inline strings, so
 * the shared string table of the workbook is never touched.
 *
 * The part is edited as text (see sheet-xml.ts), not as a DOM: a Werken sheet of 100,000 rows
 * costs one string and a small object per row, and only the rows written are rebuilt.
 */
import type { CellValue } from '../core/types';
import { cellAddress, decodeRef, encodeRef, type CellRange } from './cell-ref';
import { attribute, cellHasValue, cellValue, encodeXstring, escapeText, parseCells, rowXml, scanRows, setAttribute, unescapeText, type Names, type SharedStrings, type SheetCell, type SheetRow } from './sheet-xml';

/** the most characters one Excel cell holds */
export const MAX_CELL_TEXT = 32_767;

/**
 * Cell access over a worksheet part's text.
 *
 * @example
 * const sheet = await pkg.sheet('xl/worksheets/sheet1.xml');
 * sheet.setValue(2, 1, 'MK-W1-W2');
 * pkg.touch('xl/worksheets/sheet1.xml');
 */
export class SheetEditor {
  /** true once a formula was overwritten: the workbook's calcChain must then go */
  removedFormula = false;
  /** true once a formula cell moved to another address: the calcChain must go too */
  movedFormula = false;
  private readonly names: Names;
  private head: string;
  private tail: string;
  private readonly rows = new Map<number, SheetRow>();
  /** row numbers present, ascending once `ordered()` ran */
  private order: number[] = [];
  private orderDirty = false;
  private written: CellRange | null = null;

  constructor(text: string) {
    const m = /<([A-Za-z_][\w.-]*:)?sheetData(\s[^>]*)?(\/?)>/.exec(text);
    if (!m) throw new Error('Worksheet part has no <sheetData>; pass a worksheet part, not a chart sheet.');
    this.names = { prefix: m[1] ?? '' };
    const p = this.names.prefix;
    const afterOpen = m.index + m[0].length;
    if (m[3]) {
      this.head = text.slice(0, m.index) + `<${p}sheetData${m[2] ?? ''}>`;
      this.tail = `</${p}sheetData>` + text.slice(afterOpen);
    } else {
      const close = text.lastIndexOf(`</${p}sheetData>`);
      if (close < afterOpen) throw new Error('Worksheet part has no </sheetData>; the file is damaged.');
      this.head = text.slice(0, afterOpen);
      this.tail = text.slice(close);
      for (const row of scanRows(text.slice(afterOpen, close), this.names)) {
        this.rows.set(row.r, row);
        this.order.push(row.r);
      }
      this.orderDirty = this.order.some((r, i) => i > 0 && r <= this.order[i - 1]);
    }
  }

  /** true when the cell holds a value or formula (a cell with only a style is empty) */
  hasValue(row: number, column: number): boolean {
    const cell = this.cell(row, column);
    return !!cell && cellHasValue(cell.xml, this.names);
  }

  /** the style index of a cell, if it has one */
  styleOf(row: number, column: number): number | undefined {
    const s = this.cell(row, column) && attribute((this.cell(row, column) as SheetCell).xml, 's');
    return s ? Number(s) : undefined;
  }

  /**
   * Writes one value; `style` (a cellXfs index) replaces the cell's style when given.
   * null leaves an empty cell (keeping its style).
   */
  setValue(row: number, column: number, value: CellValue, style?: number): void {
    const isEmpty = value === null || (typeof value === 'number' && !Number.isFinite(value));
    const existing = this.rows.get(row);
    const cells = existing ? parseCells(existing, this.names) : null;
    const index = cells ? findCell(cells, column) : -1;
    // an empty value where no cell is needs no cell
    if (isEmpty && style === undefined && index < 0) return;
    const rowEl = existing ?? this.createRow(row);
    this.edit(rowEl);
    const xml = this.cellXml(row, column, isEmpty ? null : value, style, index >= 0 ? (rowEl.cells as SheetCell[])[index].xml : null);
    this.putCell(rowEl, { column, xml }, index);
    this.grow(row, column);
  }

  /**
   * Writes a block of values from (top, left), one style per column. Rows that do not exist yet
   * are built as text at once (a new results sheet of 30,000 rows); others go cell by cell.
   */
  writeRows(top: number, left: number, values: readonly (readonly CellValue[])[], styles: ReadonlyArray<number | undefined>): void {
    const width = styles.length;
    values.forEach((row, i) => {
      const r = top + i;
      if (this.rows.has(r)) {
        for (let c = 0; c < width; c++) this.setValue(r, left + c, row[c] ?? null, styles[c]);
        return;
      }
      const p = this.names.prefix;
      let xml = `<${p}row r="${r}">`;
      for (let c = 0; c < width; c++) {
        const value = row[c] ?? null;
        const empty = value === null || (typeof value === 'number' && !Number.isFinite(value));
        if (!empty || styles[c] !== undefined) xml += this.cellXml(r, left + c, empty ? null : value, styles[c], null);
      }
      xml += `</${p}row>`;
      this.addRow({ r, raw: xml, open: `<${p}row r="${r}">`, cells: null, tail: '' });
    });
    if (values.length > 0) {
      this.grow(top, left);
      this.grow(top + values.length - 1, left + width - 1);
    }
  }

  /** removes every cell in the range (and rows left with no cells and no own formatting) */
  clearRange(range: CellRange): void {
    const gone = new Set<number>();
    for (const r of this.rowsIn(range.top, range.bottom)) {
      const row = this.rows.get(r) as SheetRow;
      const cells = parseCells(row, this.names);
      const keep = cells.filter((c) => c.column < range.left || c.column > range.right);
      if (keep.length === cells.length) continue;
      if (cells.some((c) => (c.column >= range.left && c.column <= range.right) && this.hasFormula(c.xml))) this.removedFormula = true;
      this.edit(row);
      row.cells = keep;
      if (this.removable(row)) gone.add(r);
    }
    this.removeRows(gone);
  }

  /**
   * Moves the cells of row `from` in columns left..right to row `to` (cells already there are
   * removed). A formula becomes its cached value: its references would point elsewhere after the move.
   */
  moveCells(from: number, to: number, left: number, right: number): void {
    if (from === to) return;
    this.clearRange({ top: to, bottom: to, left, right });
    const source = this.rows.get(from);
    if (!source) return;
    const cells = parseCells(source, this.names);
    const moving = cells.filter((c) => c.column >= left && c.column <= right);
    if (moving.length === 0) return;
    this.edit(source);
    source.cells = cells.filter((c) => c.column < left || c.column > right);
    const target = this.rows.get(to) ?? this.createRow(to);
    this.edit(target);
    for (const cell of moving) {
      const xml = setAttribute(this.dropFormula(cell.xml), 'r', cellAddress(to, cell.column));
      this.putCell(target, { column: cell.column, xml }, findCell(target.cells as SheetCell[], cell.column));
      this.grow(to, cell.column);
    }
    if (this.removable(source)) this.removeRows(new Set([from]));
  }

  /**
   * The cell's value as read-xlsx reads it (formulas as their cached result).
   *
   * @example
   * sheet.valueAt(2, 1, (i) => strings[i]); // 'MK-W1-W2'
   */
  valueAt(row: number, column: number, shared: SharedStrings): CellValue {
    const cell = this.cell(row, column);
    return cell ? cellValue(cell.xml, this.names, shared) : null;
  }

  /** takes the cells of a row in columns left..right out of it, markup unchanged, to `putCells` elsewhere */
  takeCells(row: number, left: number, right: number): SheetCell[] {
    const source = this.rows.get(row);
    if (!source) return [];
    const cells = parseCells(source, this.names);
    const taken = cells.filter((c) => c.column >= left && c.column <= right);
    if (taken.length === 0) return [];
    this.edit(source);
    source.cells = cells.filter((c) => c.column < left || c.column > right);
    if (this.removable(source)) this.removeRows(new Set([row]));
    return taken;
  }

  /** puts taken cells into a row (their address follows; formula text is the caller's to update) */
  putCells(row: number, cells: readonly SheetCell[]): void {
    if (cells.length === 0) return;
    const target = this.rows.get(row) ?? this.createRow(row);
    this.edit(target);
    for (const cell of cells) {
      if (this.hasFormula(cell.xml)) this.movedFormula = true;
      const xml = setAttribute(cell.xml, 'r', cellAddress(row, cell.column));
      this.putCell(target, { column: cell.column, xml }, findCell(target.cells as SheetCell[], cell.column));
      this.grow(row, cell.column);
    }
  }

  /**
   * Rewrites the text of every formula in the part (and the `ref` of shared and array formulas);
   * rows without a formula are not even parsed.
   */
  mapFormulas(formula: (text: string) => string, range: (ref: string) => string): void {
    const p = this.names.prefix;
    this.eachFormula((_row, _column, tag, text) => {
      const ref = attribute(tag, 'ref');
      const open = ref ? setAttribute(tag, 'ref', range(ref)) : tag;
      return text === undefined ? open.slice(0, -1) + '/>' : `${open}${escapeText(formula(text))}</${p}f>`;
    });
  }

  /**
   * A shared formula (Excel's "fill down") becomes one formula per cell, each with its text
   * translated from the group's first cell, so the cells of the group can move apart.
   */
  unshareFormulas(translate: (text: string, rows: number, columns: number) => string): void {
    const p = this.names.prefix;
    const masters = new Map<string, { row: number; column: number; text: string }>();
    this.eachFormula((row, column, tag, text) => {
      if (attribute(tag, 't') === 'shared' && text !== undefined && text !== '') masters.set(attribute(tag, 'si') ?? '', { row, column, text });
      return null;
    });
    if (masters.size === 0) return;
    this.eachFormula((row, column, tag, text) => {
      const master = attribute(tag, 't') === 'shared' ? masters.get(attribute(tag, 'si') ?? '') : undefined;
      if (!master) return null;
      this.movedFormula = true;
      const own = text !== undefined && text !== '' ? text : translate(master.text, row - master.row, column - master.column);
      let open = tag;
      for (const attr of ['t', 'ref', 'si']) open = setAttribute(open, attr, null);
      return `${open}${escapeText(own)}</${p}f>`;
    });
  }

  /** calls `edit` with each formula's open tag and text; a markup it returns replaces the `<f>` element */
  private eachFormula(edit: (row: number, column: number, tag: string, text: string | undefined) => string | null): void {
    const p = this.names.prefix;
    const re = new RegExp(`<${p}f(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${p}f>)`);
    for (const r of this.ordered()) {
      const row = this.rows.get(r) as SheetRow;
      if (row.raw !== null && !row.raw.includes(`<${p}f`)) continue;
      const cells = parseCells(row, this.names);
      cells.forEach((cell, i) => {
        const m = re.exec(cell.xml);
        if (!m) return;
        const f = edit(r, cell.column, `<${p}f${m[1] ?? ''}>`, m[2] === undefined ? undefined : unescapeText(m[2]));
        if (f === null || f === m[0]) return;
        this.edit(row);
        cells[i] = { column: cell.column, xml: cell.xml.slice(0, m.index) + f + cell.xml.slice(m.index + m[0].length) };
      });
    }
  }

  /** the numbers of the rows present from `top` to `bottom`, ascending */
  rowNumbers(top: number, bottom = Infinity): number[] {
    return this.rowsIn(top, bottom);
  }

  /** rewrites the cell ranges after the cells (merged cells, hyperlinks, conditional formats, validations), given the element's name */
  mapRanges(range: (ref: string, element: string) => string): void {
    const p = this.names.prefix;
    const re = new RegExp(`(<${p}(mergeCell|hyperlink|conditionalFormatting|dataValidation|protectedRange|ignoredError)(?:\\s[^>]*?)?\\s(?:ref|sqref)=")([^"]*)"`, 'g');
    this.tail = this.tail.replace(re, (_, open: string, element: string, ref: string) => `${open}${range(ref, element)}"`);
  }

  /** widens `<dimension>` to cover everything written */
  finish(): void {
    if (!this.written) return;
    const p = this.names.prefix;
    const m = new RegExp(`<${p}dimension\\s[^>]*>`).exec(this.head);
    const current = m && attribute(m[0], 'ref');
    if (!m || !current) return;
    const range = { ...this.written };
    const old = decodeRef(current);
    range.top = Math.min(range.top, old.top);
    range.left = Math.min(range.left, old.left);
    range.bottom = Math.max(range.bottom, old.bottom);
    range.right = Math.max(range.right, old.right);
    const tag = setAttribute(m[0], 'ref', encodeRef(range));
    this.head = this.head.slice(0, m.index) + tag + this.head.slice(m.index + m[0].length);
  }

  /** the part's text as it is now */
  toString(): string {
    const parts: string[] = [this.head];
    for (const r of this.ordered()) parts.push(rowXml(this.rows.get(r) as SheetRow, this.names));
    parts.push(this.tail);
    return parts.join('');
  }

  private cell(row: number, column: number): SheetCell | undefined {
    const rowEl = this.rows.get(row);
    if (!rowEl) return undefined;
    const cells = parseCells(rowEl, this.names);
    const index = findCell(cells, column);
    return index >= 0 ? cells[index] : undefined;
  }

  /** the markup of a written cell: a new one, or the old one with its content replaced */
  private cellXml(row: number, column: number, value: Exclude<CellValue, null> | null, style: number | undefined, old: string | null): string {
    const p = this.names.prefix;
    let type = '';
    let content = '';
    if (typeof value === 'string') {
      const text = encodeXstring(value.slice(0, MAX_CELL_TEXT));
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      type = 'inlineStr';
      content = `<${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is>`;
    } else if (value !== null) {
      if (typeof value === 'boolean') type = 'b';
      else if (typeof value === 'object') type = 'e';
      const text = typeof value === 'object' ? escapeText(value.error) : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      content = `<${p}v>${text}</${p}v>`;
    }
    if (old === null) {
      const attrs = `${style !== undefined ? ` s="${style}"` : ''}${type ? ` t="${type}"` : ''}`;
      return content ? `<${p}c r="${cellAddress(row, column)}"${attrs}>${content}</${p}c>` : `<${p}c r="${cellAddress(row, column)}"${attrs}/>`;
    }
    if (this.hasFormula(old)) this.removedFormula = true;
    let tag = old.slice(0, old.indexOf('>') + 1).replace(/\s*\/>$/, '>');
    // cell metadata (dynamic arrays, rich values) belongs to the old content
    for (const attr of ['t', 'cm', 'vm']) tag = setAttribute(tag, attr, null);
    if (style !== undefined) tag = setAttribute(tag, 's', String(style));
    if (type) tag = setAttribute(tag, 't', type);
    return content ? `${tag}${content}</${p}c>` : tag.slice(0, -1) + '/>';
  }

  private hasFormula(xml: string): boolean {
    return xml.includes(`<${this.names.prefix}f>`) || xml.includes(`<${this.names.prefix}f `) || xml.includes(`<${this.names.prefix}f/`);
  }

  /** a formula cell keeps its cached value: a text result becomes an inline string */
  private dropFormula(xml: string): string {
    if (!this.hasFormula(xml)) return xml;
    this.removedFormula = true;
    const p = this.names.prefix;
    const result = xml.replace(new RegExp(`<${p}f(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${p}f>)`), '');
    if (attribute(result, 't') !== 'str') return result;
    const v = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`).exec(result);
    const text = v ? unescapeText(v[1]) : '';
    const tag = setAttribute(result.slice(0, result.indexOf('>') + 1).replace(/\s*\/>$/, '>'), 't', 'inlineStr');
    return `${tag}<${p}is><${p}t>${escapeText(text)}</${p}t></${p}is></${p}c>`;
  }

  /** a row about to change: its cells parsed, its markup to be rebuilt */
  private edit(row: SheetRow): void {
    if (row.raw === null && row.cells) return;
    parseCells(row, this.names);
    row.raw = null;
    // spans is only a loading hint; it would be wrong once the row changes
    row.open = setAttribute(row.open, 'spans', null);
  }

  private putCell(row: SheetRow, cell: SheetCell, index: number): void {
    const cells = row.cells as SheetCell[];
    if (index >= 0) {
      cells[index] = cell;
      return;
    }
    // cells come in column order; most writes append
    let at = cells.length;
    while (at > 0 && cells[at - 1].column > cell.column) at--;
    cells.splice(at, 0, cell);
  }

  private createRow(r: number): SheetRow {
    return this.addRow({ r, raw: null, open: `<${this.names.prefix}row r="${r}">`, cells: [], tail: '' });
  }

  private addRow(row: SheetRow): SheetRow {
    this.rows.set(row.r, row);
    if (this.order.length > 0 && this.order[this.order.length - 1] >= row.r) this.orderDirty = true;
    this.order.push(row.r);
    return row;
  }

  private removable(row: SheetRow): boolean {
    return (row.cells as SheetCell[]).length === 0 && !row.tail && !attribute(row.open, 'ht') && !attribute(row.open, 's');
  }

  private removeRows(rows: Set<number>): void {
    if (rows.size === 0) return;
    for (const r of rows) this.rows.delete(r);
    // the order is tidied once when next asked for: moving a table's rows removes thousands one by one
    this.orderDirty = true;
  }

  private ordered(): number[] {
    if (this.orderDirty) {
      this.order = [...new Set(this.order)].filter((r) => this.rows.has(r)).sort((a, b) => a - b);
      this.orderDirty = false;
    }
    return this.order;
  }

  /** the present row numbers from top to bottom */
  private rowsIn(top: number, bottom: number): number[] {
    const order = this.ordered();
    let lo = 0, hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid] < top) lo = mid + 1;
      else hi = mid;
    }
    const result: number[] = [];
    for (let i = lo; i < order.length && order[i] <= bottom; i++) result.push(order[i]);
    return result;
  }

  private grow(row: number, column: number): void {
    const w = this.written;
    this.written = w
      ? { top: Math.min(w.top, row), left: Math.min(w.left, column), bottom: Math.max(w.bottom, row), right: Math.max(w.right, column) }
      : { top: row, left: column, bottom: row, right: column };
  }
}

/** the index of the cell in this column, or -1 (cells are in column order) */
function findCell(cells: SheetCell[], column: number): number {
  let lo = 0, hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].column === column) return mid;
    if (cells[mid].column < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
