/**
 * Writes one of the add-in's own tables (Meekoppelkansen, Controle) as a real Excel table: on the
 * sheet that already holds it (re-analysis edits it in place, see table-update.ts), or on a new sheet of its own.
 * A sheet of that name that the planner made is never overwritten: ours gets another name.
 */
import type { CellValue } from '../core/types';
import { encodeRef, type CellRange } from './cell-ref';
import { sameName } from './read-xlsx';
import type { CellFormat } from './styles';
import { updateTable } from './table-update';
import { CONTENT_TYPE, REL_TYPE, type XlsxPackage } from './xlsx-package';
import { NS, childElements, createElement, escapeXml, firstChild, root } from './xml';

/** A table the add-in writes: header and rows, with a number format per header where it matters. */
export interface OutputTable {
  /** table name, also the preferred sheet name: `Meekoppelkansen` or `Controle` */
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** number format by header; other columns are General */
  formats?: Readonly<Record<string, CellFormat>>;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Writes the table into the package; returns Dutch notices (e.g. the sheet got another name).
 *
 * @example
 * await writeOutputTable(pkg, { name: 'Controle', headers: ['tabel', 'rij'], rows: [] }, xf);
 */
export async function writeOutputTable(pkg: XlsxPackage, table: OutputTable, xf: Record<CellFormat, number>): Promise<string[]> {
  const headers = uniqueHeaders(table.headers);
  const existing = (await pkg.tables()).find((t) => sameName(t.name, table.name));
  if (existing) {
    // the table's own column names first: the merge keeps them, and they are unique already
    const styles = headers.map((h) => xf[table.formats?.[h] ?? 'general'] || undefined);
    if (await updateTable(pkg, existing, { headers, rows: table.rows, styles })) await dropCalcChain(pkg);
    return [];
  }
  return addTableSheet(pkg, table, headers, xf);
}

async function addTableSheet(pkg: XlsxPackage, table: OutputTable, headers: string[], xf: Record<CellFormat, number>): Promise<string[]> {
  const notices: string[] = [];
  const sheetNames = (await pkg.sheets()).map((s) => s.name);
  const sheetName = freeName(sheetNames, table.name, (n) => `${table.name} (Koppelkaart${n > 1 ? ' ' + n : ''})`);
  if (sheetName !== table.name) {
    notices.push(`Er is al een eigen werkblad '${table.name}'; dat blijft onaangeroerd. De uitkomst staat op werkblad '${sheetName}'.`);
  }
  const tableName = freeName(await pkg.reservedNames(), table.name, (n) => `${table.name}_Koppelkaart${n > 1 ? n : ''}`);
  const tableId = Math.max(0, ...(await pkg.tables()).map((t) => t.id)) + 1;
  const sheetPath = pkg.freePath('xl/worksheets/sheet');
  const tablePath = pkg.freePath('xl/tables/table');
  pkg.putSheet(sheetPath, emptySheetXml(headers, table.rows));
  await writeCells(pkg, sheetPath, headers, table, xf);
  pkg.put(tablePath, tableXml(tableId, tableName, tableRange({ top: 1, left: 1 }, headers, table.rows.length), headers));
  await pkg.addRelationship(sheetPath, REL_TYPE.table, tablePath);
  await pkg.setContentType(sheetPath, CONTENT_TYPE.sheet);
  await pkg.setContentType(tablePath, CONTENT_TYPE.table);
  await registerSheet(pkg, sheetName, sheetPath);
  return notices;
}

/** the header and rows of a new table, from A1 */
async function writeCells(pkg: XlsxPackage, sheetPath: string, headers: string[], table: OutputTable, xf: Record<CellFormat, number>): Promise<void> {
  const sheet = await pkg.sheet(sheetPath);
  headers.forEach((h, i) => sheet.setValue(1, 1 + i, h));
  const styles = headers.map((h) => xf[table.formats?.[h] ?? 'general'] || undefined);
  sheet.writeRows(2, 1, table.rows, styles);
  sheet.finish();
  pkg.touch(sheetPath);
}

function tableRange(at: { top: number; left: number }, headers: string[], rowCount: number): CellRange {
  // an Excel table always has at least one data row, empty when there is nothing to show
  return { top: at.top, left: at.left, bottom: at.top + Math.max(1, rowCount), right: at.left + headers.length - 1 };
}

function tableXml(id: number, name: string, range: CellRange, headers: string[]): string {
  const ref = encodeRef(range);
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
  const style = '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>';
  return `${DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">`
    + `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>${style}</table>`;
}

/** a new worksheet: header row frozen, columns as wide as their content (up to a limit) */
function emptySheetXml(headers: string[], rows: CellValue[][]): string {
  const cols = headers.map((h, i) => {
    let width = h.length;
    for (const row of rows.slice(0, 200)) width = Math.max(width, String(row[i] ?? '').length);
    return `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, width + 3))}" customWidth="1"/>`;
  }).join('');
  return `${DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`
    + `<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData/>`
    + `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
    + `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
}

/** adds the sheet to workbook.xml and its relationships */
async function registerSheet(pkg: XlsxPackage, name: string, sheetPath: string): Promise<void> {
  const relId = await pkg.addRelationship(pkg.workbookPath, REL_TYPE.sheet, sheetPath);
  const doc = await pkg.xml(pkg.workbookPath);
  const sheets = firstChild(root(doc), 'sheets');
  if (!sheets) throw new Error('xl/workbook.xml has no <sheets>; the file is not a valid workbook.');
  const ids = childElements(sheets, 'sheet').map((s) => Number(s.getAttribute('sheetId')) || 0);
  const sheet = createElement(doc, 'sheet');
  sheet.setAttribute('name', name);
  sheet.setAttribute('sheetId', String(Math.max(0, ...ids) + 1));
  sheet.setAttributeNS(NS.rel, `${root(doc).lookupPrefix(NS.rel) ?? 'r'}:id`, relId);
  sheets.appendChild(sheet);
  pkg.touch(pkg.workbookPath);
}

/** calcChain lists formula cells; after one was overwritten Excel must rebuild it */
export async function dropCalcChain(pkg: XlsxPackage): Promise<void> {
  const path = 'xl/calcChain.xml';
  if (!pkg.has(path)) return;
  pkg.remove(path);
  await pkg.removeRelationshipsTo(pkg.workbookPath, path);
  await pkg.setContentType(path, null);
}

/** table column names: never empty, never twice (Excel refuses both) */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() || `Kolom${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** the wanted name when free (Excel compares case-insensitively), else the first free alternative */
function freeName(taken: string[], wanted: string, alternative: (n: number) => string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 1; ; n++) if (!lower.has(alternative(n).toLowerCase())) return alternative(n);
}
