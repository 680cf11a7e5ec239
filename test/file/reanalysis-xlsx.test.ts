/**
 * A re-analysis edits the add-in's Meekoppelkansen table in place and changes only what the add-in
 * owns (issue 8): values below the table go down and up with it, a planner's formula, style or
 * filter stays, rows close up with references following them. Each scenario runs the CLI's real
 * write path (`analyse -o uit.xlsx`) on a workbook whose works are moved between analyses.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { resultsXlsx } from '../../src/cli/output';
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import { XlsxPackage } from '../../src/file/xlsx-package';
import { PLEKKEN } from '../excel/planner-oracle';
import { letters, XlsxDom } from '../hardening/xlsx-dom';
import { startWorkbook } from '../hardening/xlsx-planner';
import type { Document, Element } from '@xmldom/xmldom';
import { libreOfficeConvert, libreOfficeSheets } from './helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** one analysis through the CLI's write path; the written file opened for the planner's hands */
async function analysed(dom: XlsxDom): Promise<XlsxDom> {
  const bytes = await dom.bytes();
  const raw = await readXlsx(bytes);
  const werkboek = readWerkboek(raw);
  const pairs = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
  const out = await resultsXlsx(bytes, raw.meekoppelkansen, raw.werken, werkboek, pairs);
  expect(out.problems).toEqual([]);
  return XlsxDom.open(out.bytes);
}

/** every work somewhere: far apart (no pairs) or all on one street (15 pairs); `except` stays far away */
function place(dom: XlsxDom, where: 'apart' | 'together', except?: string): void {
  const { table, rows } = dom.tableRows('Werken');
  const col = letters(table.box.left + table.headers.indexOf('geometrie'));
  rows.forEach((row, i) => {
    const far = `LINESTRING(${120000 + i * 3000} 455600, ${120100 + i * 3000} 455600)`;
    dom.setValue(table.sheet, `${col}${table.box.top + 1 + i}`, where === 'apart' || row[0] === except ? far : PLEKKEN[0]);
  });
}

/** the address of a pair's cell in Meekoppelkansen */
function cellOf(dom: XlsxDom, id: string, header: string): string {
  const { table, rows } = dom.tableRows('Meekoppelkansen');
  const at = rows.findIndex((r) => r[table.headers.indexOf('id')] === id);
  if (at < 0 || !table.headers.includes(header)) throw new Error(`no ${header} of ${id} in Meekoppelkansen`);
  return `${letters(table.box.left + table.headers.indexOf(header))}${table.box.top + 1 + at}`;
}

/** a CSV row without its trailing empty cells */
const trimmed = (row: string[]): string[] => {
  const copy = [...row];
  while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
  return copy;
};

async function together(): Promise<XlsxDom> {
  const dom = await XlsxDom.open(await startWorkbook());
  place(dom, 'together');
  const done = await analysed(dom);
  expect(done.tableRows('Meekoppelkansen').rows).toHaveLength(15);
  return done;
}

describe('a re-analysis of an .xlsx file', () => {
  it('moves what the planner typed below Meekoppelkansen down as the table grows and back up as it shrinks, formulas following', async () => {
    let dom = await XlsxDom.open(await startWorkbook());
    place(dom, 'apart');
    dom = await analysed(dom);
    expect(dom.table('Meekoppelkansen').box.bottom).toBe(2);
    dom.setValue('Meekoppelkansen', 'A6', 'onder de tabel');
    dom.setValue('Meekoppelkansen', 'C7', 42);
    dom.setFormula('Meekoppelkansen', 'B8', 'C7*2', 84);
    place(dom, 'together');
    dom = await analysed(dom);
    expect(dom.table('Meekoppelkansen').box.bottom).toBe(16);
    expect([dom.value('Meekoppelkansen', 'A20'), dom.value('Meekoppelkansen', 'C21'), dom.value('Meekoppelkansen', 'B22')]).toEqual(['onder de tabel', 42, 84]);
    expect(dom.formula('Meekoppelkansen', 'B22')).toBe('C21*2');
    expect(dom.value('Meekoppelkansen', 'A6')).toMatch(/^MK-W\d-W\d$/);
    place(dom, 'apart');
    dom = await analysed(dom);
    expect(dom.table('Meekoppelkansen').box.bottom).toBe(2);
    expect([dom.value('Meekoppelkansen', 'A6'), dom.value('Meekoppelkansen', 'C7'), dom.value('Meekoppelkansen', 'B8')]).toEqual(['onder de tabel', 42, 84]);
    expect(dom.formula('Meekoppelkansen', 'B8')).toBe('C7*2');
    expect(dom.tableRows('Meekoppelkansen').rows).toEqual([dom.table('Meekoppelkansen').headers.map(() => null)]);
    const sheets = libreOfficeSheets(await dom.bytes());
    const filled = sheets.Meekoppelkansen.map(trimmed).filter((r) => r.length > 0);
    expect(filled.slice(1)).toEqual([['onder de tabel'], ['', '', '42'], ['', '84']]);
  }, 60_000);

  it('keeps a formula in a planner column, its references following the row when pairs above it vanish', async () => {
    let dom = await together();
    const at = cellOf(dom, 'MK-W2-W3', 'besparing_eur');
    const overlap = cellOf(dom, 'MK-W2-W3', 'overlap');
    expect(at).toMatch(/^[A-Z]+7$/);
    dom.setFormula('Meekoppelkansen', at, `${overlap}*1000`, 70000);
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    expect(dom.tableRows('Meekoppelkansen').rows).toHaveLength(10);
    const now = cellOf(dom, 'MK-W2-W3', 'besparing_eur');
    expect(now).toMatch(/^[A-Z]+2$/);
    expect(dom.formula('Meekoppelkansen', now)).toBe(`${cellOf(dom, 'MK-W2-W3', 'overlap')}*1000`);
    expect(dom.value('Meekoppelkansen', now)).toBe(70000);
  }, 60_000);

  it("keeps the planner's cell formats in Meekoppelkansen, on a value and on an empty cell", async () => {
    let dom = await together();
    const style = dom.styleCount() - 1;
    dom.setValue('Meekoppelkansen', cellOf(dom, 'MK-W2-W3', 'notitie'), 'bel Stedin');
    dom.setStyle('Meekoppelkansen', cellOf(dom, 'MK-W2-W3', 'notitie'), style);
    dom.setStyle('Meekoppelkansen', cellOf(dom, 'MK-W2-W4', 'contactpersoon'), style);
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    expect(dom.style('Meekoppelkansen', cellOf(dom, 'MK-W2-W3', 'notitie'))).toBe(style);
    expect(dom.value('Meekoppelkansen', cellOf(dom, 'MK-W2-W3', 'notitie'))).toBe('bel Stedin');
    expect(dom.style('Meekoppelkansen', cellOf(dom, 'MK-W2-W4', 'contactpersoon'))).toBe(style);
  }, 60_000);

  it("keeps the table's filter, sort, calculated column and totals row, resized with it", async () => {
    let dom = await together();
    const headers = dom.table('Meekoppelkansen').headers;
    const last = letters(headers.length);
    const [status, overlap, besparing] = ['status', 'overlap', 'besparing_eur'].map((h) => headers.indexOf(h));
    dom.filterAndSort('Meekoppelkansen', status, 'nieuw', overlap);
    // a totals row (label and sum) and a calculated column, as Excel saves them
    const table = dom.tableElement('Meekoppelkansen');
    const columns = Array.from(table.getElementsByTagNameNS(MAIN, 'tableColumn') as unknown as ArrayLike<Element>);
    columns[0].setAttribute('totalsRowLabel', 'Totaal');
    columns[besparing].setAttribute('totalsRowFunction', 'sum');
    const formula = (table.ownerDocument as Document).createElementNS(MAIN, 'calculatedColumnFormula');
    formula.textContent = 'Meekoppelkansen[[#This Row],[tussentijd_dagen]]';
    columns[overlap].appendChild(formula);
    table.setAttribute('ref', `A1:${last}17`);
    table.setAttribute('totalsRowCount', '1');
    dom.touchTable('Meekoppelkansen');
    dom.setValue('Meekoppelkansen', 'A17', 'Totaal');
    dom.setFormula('Meekoppelkansen', `${letters(1 + besparing)}17`, 'SUBTOTAL(109,Meekoppelkansen[besparing_eur])', 0);
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    const xml = dom.tableXml('Meekoppelkansen');
    expect(xml).toContain(`ref="A1:${last}12"`);
    expect(xml).toContain('totalsRowCount="1"');
    expect(xml).toContain(`<autoFilter ref="A1:${last}11"><filterColumn colId="${status}"><filters><filter val="nieuw"/></filters></filterColumn></autoFilter>`);
    expect(xml).toContain(`<sortState ref="A2:${last}11"><sortCondition descending="1" ref="F2:F11"/></sortState>`);
    expect(xml).toContain(`<tableColumns count="${headers.length}">`);
    expect(xml).toContain('<calculatedColumnFormula>Meekoppelkansen[[#This Row],[tussentijd_dagen]]</calculatedColumnFormula>');
    expect(xml).toContain('totalsRowFunction="sum"');
    expect(dom.value('Meekoppelkansen', 'A12')).toBe('Totaal');
    expect(dom.formula('Meekoppelkansen', `${letters(1 + besparing)}12`)).toBe('SUBTOTAL(109,Meekoppelkansen[besparing_eur])');
    const sheets = libreOfficeSheets(await dom.bytes());
    expect(sheets.Meekoppelkansen).toHaveLength(12);
    expect(sheets.Meekoppelkansen[11][0]).toBe('Totaal');
  }, 60_000);

  it('writes text with a control character or a literal _xHHHH_ so Excel and LibreOffice read it as typed, the same after every analysis', async () => {
    const dom = await XlsxDom.open(await startWorkbook());
    place(dom, 'together');
    const { table } = dom.tableRows('Werken');
    const titel = letters(table.box.left + table.headers.indexOf('titel'));
    const [een, twee] = ['bel\u0001 Stedin', 'code _x0041_ en _x00e9_'];
    dom.setValue('Werken', `${titel}2`, een);
    dom.setValue('Werken', `${titel}3`, twee);
    let now = await analysed(dom);
    const cells = () => [now.value('Meekoppelkansen', cellOf(now, 'MK-W1-W2', 'titel_a')), now.value('Meekoppelkansen', cellOf(now, 'MK-W1-W2', 'titel_b'))];
    expect(cells()).toEqual([een, twee]);
    now = await analysed(now);
    expect(cells()).toEqual([een, twee]);
    const sheets = libreOfficeSheets(await now.bytes());
    const header = sheets.Meekoppelkansen[0];
    const row = sheets.Meekoppelkansen.find((r) => r[0] === 'MK-W1-W2') as string[];
    expect(row[header.indexOf('titel_b')]).toBe(twee);
    expect(row[header.indexOf('titel_b')]).toBe(sheets.Werken[2][table.headers.indexOf('titel')]);
  }, 60_000);

  it('moves what the planner has beside the table to the right when the add-in puts back a column the planner deleted', async () => {
    let dom = await together();
    const { table } = dom.tableRows('Meekoppelkansen');
    expect(table.headers[table.headers.length - 1]).toBe('vorige_status');
    // the planner deletes the table's last column (Excel: the column's cells go, the table one narrower)
    const part = dom.tableElement('Meekoppelkansen');
    const columns = part.getElementsByTagNameNS(MAIN, 'tableColumns')[0];
    columns.removeChild(columns.lastChild as Element);
    columns.setAttribute('count', String(table.headers.length - 1));
    const last = letters(table.box.right);
    part.setAttribute('ref', `A1:${letters(table.box.right - 1)}${table.box.bottom}`);
    part.getElementsByTagNameNS(MAIN, 'autoFilter')[0].setAttribute('ref', `A1:${letters(table.box.right - 1)}${table.box.bottom}`);
    dom.touchTable('Meekoppelkansen');
    for (let r = 1; r <= table.box.bottom; r++) dom.setValue('Meekoppelkansen', `${last}${r}`, null);
    // and types beside the table where that column was
    const next = letters(table.box.right + 1);
    dom.setValue('Meekoppelkansen', `${last}3`, 'naast de tabel');
    dom.setFormula('Meekoppelkansen', `${next}4`, `LEN(${last}3)`, 14);
    dom = await analysed(dom);
    expect(dom.table('Meekoppelkansen').headers).toEqual(table.headers);
    expect(dom.value('Meekoppelkansen', `${next}3`)).toBe('naast de tabel');
    const after = letters(table.box.right + 2);
    expect([dom.value('Meekoppelkansen', `${after}4`), dom.formula('Meekoppelkansen', `${after}4`)]).toEqual([14, `LEN(${next}3)`]);
  }, 60_000);

  it('gives each cell of a filled-down formula its own formula when the first row of the group goes', async () => {
    let dom = await together();
    const { table } = dom.tableRows('Meekoppelkansen');
    const column = letters(table.box.left + table.headers.indexOf('besparing_eur'));
    const overlap = letters(table.box.left + table.headers.indexOf('overlap'));
    const formula = (r: number) => `IF(H${r}>9999,"",${overlap}${r}*1000)`;
    // the first row's result is empty text (no planner input: its row goes when its pair vanishes), the others numbers
    dom.fillDown('Meekoppelkansen', column, 2, 16, formula(2), (r) => (r === 2 ? '' : r * 1000));
    const ids = dom.tableRows('Meekoppelkansen').rows.map((r) => String(r[0]));
    expect(ids[0]).toBe('MK-W1-W2');
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    const rows = dom.tableRows('Meekoppelkansen').rows.map((r) => String(r[0]));
    expect(rows).toEqual(ids.slice(1));
    rows.forEach((id, i) => {
      expect([id, dom.formula('Meekoppelkansen', `${column}${2 + i}`), dom.value('Meekoppelkansen', `${column}${2 + i}`)]).toEqual([id, formula(2 + i), (3 + i) * 1000]);
    });
    // both readers open it: the next analysis, and LibreOffice
    dom = await analysed(dom);
    expect(libreOfficeSheets(await dom.bytes()).Meekoppelkansen).toHaveLength(15);
  }, 60_000);

  /**
   * The planner puts a note (and a value) on a Meekoppelkansen cell in Excel (here exceljs saves the
   * workbook as a whole), moves W1 so the pairs' rows change, and analyses again.
   */
  async function analysedWithNote(saved: XlsxDom, at: string, note: string, value?: string): Promise<XlsxDom> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await saved.bytes()) as unknown as ArrayBuffer);
    const cell = (wb.getWorksheet('Meekoppelkansen') as ExcelJS.Worksheet).getCell(at);
    if (value !== undefined) cell.value = value;
    cell.note = note;
    const dom = await XlsxDom.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    place(dom, 'together', 'W1');
    return analysed(dom);
  }

  it("moves a planner's comment along with its cell, in the comments and in the note's drawing", async () => {
    const saved = await together();
    // the planner puts a note on a pair's notitie in Excel
    const at = cellOf(saved, 'MK-W2-W3', 'notitie');
    const dom = await analysedWithNote(saved, at, 'gebeld op 3 maart', 'bellen');
    const now = cellOf(dom, 'MK-W2-W3', 'notitie');
    expect(now).not.toBe(at);
    const zip = await JSZip.loadAsync(await dom.bytes());
    const part = (re: RegExp) => Object.keys(zip.files).find((f) => re.test(f)) as string;
    expect(await zip.file(part(/comments\d*\.xml$/))?.async('string')).toContain(`<comment ref="${now}" authorId="0">`);
    const vml = await zip.file(part(/vmlDrawing\d*\.vml$/))?.async('string');
    expect(vml).toContain(`<x:Row>${Number(now.replace(/[A-Z]+/, '')) - 1}</x:Row>`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await dom.bytes()) as unknown as ArrayBuffer);
    const noteAt = (address: string) => JSON.stringify(wb2.getWorksheet('Meekoppelkansen')?.getCell(address).note ?? null);
    expect([noteAt(now), noteAt(at)]).toEqual([expect.stringContaining('gebeld op 3 maart'), 'null']);
    // LibreOffice shows the note in the pair's row
    const fods = Buffer.from(libreOfficeConvert(await dom.bytes(), 'plan.xlsx', 'fods')).toString('utf8');
    const note = fods.indexOf('gebeld op 3 maart');
    expect(note).toBeGreaterThan(0);
    expect(fods.slice(fods.lastIndexOf('<table:table-row', note), note)).toContain('MK-W2-W3');
  }, 60_000);

  it("keeps a vanished pair whose row carries the planner's comment as vervallen, the comment on that row and on no other", async () => {
    const saved = await together();
    // a note on an add-in cell of a pair the planner typed nothing else for
    const at = cellOf(saved, 'MK-W1-W2', 'titel_a');
    const dom = await analysedWithNote(saved, at, 'vraag Stedin naar de planning');
    const { table, rows } = dom.tableRows('Meekoppelkansen');
    const cell = (id: string, header: string) => rows.find((r) => r[table.headers.indexOf('id')] === id)?.[table.headers.indexOf(header)];
    // the five pairs of W1 vanished; only the commented one stays
    expect(rows.map((r) => r[table.headers.indexOf('id')]).filter((id) => String(id).startsWith('MK-W1-'))).toEqual(['MK-W1-W2']);
    expect(rows).toHaveLength(11);
    expect([cell('MK-W1-W2', 'status'), cell('MK-W1-W2', 'vorige_status')]).toEqual(['vervallen', 'nieuw']);
    const now = cellOf(dom, 'MK-W1-W2', 'titel_a');
    const zip = await JSZip.loadAsync(await dom.bytes());
    const comments = await zip.file(Object.keys(zip.files).find((f) => /comments\d*\.xml$/.test(f)) as string)?.async('string');
    expect([...(comments ?? '').matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual([now]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await dom.bytes()) as unknown as ArrayBuffer);
    const notes = (wb2.getWorksheet('Meekoppelkansen') as ExcelJS.Worksheet).getRows(1, 20)?.flatMap((r) => {
      const found: string[] = [];
      r.eachCell((c) => { if (c.note) found.push(c.address); });
      return found;
    });
    expect(notes).toEqual([now]);
  }, 60_000);

  it("keeps a vanished pair whose row carries a threaded comment as vervallen, the comment following its row", async () => {
    const saved = await together();
    const at = cellOf(saved, 'MK-W1-W3', 'titel_b');
    // a threaded comment as Excel 365 writes it: its own part, related from the sheet
    const pkg = await XlsxPackage.open(await saved.bytes());
    const sheet = ((await pkg.tables()).find((t) => t.name === 'Meekoppelkansen') as { sheet: { path: string } }).sheet.path;
    const path = 'xl/threadedComments/threadedComment1.xml';
    pkg.put(path, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
      + `<threadedComment ref="${at}" dT="2026-11-01T10:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>samen met Vitens?</text></threadedComment></ThreadedComments>`);
    await pkg.addRelationship(sheet, 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', path);
    await pkg.setContentType(path, 'application/vnd.ms-excel.threadedcomments+xml');
    let dom = await XlsxDom.open(await pkg.bytes());
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    const { table, rows } = dom.tableRows('Meekoppelkansen');
    expect(rows.map((r) => r[table.headers.indexOf('id')]).filter((id) => String(id).startsWith('MK-W1-'))).toEqual(['MK-W1-W3']);
    expect(rows.find((r) => r[0] === 'MK-W1-W3')?.[table.headers.indexOf('status')]).toBe('vervallen');
    const now = cellOf(dom, 'MK-W1-W3', 'titel_b');
    expect(now).not.toBe(at);
    const xml = await (await JSZip.loadAsync(await dom.bytes())).file(path)?.async('string');
    expect([...(xml ?? '').matchAll(/<threadedComment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual([now]);
  }, 60_000);

  it("stretches the planner's drop-down list and conditional format over a column's data rows as the table grows", async () => {
    let dom = await XlsxDom.open(await startWorkbook());
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    const { table } = dom.tableRows('Meekoppelkansen');
    expect(table.box.bottom).toBe(11);
    const status = letters(table.box.left + table.headers.indexOf('status'));
    dom.addListAndFormat('Meekoppelkansen', `${status}2:${status}11`, ['nieuw', 'in overleg', 'afgesproken'], 'nieuw');
    dom.addListAndFormat('Meekoppelkansen', 'Z1:Z5', ['ja', 'nee'], 'ja');
    place(dom, 'together');
    dom = await analysed(dom);
    expect(dom.table('Meekoppelkansen').box.bottom).toBe(16);
    expect(dom.formatRanges('Meekoppelkansen')).toEqual([`${status}2:${status}16`, 'Z1:Z5', `${status}2:${status}16`, 'Z1:Z5']);
    expect(libreOfficeSheets(await dom.bytes()).Meekoppelkansen).toHaveLength(16);
  }, 60_000);

  it("leaves the table's header cells as the planner named the columns, spaces and all", async () => {
    let dom = await together();
    dom.addTableColumn('Meekoppelkansen', ' mijn kolom ');
    place(dom, 'together', 'W1');
    dom = await analysed(dom);
    const { table } = dom.tableRows('Meekoppelkansen');
    expect(table.headers[table.headers.length - 1]).toBe(' mijn kolom ');
  }, 60_000);
});
