/**
 * Edits the cells of one worksheet part in place: rows and cells stay in the order Excel requires,
 * cells we do not touch keep their markup. Text goes in as inline strings, so the shared string
 * table of the workbook is never touched.
 */
import type { CellValue } from '../core/types';
import { cellAddress, decodeCell, decodeRef, encodeRef, type CellRange } from './cell-ref';
import { createElement, firstChild, root, xmlSafe, type XmlDocument, type XmlElement } from './xml';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** the most characters one Excel cell holds */
export const MAX_CELL_TEXT = 32_767;

/**
 * Cell access over a parsed worksheet part.
 *
 * @example
 * const sheet = new SheetEditor(await pkg.xml('xl/worksheets/sheet1.xml'));
 * sheet.setValue(2, 1, 'MK-W1-W2');
 */
export class SheetEditor {
  /** true once a formula was overwritten: the workbook's calcChain must then go */
  removedFormula = false;
  private readonly sheetData: XmlElement;
  private readonly rows = new Map<number, XmlElement>();
  /** row numbers present, ascending */
  private readonly rowNumbers: number[] = [];
  private written: CellRange | null = null;

  constructor(private readonly doc: XmlDocument) {
    const data = firstChild(root(doc), 'sheetData');
    if (!data) throw new Error('Worksheet part has no <sheetData>; pass a worksheet part, not a chart sheet.');
    this.sheetData = data;
    let implied = 0;
    for (let n = data.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1 || (n as XmlElement).localName !== 'row') continue;
      const row = n as XmlElement;
      // a row or cell may leave out its r; give it the implied one so positions stay clear
      const r = Number(row.getAttribute('r')) || implied + 1;
      row.setAttribute('r', String(r));
      implied = r;
      this.rows.set(r, row);
      this.rowNumbers.push(r);
      this.fillCellRefs(row, r);
    }
  }

  /** true when the cell holds a value or formula (a cell with only a style is empty) */
  hasValue(row: number, column: number): boolean {
    const cell = this.cell(row, column);
    return !!cell && (!!firstChild(cell, 'v') || !!firstChild(cell, 'is') || !!firstChild(cell, 'f'));
  }

  /** the style index of a cell, if it has one */
  styleOf(row: number, column: number): number | undefined {
    const s = this.cell(row, column)?.getAttribute('s');
    return s ? Number(s) : undefined;
  }

  /**
   * Writes one value; `style` (a cellXfs index) replaces the cell's style when given.
   * null leaves an empty cell (keeping its style).
   */
  setValue(row: number, column: number, value: CellValue, style?: number): void {
    const isEmpty = value === null || (typeof value === 'number' && !Number.isFinite(value));
    // an empty value where no cell is needs no cell
    if (isEmpty && style === undefined && !this.cell(row, column)) return;
    const cell = this.cell(row, column) ?? this.createCell(row, column);
    this.clearContent(cell);
    if (style !== undefined) cell.setAttribute('s', String(style));
    this.grow(row, column);
    if (isEmpty || value === null) return;
    if (typeof value === 'string') {
      cell.setAttribute('t', 'inlineStr');
      const is = createElement(this.doc, 'is');
      const t = createElement(this.doc, 't');
      const text = xmlSafe(value).slice(0, MAX_CELL_TEXT);
      if (/^\s|\s$/.test(text)) t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      t.appendChild(this.doc.createTextNode(text));
      is.appendChild(t);
      cell.appendChild(is);
      return;
    }
    if (typeof value === 'boolean') cell.setAttribute('t', 'b');
    else if (typeof value === 'object') cell.setAttribute('t', 'e');
    const v = createElement(this.doc, 'v');
    const text = typeof value === 'object' ? value.error : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    v.appendChild(this.doc.createTextNode(text));
    cell.appendChild(v);
  }

  /** removes every cell in the range (and rows left with no cells and no own formatting) */
  clearRange(range: CellRange): void {
    for (const r of this.rowNumbers.filter((n) => n >= range.top && n <= range.bottom)) {
      const row = this.rows.get(r) as XmlElement;
      for (const cell of cellsOf(row)) {
        const column = decodeCell(cell.getAttribute('r') ?? '').column;
        if (column < range.left || column > range.right) continue;
        if (firstChild(cell, 'f')) this.removedFormula = true;
        row.removeChild(cell);
      }
      if (cellsOf(row).length === 0 && !row.getAttribute('ht') && !row.getAttribute('s')) this.removeRow(r);
    }
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
    for (const cell of cellsOf(source)) {
      const column = decodeCell(cell.getAttribute('r') ?? '').column;
      if (column < left || column > right) continue;
      source.removeChild(cell);
      this.dropFormula(cell);
      cell.setAttribute('r', cellAddress(to, column));
      this.insertCell(this.rows.get(to) ?? this.createRow(to), cell, column);
      this.grow(to, column);
    }
    if (cellsOf(source).length === 0 && !source.getAttribute('ht') && !source.getAttribute('s')) this.removeRow(from);
  }

  /** widens `<dimension>` to cover everything written */
  finish(): void {
    if (!this.written) return;
    const dimension = firstChild(root(this.doc), 'dimension');
    if (!dimension) return;
    const current = dimension.getAttribute('ref');
    const range = { ...this.written };
    if (current) {
      const old = decodeRef(current);
      range.top = Math.min(range.top, old.top);
      range.left = Math.min(range.left, old.left);
      range.bottom = Math.max(range.bottom, old.bottom);
      range.right = Math.max(range.right, old.right);
    }
    dimension.setAttribute('ref', encodeRef(range));
  }

  private cell(row: number, column: number): XmlElement | null {
    const rowEl = this.rows.get(row);
    if (!rowEl) return null;
    const address = cellAddress(row, column);
    for (const cell of cellsOf(rowEl)) if (cell.getAttribute('r') === address) return cell;
    return null;
  }

  private createCell(row: number, column: number): XmlElement {
    const rowEl = this.rows.get(row) ?? this.createRow(row);
    // spans is only a loading hint; it would be wrong once the row grows
    rowEl.removeAttribute('spans');
    const cell = createElement(this.doc, 'c');
    cell.setAttribute('r', cellAddress(row, column));
    this.insertCell(rowEl, cell, column);
    return cell;
  }

  private insertCell(rowEl: XmlElement, cell: XmlElement, column: number): void {
    rowEl.removeAttribute('spans');
    const cells = cellsOf(rowEl);
    // cells come in column order; most writes append, so look from the end
    let before: XmlElement | null = null;
    for (let i = cells.length - 1; i >= 0; i--) {
      if (decodeCell(cells[i].getAttribute('r') ?? '').column > column) before = cells[i];
      else break;
    }
    rowEl.insertBefore(cell, before ?? trailingNonCell(rowEl));
  }

  /** a formula cell keeps its cached value: a text result becomes an inline string */
  private dropFormula(cell: XmlElement): void {
    const f = firstChild(cell, 'f');
    if (!f) return;
    cell.removeChild(f);
    this.removedFormula = true;
    if (cell.getAttribute('t') !== 'str') return;
    const v = firstChild(cell, 'v');
    const text = v?.textContent ?? '';
    if (v) cell.removeChild(v);
    cell.setAttribute('t', 'inlineStr');
    const is = createElement(this.doc, 'is');
    const t = createElement(this.doc, 't');
    t.appendChild(this.doc.createTextNode(text));
    is.appendChild(t);
    cell.appendChild(is);
  }

  private createRow(r: number): XmlElement {
    const rowEl = createElement(this.doc, 'row');
    rowEl.setAttribute('r', String(r));
    let index = this.rowNumbers.length;
    while (index > 0 && this.rowNumbers[index - 1] > r) index--;
    const next = index < this.rowNumbers.length ? (this.rows.get(this.rowNumbers[index]) as XmlElement) : null;
    this.sheetData.insertBefore(rowEl, next);
    this.rowNumbers.splice(index, 0, r);
    this.rows.set(r, rowEl);
    return rowEl;
  }

  private removeRow(r: number): void {
    this.sheetData.removeChild(this.rows.get(r) as XmlElement);
    this.rows.delete(r);
    this.rowNumbers.splice(this.rowNumbers.indexOf(r), 1);
  }

  private clearContent(cell: XmlElement): void {
    for (let n = cell.firstChild; n; ) {
      const next = n.nextSibling;
      if (n.nodeType === 1 && (n as XmlElement).localName === 'f') this.removedFormula = true;
      cell.removeChild(n);
      n = next;
    }
    // cell metadata (dynamic arrays, rich values) belongs to the old content
    for (const attr of ['t', 'cm', 'vm']) cell.removeAttribute(attr);
  }

  private fillCellRefs(row: XmlElement, r: number): void {
    let column = 0;
    for (const cell of cellsOf(row)) {
      const ref = cell.getAttribute('r');
      column = ref ? decodeCell(ref).column : column + 1;
      if (!ref) cell.setAttribute('r', cellAddress(r, column));
    }
  }

  private grow(row: number, column: number): void {
    const w = this.written;
    this.written = w
      ? { top: Math.min(w.top, row), left: Math.min(w.left, column), bottom: Math.max(w.bottom, row), right: Math.max(w.right, column) }
      : { top: row, left: column, bottom: row, right: column };
  }
}

function cellsOf(row: XmlElement): XmlElement[] {
  const cells: XmlElement[] = [];
  for (let n = row.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as XmlElement).localName === 'c') cells.push(n as XmlElement);
  return cells;
}

/** a row may end in an extLst, which must stay last */
function trailingNonCell(row: XmlElement): XmlElement | null {
  for (let n = row.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as XmlElement).localName !== 'c') return n as XmlElement;
  return null;
}
