/**
 * A planner's hands and eyes on an .xlsx file, built apart from src/file (so the writer under test
 * never checks itself): parts are edited as @xmldom/xmldom DOMs the way Excel saves them (text in
 * the shared string table, cells in column order, a table grown by its ref), and cells are read
 * back with their type, so `0012` that came back as the number 12 shows.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { Scalar } from '../fake-office/grid';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SST = 'xl/sharedStrings.xml';

/** A rectangle of cells, 1-based and inclusive. */
export interface Box { top: number; left: number; bottom: number; right: number }

/** An Excel table as its part says. */
export interface TablePart { name: string; path: string; sheet: string; box: Box; headers: string[] }

export const letters = (col: number): string => (col > 26 ? letters(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

export function parseBox(ref: string): Box {
  const [a, b = a] = ref.split(':').map(parseAddress);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export const boxRef = (b: Box): string => `${letters(b.left)}${b.top}:${letters(b.right)}${b.bottom}`;

const elements = (parent: Element | Document, name: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS(MAIN, name) as unknown as ArrayLike<Element>);
const children = (parent: Element, name: string): Element[] =>
  Array.from(parent.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1 && n.localName === name);

/** text as Excel stores it: a character XML cannot carry (and a carriage return) as `_xHHHH_`, a literal `_xHHHH_` with its underscore escaped */
const encodeText = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
const decodeText = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** the text of a string item: its runs' <t>, phonetic runs left out; leading or trailing space must be marked preserved */
function itemText(item: Element, where: string): string {
  return elements(item, 't').filter((t) => (t.parentNode as Element).localName !== 'rPh').map((t) => {
    const text = t.textContent ?? '';
    if (/^\s|\s$/.test(text) && t.getAttribute('xml:space') !== 'preserve') throw new Error(`${where}: "${text}" lacks xml:space="preserve"; Excel would drop its spaces`);
    return decodeText(text);
  }).join('');
}

/**
 * One .xlsx file open for editing.
 *
 * @example
 * const x = await XlsxDom.open(bytes);
 * x.setValue('Notities', 'C3', 'bel Stedin');
 * const edited = await x.bytes();
 */
export class XlsxDom {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  private strings: string[] | null = null;
  private sheetPaths: Map<string, string> | null = null;
  private tableParts: { path: string; sheet: string }[] | null = null;
  /** the row elements of each sheet by row number, built on first use */
  private readonly rowIndex = new Map<Document, Map<number, Element>>();
  /** the cell elements of each sheet by address, kept up to date by every edit */
  private readonly cellIndex = new Map<Document, Map<string, Element>>();

  private constructor(private readonly zip: JSZip, private readonly texts: Map<string, string>) {}

  static async open(bytes: Uint8Array): Promise<XlsxDom> {
    const zip = await JSZip.loadAsync(bytes);
    const texts = new Map<string, string>();
    for (const [path, file] of Object.entries(zip.files)) if (!file.dir && /\.(xml|rels)$/.test(path)) texts.set(path, await file.async('string'));
    return new XlsxDom(zip, texts);
  }

  /** the file with every edit written in */
  async bytes(): Promise<Uint8Array> {
    // xmldom writes a carriage return as is, which every parser reads back as a line feed: Excel writes a reference
    for (const path of this.dirty) this.zip.file(path, new XMLSerializer().serializeToString(this.doc(path)).replace(/\r/g, '&#13;'));
    this.dirty.clear();
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  private doc(path: string): Document {
    let doc = this.docs.get(path);
    if (!doc) {
      const text = this.texts.get(path);
      if (text === undefined) throw new Error(`no part ${path}`);
      doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
      this.docs.set(path, doc);
    }
    return doc;
  }

  /** the targets of a part's relationships (of one type, when given), resolved to part paths, by id */
  private rels(path: string, type?: string): Map<string, string> {
    const dir = path.slice(0, path.lastIndexOf('/'));
    const relsPath = `${dir}/_rels/${path.slice(dir.length + 1)}.rels`;
    const result = new Map<string, string>();
    if (!this.texts.has(relsPath)) return result;
    for (const rel of Array.from(this.doc(relsPath).getElementsByTagName('Relationship') as unknown as ArrayLike<Element>)) {
      if (type && !(rel.getAttribute('Type') ?? '').endsWith(`/${type}`)) continue;
      const target = rel.getAttribute('Target') ?? '';
      const parts = (target.startsWith('/') ? target.slice(1) : `${dir}/${target}`).split('/');
      const resolved: string[] = [];
      for (const p of parts) if (p === '..') resolved.pop(); else resolved.push(p);
      result.set(rel.getAttribute('Id') ?? '', resolved.join('/'));
    }
    return result;
  }

  /** sheet name → worksheet part path, in workbook order */
  sheets(): Map<string, string> {
    if (this.sheetPaths) return this.sheetPaths;
    const rels = this.rels('xl/workbook.xml');
    return this.sheetPaths = new Map(elements(this.doc('xl/workbook.xml'), 'sheet').map((s) => [s.getAttribute('name') ?? '', rels.get(s.getAttributeNS(REL, 'id') ?? '') ?? '']));
  }

  private sheetDoc(sheet: string): Document {
    const path = this.sheets().get(sheet);
    if (!path) throw new Error(`no sheet ${sheet}`);
    return this.doc(path);
  }

  /** every table of the workbook, with its sheet */
  tables(): TablePart[] {
    if (!this.tableParts) {
      this.tableParts = [];
      // a sheet's tables by its relationships: no need to parse a sheet of 100,000 cells to find them
      for (const [sheet, path] of this.sheets()) for (const table of this.rels(path, 'table').values()) this.tableParts.push({ path: table, sheet });
    }
    return this.tableParts.map(({ path, sheet }) => {
      const t = this.doc(path).documentElement as unknown as Element;
      const headers = elements(t, 'tableColumn').map((c) => c.getAttribute('name') ?? '');
      return { name: t.getAttribute('name') ?? '', path, sheet, box: parseBox(t.getAttribute('ref') ?? ''), headers };
    });
  }

  table(name: string): TablePart {
    const t = this.tables().find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }

  /** the table's data rows as read from its cells (header cells must match the table's column names) */
  tableRows(name: string): { table: TablePart; rows: (Scalar | null)[][] } {
    const table = this.table(name);
    const { top, left, bottom, right } = table.box;
    const cols = Array.from({ length: right - left + 1 }, (_, i) => left + i);
    const header = cols.map((c) => this.value(table.sheet, `${letters(c)}${top}`));
    if (header.join('|') !== table.headers.join('|')) throw new Error(`table ${name}: header cells ${header.join(', ')} != columns ${table.headers.join(', ')}`);
    const rows: (Scalar | null)[][] = [];
    for (let r = top + 1; r <= bottom; r++) rows.push(cols.map((c) => this.value(table.sheet, `${letters(c)}${r}`)));
    return { table, rows };
  }

  private sharedStrings(): string[] {
    if (!this.strings) this.strings = this.texts.has(SST) ? elements(this.doc(SST), 'si').map((si, i) => itemText(si, `shared string ${i}`)) : [];
    return this.strings;
  }

  private findRow(doc: Document, row: number, create: boolean): Element | null {
    const data = children(doc.documentElement as unknown as Element, 'sheetData')[0];
    let index = this.rowIndex.get(doc);
    if (!index) {
      index = new Map(children(data, 'row').map((r) => [Number(r.getAttribute('r')), r]));
      this.rowIndex.set(doc, index);
    }
    const found = index.get(row);
    if (found || !create) return found ?? null;
    const el = doc.createElementNS(MAIN, 'row');
    el.setAttribute('r', String(row));
    const next = Math.min(...[...index.keys()].filter((r) => r > row));
    data.insertBefore(el, index.get(next) ?? null);
    index.set(row, el);
    return el;
  }

  private cells(doc: Document): Map<string, Element> {
    let index = this.cellIndex.get(doc);
    if (!index) {
      index = new Map(elements(doc, 'c').map((c) => [c.getAttribute('r') ?? '', c]));
      this.cellIndex.set(doc, index);
    }
    return index;
  }

  private dropCell(doc: Document, c: Element): void {
    this.cells(doc).delete(c.getAttribute('r') ?? '');
    c.parentNode?.removeChild(c);
  }

  private findCell(doc: Document, address: string, create: boolean): Element | null {
    const found = this.cells(doc).get(address);
    if (found || !create) return found ?? null;
    const { row, col } = parseAddress(address);
    const rowEl = this.findRow(doc, row, true) as Element;
    const el = doc.createElementNS(MAIN, 'c');
    el.setAttribute('r', address);
    rowEl.insertBefore(el, children(rowEl, 'c').find((c) => parseAddress(c.getAttribute('r') ?? '').col > col) ?? null);
    this.cells(doc).set(address, el);
    // spans is only a hint for the row's cells; one that no longer holds is left out, as Excel allows
    rowEl.removeAttribute('spans');
    return el;
  }

  /** the addresses of a sheet's cells that hold a value */
  addresses(sheet: string): string[] {
    return elements(this.sheetDoc(sheet), 'c').map((c) => c.getAttribute('r') ?? '').filter((a) => this.value(sheet, a) !== null);
  }

  /** a cell's value as typed: text, number or boolean; null when empty */
  value(sheet: string, address: string): Scalar | null {
    const c = this.findCell(this.sheetDoc(sheet), address, false);
    if (!c) return null;
    const type = c.getAttribute('t') ?? 'n';
    if (type === 'inlineStr') {
      const is = children(c, 'is')[0];
      return is ? itemText(is, `${sheet}!${address}`) : null;
    }
    const v = children(c, 'v')[0]?.textContent ?? null;
    if (v === null) return null;
    if (type === 's') return this.sharedStrings()[Number(v)];
    if (type === 'b') return v === '1';
    if (type === 'str' || type === 'e') return v;
    return Number(v);
  }

  /**
   * Types a value the way Excel saves it: text into the shared string table, a number as it is;
   * null clears the cell (its style stays). A formula in the cell goes, as when typing over it.
   */
  setValue(sheet: string, address: string, value: Scalar | null): void {
    const path = this.sheets().get(sheet) as string;
    const doc = this.doc(path);
    const c = this.findCell(doc, address, value !== null);
    if (!c) return;
    for (const child of Array.from(c.childNodes as unknown as ArrayLike<Element>)) c.removeChild(child);
    c.removeAttribute('t');
    this.dirty.add(path);
    if (value === null) {
      if (!c.getAttribute('s')) this.dropCell(doc, c);
      return;
    }
    const v = doc.createElementNS(MAIN, 'v');
    if (typeof value === 'string') {
      c.setAttribute('t', 's');
      v.textContent = String(this.addString(value));
    } else if (typeof value === 'boolean') {
      c.setAttribute('t', 'b');
      v.textContent = value ? '1' : '0';
    } else {
      v.textContent = String(value);
    }
    c.appendChild(v);
  }

  /** a formula with its cached number, as Excel saves one the planner typed */
  setFormula(sheet: string, address: string, formula: string, cached: number): void {
    this.setValue(sheet, address, cached);
    const path = this.sheets().get(sheet) as string;
    const c = this.findCell(this.doc(path), address, false) as Element;
    const f = this.doc(path).createElementNS(MAIN, 'f');
    f.textContent = formula;
    c.insertBefore(f, c.firstChild);
  }

  /** a cell's style index (`s`), if it has one */
  style(sheet: string, address: string): number | null {
    const s = this.findCell(this.sheetDoc(sheet), address, false)?.getAttribute('s');
    return s ? Number(s) : null;
  }

  /** formats a cell as Excel saves it: the cell's `s` names a cellXfs entry (the cell is made when empty) */
  setStyle(sheet: string, address: string, style: number): void {
    const path = this.sheets().get(sheet) as string;
    (this.findCell(this.doc(path), address, true) as Element).setAttribute('s', String(style));
    this.dirty.add(path);
  }

  /** how many cell formats styles.xml holds */
  styleCount(): number {
    return elements(elements(this.doc('xl/styles.xml'), 'cellXfs')[0], 'xf').length;
  }

  /** the table part's root element, to edit as Excel would (a filter, a sort, a calculated column); `touchTable` after */
  tableElement(name: string): Element {
    return this.doc(this.table(name).path).documentElement as unknown as Element;
  }

  touchTable(name: string): void {
    this.dirty.add(this.table(name).path);
  }

  /** Excel's filter on one column (showing `value`) and a sort on another, as the planner sets them on a table */
  filterAndSort(name: string, filterColumn: number, value: string, sortColumn: number): void {
    const table = this.table(name);
    const doc = this.doc(table.path);
    const t = doc.documentElement as unknown as Element;
    const make = (tag: string, attrs: Record<string, string>): Element => {
      const el = doc.createElementNS(MAIN, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    };
    const autoFilter = children(t, 'autoFilter')[0] ?? t.insertBefore(make('autoFilter', { ref: boxRef(table.box) }), t.firstChild);
    autoFilter.appendChild(make('filterColumn', { colId: String(filterColumn) })).appendChild(make('filters', {})).appendChild(make('filter', { val: value }));
    const rows = { ...table.box, top: table.box.top + 1 };
    const sort = t.insertBefore(make('sortState', { ref: boxRef(rows) }), autoFilter.nextSibling);
    sort.appendChild(make('sortCondition', { descending: '1', ref: boxRef({ ...rows, left: table.box.left + sortColumn, right: table.box.left + sortColumn }) }));
    this.dirty.add(table.path);
  }

  /** the table part as text */
  tableXml(name: string): string {
    return new XMLSerializer().serializeToString(this.doc(this.table(name).path));
  }

  /**
   * Excel's fill-down of a formula over `column` rows top..bottom: one shared formula (the text in
   * the first cell, the others pointing at it), each cell with the value Excel cached; '' is an
   * empty text result.
   */
  fillDown(sheet: string, column: string, top: number, bottom: number, formula: string, cached: (row: number) => number | ''): void {
    const path = this.sheets().get(sheet) as string;
    const doc = this.doc(path);
    for (let r = top; r <= bottom; r++) {
      const value = cached(r);
      this.setValue(sheet, `${column}${r}`, value === '' ? 0 : value);
      const c = this.findCell(doc, `${column}${r}`, false) as Element;
      const f = doc.createElementNS(MAIN, 'f');
      f.setAttribute('t', 'shared');
      if (r === top) f.setAttribute('ref', `${column}${top}:${column}${bottom}`);
      f.setAttribute('si', '0');
      if (r === top) f.textContent = formula;
      c.insertBefore(f, c.firstChild);
      if (value === '') {
        c.setAttribute('t', 'str');
        (children(c, 'v')[0] as Element).textContent = '';
      }
    }
  }

  /**
   * A drop-down list (data validation) and a rule for cells that hold `text` (conditional format) on
   * `sqref`, where Excel puts them in the sheet: before the page margins.
   */
  addListAndFormat(sheet: string, sqref: string, list: string[], text: string): void {
    const path = this.sheets().get(sheet) as string;
    const doc = this.doc(path);
    const ws = doc.documentElement as unknown as Element;
    const make = (tag: string, attrs: Record<string, string>, content?: string): Element => {
      const el = doc.createElementNS(MAIN, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (content !== undefined) el.textContent = content;
      return el;
    };
    const before = children(ws, 'pageMargins')[0] ?? null;
    const format = ws.insertBefore(make('conditionalFormatting', { sqref }), before);
    format.appendChild(make('cfRule', { type: 'containsText', priority: '1', operator: 'containsText', text }))
      .appendChild(make('formula', {}, `NOT(ISERROR(SEARCH("${text}",${sqref.split(':')[0]})))`));
    const validations = ws.insertBefore(make('dataValidations', { count: '1' }), before);
    validations.appendChild(make('dataValidation', { type: 'list', allowBlank: '1', sqref }))
      .appendChild(make('formula1', {}, `"${list.join(',')}"`));
    this.dirty.add(path);
  }

  /** the ranges (sqref) of a sheet's conditional formats and data validations */
  formatRanges(sheet: string): string[] {
    const doc = this.sheetDoc(sheet);
    return [...elements(doc, 'conditionalFormatting'), ...elements(doc, 'dataValidation')].map((el) => el.getAttribute('sqref') ?? '');
  }

  /** the formula of a cell, if it holds one */
  formula(sheet: string, address: string): string | null {
    const c = this.findCell(this.sheetDoc(sheet), address, false);
    return c ? (children(c, 'f')[0]?.textContent ?? null) : null;
  }

  private addString(text: string): number {
    const strings = this.sharedStrings();
    if (!this.texts.has(SST)) throw new Error('the workbook has no shared string table; start from one Excel or exceljs saved');
    const doc = this.doc(SST);
    const sst = doc.documentElement as unknown as Element;
    const si = doc.createElementNS(MAIN, 'si');
    const t = doc.createElementNS(MAIN, 't');
    t.setAttribute('xml:space', 'preserve');
    t.textContent = encodeText(text);
    si.appendChild(t);
    sst.appendChild(si);
    strings.push(text);
    sst.setAttribute('uniqueCount', String(strings.length));
    sst.setAttribute('count', String(Number(sst.getAttribute('count') ?? strings.length) + 1));
    this.dirty.add(SST);
    return strings.length - 1;
  }

  private setBox(table: TablePart, box: Box): void {
    const t = this.doc(table.path).documentElement as unknown as Element;
    t.setAttribute('ref', boxRef(box));
    for (const filter of children(t, 'autoFilter')) filter.setAttribute('ref', boxRef(box));
    // Excel sorts the data rows: its sort follows the table
    for (const sort of children(t, 'sortState')) {
      sort.setAttribute('ref', boxRef({ ...box, top: box.top + 1 }));
      for (const by of children(sort, 'sortCondition')) by.setAttribute('ref', boxRef({ ...parseBox(by.getAttribute('ref') ?? ''), top: box.top + 1, bottom: box.bottom }));
    }
    this.dirty.add(table.path);
  }

  /** Excel's "insert table column right": the header typed right of the table, the table one wider */
  addTableColumn(name: string, header: string): void {
    const table = this.table(name);
    const t = this.doc(table.path).documentElement as unknown as Element;
    const columns = elements(t, 'tableColumns')[0];
    const ids = children(columns, 'tableColumn').map((c) => Number(c.getAttribute('id')));
    const column = this.doc(table.path).createElementNS(MAIN, 'tableColumn');
    column.setAttribute('id', String(Math.max(...ids) + 1));
    column.setAttribute('name', header);
    columns.appendChild(column);
    columns.setAttribute('count', String(ids.length + 1));
    this.setBox(table, { ...table.box, right: table.box.right + 1 });
    this.setValue(table.sheet, `${letters(table.box.right + 1)}${table.box.top}`, header);
  }

  /** Excel's "delete table row": the table's cells below move up one row, cells beside the table stay */
  deleteTableRow(name: string, index: number): void {
    const table = this.table(name);
    const { top, left, right, bottom } = table.box;
    const path = this.sheets().get(table.sheet) as string;
    const doc = this.doc(path);
    for (let r = top + 1 + index; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const here = this.findCell(doc, `${letters(c)}${r}`, false);
        if (here) this.dropCell(doc, here);
        const below = r < bottom ? this.findCell(doc, `${letters(c)}${r + 1}`, false) : null;
        if (!below) continue;
        this.dropCell(doc, below);
        const moved = this.findCell(doc, `${letters(c)}${r}`, true) as Element;
        moved.parentNode?.replaceChild(below, moved);
        below.setAttribute('r', `${letters(c)}${r}`);
        this.cells(doc).set(`${letters(c)}${r}`, below);
      }
    }
    this.dirty.add(path);
    this.setBox(table, { ...table.box, bottom: bottom - 1 });
  }

  /** a new empty row at the table's end (Excel grows the table as soon as the row below it is typed in) */
  addTableRow(name: string): number {
    const table = this.table(name);
    this.setBox(table, { ...table.box, bottom: table.box.bottom + 1 });
    return table.box.bottom + 1;
  }
}
