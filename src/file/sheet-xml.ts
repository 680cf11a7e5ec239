/**
 * The markup of a worksheet part as text: rows and cells found by scanning, never by building a
 * DOM. A sheet of 100,000 rows is one string; a row or cell that is not edited is written back as
 * the very substring it was read from, so its markup stays exactly as it came in.
 */
import type { CellValue } from '../core/types';
import { cellAddress, columnNumber } from './cell-ref';
import { xmlSafe } from './xml';

/** One cell: its column and its markup (`<c .../>` or `<c ...>...</c>`). */
export interface SheetCell {
  column: number;
  xml: string;
}

/** One row: its open tag, its cells (parsed on first use) and what follows the cells (an extLst). */
export interface SheetRow {
  r: number;
  /** the markup as read; null once the row was changed */
  raw: string | null;
  open: string;
  cells: SheetCell[] | null;
  tail: string;
}

/** The element names of one part, with the prefix its root uses (`x:` in some generators). */
export interface Names {
  prefix: string;
}

/**
 * Finds the rows of a `<sheetData>` body; rows and cells without an `r` get the implied one.
 *
 * @example
 * scanRows('<row r="2"><c r="A2"><v>1</v></c></row>', { prefix: '' })[0].r; // 2
 */
export function scanRows(body: string, names: Names): SheetRow[] {
  const rows: SheetRow[] = [];
  const openRow = `<${names.prefix}row`;
  const closeRow = `</${names.prefix}row>`;
  let at = body.indexOf(openRow);
  let implied = 0;
  while (at >= 0) {
    const tagEnd = body.indexOf('>', at);
    if (tagEnd < 0) throw new Error('Worksheet part has an unfinished <row>; the file is damaged.');
    const selfClosing = body[tagEnd - 1] === '/';
    const end = selfClosing ? tagEnd + 1 : body.indexOf(closeRow, tagEnd) + closeRow.length;
    if (end < closeRow.length) throw new Error('Worksheet part has a <row> without </row>; the file is damaged.');
    const open = body.slice(at, tagEnd + 1);
    const rAttr = attribute(open, 'r');
    const r = rAttr ? Number(rAttr) : implied + 1;
    const row: SheetRow = { r, raw: body.slice(at, end), open, cells: null, tail: '' };
    // a row may leave out its r; give it the implied one so positions stay clear (cells get theirs in parseCells)
    if (!rAttr) {
      parseCells(row, names);
      row.open = setAttribute(row.open, 'r', String(r));
      row.raw = null;
    }
    rows.push(row);
    implied = r;
    at = body.indexOf(openRow, end);
  }
  return rows;
}

/**
 * Parses the cells of a row (once); the row's markup is rebuilt from them when it is written.
 *
 * @example
 * parseCells(row, names); row.cells?.[0].column; // 1
 */
export function parseCells(row: SheetRow, names: Names): SheetCell[] {
  if (row.cells) return row.cells;
  const raw = row.raw ?? '';
  const cells: SheetCell[] = [];
  const open = `<${names.prefix}c`;
  const close = `</${names.prefix}c>`;
  let at = raw.indexOf('>') + 1;
  let column = 0;
  // an edited row's open tag is never self-closing: rowXml closes it again when it stays empty
  row.open = row.open.replace(/\s*\/>$/, '>');
  if (raw[at - 2] === '/') {
    row.cells = cells;
    return cells;
  }
  for (;;) {
    while (raw[at] === ' ' || raw[at] === '\n' || raw[at] === '\r' || raw[at] === '\t') at++;
    if (!raw.startsWith(open, at) || !/[\s>/]/.test(raw[at + open.length])) break;
    const tagEnd = raw.indexOf('>', at);
    const end = raw.charCodeAt(tagEnd - 1) === 47 ? tagEnd + 1 : raw.indexOf(close, tagEnd) + close.length;
    if (tagEnd < 0 || end < close.length) throw new Error(`Worksheet row ${row.r} has an unfinished cell; the file is damaged.`);
    let xml = raw.slice(at, end);
    // the usual ` r="B3"` read by hand: this runs for every cell of a big sheet
    const quick = raw.indexOf(' r="', at);
    const found = quick > 0 && quick < tagEnd ? letterColumn(raw, quick + 4) : attributeColumn(xml);
    column = found || column + 1;
    if (!found) xml = setAttribute(xml, 'r', cellAddress(row.r, column), true);
    cells.push({ column, xml });
    at = end;
  }
  const closeRow = `</${names.prefix}row>`;
  row.tail = raw.slice(at, raw.length - closeRow.length);
  row.cells = cells;
  return cells;
}

/** the column of the letters at `at` (`B3` → 2), or 0 */
function letterColumn(text: string, at: number): number {
  let n = 0;
  for (let i = at; ; i++) {
    const code = text.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) return n;
    n = n * 26 + code - 64;
  }
}

function attributeColumn(cell: string): number {
  const ref = attribute(cell, 'r');
  return ref ? columnNumber(ref.replace(/[^A-Za-z]/g, '')) : 0;
}

/** the markup of a row as it is now */
export function rowXml(row: SheetRow, names: Names): string {
  if (row.raw !== null) return row.raw;
  const cells = row.cells ?? [];
  if (cells.length === 0 && !row.tail) return row.open.slice(0, -1) + '/>';
  let xml = row.open;
  for (const cell of cells) xml += cell.xml;
  return `${xml}${row.tail}</${names.prefix}row>`;
}

/**
 * The value of an attribute in an open tag, or undefined.
 *
 * @example
 * attribute('<c r="B3" s="4">', 's'); // '4'
 */
export function attribute(tag: string, name: string): string | undefined {
  const end = tag.indexOf('>');
  const open = end < 0 ? tag : tag.slice(0, end);
  const m = attributeRe(name).exec(open);
  return m ? (m[1] ?? m[2]) : undefined;
}

const attributeRes = new Map<string, RegExp>();

/** one compiled pattern per attribute name: this runs for every row of a big sheet */
function attributeRe(name: string): RegExp {
  let re = attributeRes.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributeRes.set(name, re);
  }
  return re;
}

/**
 * Sets (or with value null removes) an attribute in the open tag at the start of `xml`.
 *
 * @example
 * setAttribute('<c r="B3" s="4"/>', 's', '7'); // '<c r="B3" s="7"/>'
 */
export function setAttribute(xml: string, name: string, value: string | null, first = false): string {
  const end = xml.indexOf('>');
  const open = xml.slice(0, end), rest = xml.slice(end);
  const attr = ` ${name}="${value}"`;
  // an attribute that is there keeps its place
  if (value !== null && attributeRe(name).test(open)) return open.replace(attributeRe(name), attr) + rest;
  const without = open.replace(attributeRe(name), '');
  if (value === null) return without + rest;
  if (first) {
    const space = without.search(/[\s/]|$/);
    return without.slice(0, space) + attr + without.slice(space) + rest;
  }
  const selfClosing = without.endsWith('/');
  return (selfClosing ? without.slice(0, -1) + attr + '/' : without + attr) + rest;
}

/** true when the cell holds a value or formula (a cell with only a style is empty) */
export function cellHasValue(xml: string, names: Names): boolean {
  const p = names.prefix;
  return xml.includes(`<${p}v>`) || xml.includes(`<${p}v `) || xml.includes(`<${p}is>`) || xml.includes(`<${p}f`);
}

/**
 * Text as SpreadsheetML stores it (ST_Xstring): a control character XML cannot carry as `_xHHHH_`,
 * and a literal `_xHHHH_` with its underscore escaped, so Excel and LibreOffice read back the very
 * text (raw, XML would drop the one and Excel would decode the other).
 *
 * @example
 * encodeXstring('a\u0001b _x0041_'); // 'a_x0001_b _x005F_x0041_'
 */
export function encodeXstring(text: string): string {
  // most text has neither: skip the replacements for it
  // eslint-disable-next-line no-control-regex
  if (!/_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** escapes text for element content or an attribute */
export function escapeText(text: string): string {
  // most cells hold plain text: skip the replacements for them
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u001F\uFFFE\uFFFF]/.test(text)) return text;
  // a carriage return as a character reference: written as is, every XML parser reads it back as a line feed
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/** undoes escapeText and character references, for a cached value read back */
export function unescapeText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] as string;
  });
}

/** a shared string by its index (the workbook's shared string table) */
export type SharedStrings = (index: number) => string;

/**
 * A cell's value as read-xlsx (exceljs) delivers it: numbers, booleans, errors as `{ error }`,
 * text of shared and inline strings (rich text runs joined), a formula as its cached result,
 * empty text as null. Used to tell which cells a write would really change.
 *
 * @example
 * cellValue('<c r="A1" t="b"><v>1</v></c>', { prefix: '' }, () => ''); // true
 */
export function cellValue(xml: string, names: Names, shared: SharedStrings): CellValue {
  const type = attribute(xml, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = elementRe('is', names).exec(xml);
    return nonEmpty(is ? runsText(is[1], names) : '');
  }
  const v = elementRe('v', names).exec(xml);
  if (!v) return null;
  const text = unescapeText(v[1]);
  if (type === 's') return nonEmpty(shared(Number(text)));
  if (type === 'b') return text.trim() === '1' || text.trim().toLowerCase() === 'true';
  if (type === 'e') return { error: text };
  if (type === 'str') return nonEmpty(text);
  const n = Number(text);
  return text.trim() === '' || Number.isNaN(n) ? nonEmpty(text) : n;
}

/**
 * The text of a string item's body (`<t>` or rich text runs; phonetic runs left out).
 *
 * @example
 * runsText('<r><t>a</t></r><r><t>b</t></r>', { prefix: '' }); // 'ab'
 */
export function runsText(body: string, names: Names): string {
  const p = names.prefix;
  // the usual plain `<t>text</t>`, read without a pattern: this runs for every text cell of a table
  const single = elementRe('t', names).exec(body);
  if (single && single.index === 0 && single[0].length === body.length) return unescapeText(single[1]);
  let phonetic = phoneticRes.get(p);
  if (!phonetic) phoneticRes.set(p, phonetic = new RegExp(`<${p}rPh(?:\\s[^>]*)?>[\\s\\S]*?</${p}rPh>`, 'g'));
  let runs = runRes.get(p);
  if (!runs) runRes.set(p, runs = new RegExp(`<${p}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}t>)`, 'g'));
  let text = '';
  for (const m of body.replace(phonetic, '').matchAll(runs)) text += unescapeText(m[1] ?? '');
  return text;
}

const phoneticRes = new Map<string, RegExp>();
const runRes = new Map<string, RegExp>();

const elementRes = new Map<string, RegExp>();

/** `<v>…</v>` and the like, one compiled pattern per element and prefix: this runs for every cell of a table */
function elementRe(name: string, names: Names): RegExp {
  const key = `${names.prefix}${name}`;
  let re = elementRes.get(key);
  if (!re) {
    re = new RegExp(`<${key}(?:\\s[^>]*)?>([\\s\\S]*?)</${key}>`);
    elementRes.set(key, re);
  }
  return re;
}

function nonEmpty(text: string): CellValue {
  return text === '' ? null : text;
}
