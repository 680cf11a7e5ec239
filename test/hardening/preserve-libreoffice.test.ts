/**
 * Nothing is lost (issue 8): a planner's workbook made by real LibreOffice from a Flat ODS fixture,
 * holding an Excel table, styles, formulas, defined names (one sheet-local, one print area), data
 * validation, a conditional format, a chart, a pivot table, a comment and a hidden sheet, goes
 * through the CLI's `analyse -o .xlsx` (readXlsx → readWerkboek → analyse → merge → writeResultsXlsx).
 * Every part the add-in does not own must come out byte for byte; the parts it edits keep every
 * original element; LibreOffice and exceljs still find everything and read our sheets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { childElements, firstChild, parseXml, root, serializeXml, type XmlElement } from '../../src/file/xml';
import { decodeCell } from '../../src/file/cell-ref';
import { compiledCli, libreOfficeConvert, libreOfficeSheets, zipParts } from '../file/helpers';

const FODS = join(__dirname, '..', 'fixtures', 'preserve', 'planner-werkboek.fods');

/** parts the add-in edits, each additively (checked one by one below) */
const EDITED = [
  'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml',
  'xl/worksheets/sheet1.xml', // the Werken sheet: the meekoppelkansen column
  'xl/tables/table1.xml', // the Werken table: one column wider
];
/** parts the add-in adds: Meekoppelkansen and Controle, each a sheet with one table */
const ADDED = [
  'xl/worksheets/sheet5.xml', 'xl/worksheets/_rels/sheet5.xml.rels', 'xl/tables/table2.xml',
  'xl/worksheets/sheet6.xml', 'xl/worksheets/_rels/sheet6.xml.rels', 'xl/tables/table3.xml',
];

let dir: string;
let source: Uint8Array;
let output: Uint8Array;
let before: Map<string, Uint8Array>;
let after: Map<string, Uint8Array>;
let cliErr: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kk-preserve-'));
  source = libreOfficeConvert(new Uint8Array(readFileSync(FODS)), 'planner-werkboek.fods', 'xlsx');
  writeFileSync(join(dir, 'plan.xlsx'), source);
  const run = spawnSync(process.execPath, [compiledCli(), 'analyse', join(dir, 'plan.xlsx'), '-o', join(dir, 'uit.xlsx')], { encoding: 'utf8' });
  cliErr = run.stderr;
  expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('3 meekoppelkansen gevonden') });
  output = new Uint8Array(readFileSync(join(dir, 'uit.xlsx')));
  before = await zipParts(source);
  after = await zipParts(output);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function text(parts: Map<string, Uint8Array>, path: string): string {
  const bytes = parts.get(path);
  if (!bytes) throw new Error(`no part ${path}`);
  return Buffer.from(bytes).toString('utf8');
}

function rootOf(parts: Map<string, Uint8Array>, path: string): XmlElement {
  return root(parseXml(text(parts, path), path));
}

/** the element children of a node, each serialised (namespace declarations are on the root, so equal text means equal markup) */
function children(el: XmlElement): string[] {
  const result: string[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) result.push(serializeXml(n as XmlElement));
  return result;
}

function attributes(el: XmlElement): Record<string, string> {
  const result: Record<string, string> = {};
  for (let i = 0; i < el.attributes.length; i++) result[el.attributes[i].name] = el.attributes[i].value;
  return result;
}

describe('a LibreOffice workbook written by the CLI', () => {
  it('really holds every kind of part the test is about', () => {
    const paths = [...before.keys()];
    for (const kind of ['xl/tables/table1.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml', 'xl/sharedStrings.xml', 'docProps/app.xml']) expect(paths).toContain(kind);
    const workbook = text(before, 'xl/workbook.xml');
    expect(workbook).toContain('<sheet name="Verborgen" sheetId="4" state="hidden"');
    expect(workbook).toMatch(/<definedName [^>]*localSheetId="1" name="_xlnm.Print_Area"/);
    expect(workbook).toMatch(/<definedName [^>]*localSheetId="3" name="Lijst"/);
    expect(workbook).toMatch(/<definedName [^>]*name="Categorieen"[^>]*>Verborgen!\$A\$2:\$A\$2</);
    const werken = text(before, 'xl/worksheets/sheet1.xml');
    expect(werken).toContain('<conditionalFormatting sqref="H2:H5">');
    expect(werken).toContain('<dataValidation ');
    expect(werken).toContain('<f aca="false">SUM(H2:H5)</f>');
    expect(text(before, 'xl/tables/table1.xml')).toContain('name="Werken"');
    expect(childElements(firstChild(rootOf(before, 'xl/styles.xml'), 'cellXfs') as XmlElement, 'xf').length).toBeGreaterThan(3);
  });

  it('leaves every part it does not own byte for byte, and adds only its own sheets and tables', () => {
    const untouched = [...before.keys()].filter((p) => !EDITED.includes(p));
    expect(untouched.length).toBeGreaterThanOrEqual(18);
    for (const path of untouched) {
      expect({ path, same: Buffer.from(after.get(path) ?? []).equals(Buffer.from(before.get(path) as Uint8Array)) }).toEqual({ path, same: true });
    }
    expect([...after.keys()].filter((p) => !before.has(p)).sort()).toEqual([...ADDED].sort());
  });

  it('writes no folder entries into the zip (LibreOffice writes none either)', async () => {
    const entries = Object.values((await JSZip.loadAsync(output)).files);
    expect(entries.filter((e) => e.dir).map((e) => e.name)).toEqual([]);
    expect(entries.length).toBe(before.size + ADDED.length);
  });

  it('keeps workbook.xml: sheets, defined names (local sheet ids included), pivot caches; its own sheets come last', () => {
    const old = rootOf(before, 'xl/workbook.xml'), now = rootOf(after, 'xl/workbook.xml');
    expect(attributes(now)).toEqual(attributes(old));
    const oldChildren = children(old), nowChildren = children(now);
    const sheetsAt = oldChildren.findIndex((c) => c.startsWith('<sheets'));
    expect(nowChildren.filter((_, i) => i !== sheetsAt)).toEqual(oldChildren.filter((_, i) => i !== sheetsAt));
    const oldSheets = children(firstChild(old, 'sheets') as XmlElement);
    const nowSheets = children(firstChild(now, 'sheets') as XmlElement);
    expect(nowSheets.slice(0, oldSheets.length)).toEqual(oldSheets);
    expect(nowSheets.slice(oldSheets.length).map((s) => /name="([^"]*)"/.exec(s)?.[1])).toEqual(['Meekoppelkansen', 'Controle']);
  });

  it('keeps every relationship and content type and adds only those of its own parts', () => {
    const oldRels = children(rootOf(before, 'xl/_rels/workbook.xml.rels'));
    const nowRels = children(rootOf(after, 'xl/_rels/workbook.xml.rels'));
    expect(nowRels.slice(0, oldRels.length)).toEqual(oldRels);
    expect(nowRels.slice(oldRels.length).map((r) => /Target="([^"]*)"/.exec(r)?.[1])).toEqual(['worksheets/sheet5.xml', 'worksheets/sheet6.xml']);
    const oldTypes = children(rootOf(before, '[Content_Types].xml'));
    const nowTypes = children(rootOf(after, '[Content_Types].xml'));
    expect(nowTypes.slice(0, oldTypes.length)).toEqual(oldTypes);
    expect(nowTypes.slice(oldTypes.length).map((t) => /PartName="([^"]*)"/.exec(t)?.[1]).sort())
      .toEqual(ADDED.filter((p) => !p.includes('_rels')).map((p) => '/' + p).sort());
  });

  it('keeps every style of styles.xml at its index and only appends cell formats', () => {
    const old = rootOf(before, 'xl/styles.xml'), now = rootOf(after, 'xl/styles.xml');
    const without = (el: XmlElement) => children(el).filter((c) => !c.startsWith('<cellXfs'));
    expect(without(now)).toEqual(without(old));
    const oldXfs = children(firstChild(old, 'cellXfs') as XmlElement);
    const nowXfs = children(firstChild(now, 'cellXfs') as XmlElement);
    expect(nowXfs.slice(0, oldXfs.length)).toEqual(oldXfs);
    expect(nowXfs.length).toBeGreaterThan(oldXfs.length);
  });

  it('keeps every cell, formula, validation, conditional format and the comment link of the Werken sheet; adds only column J', () => {
    const old = rootOf(before, 'xl/worksheets/sheet1.xml'), now = rootOf(after, 'xl/worksheets/sheet1.xml');
    const outside = (el: XmlElement) => children(el).filter((c) => !c.startsWith('<sheetData') && !c.startsWith('<dimension'));
    expect(outside(now)).toEqual(outside(old));
    expect(firstChild(now, 'dimension')?.getAttribute('ref')).toBe('A1:J6');
    const cells = (el: XmlElement) => childElements(firstChild(el, 'sheetData') as XmlElement, 'row').flatMap((row) => children(row));
    const oldCells = cells(old), nowCells = cells(now);
    expect(nowCells.filter((c) => oldCells.includes(c))).toEqual(oldCells);
    const added = nowCells.filter((c) => !oldCells.includes(c)).map((c) => /r="([A-Z]+\d+)"/.exec(c)?.[1] ?? '');
    expect(added).toEqual(['J1', 'J2', 'J3', 'J4']);
    expect(added.every((a) => decodeCell(a).column === 10)).toBe(true);
    const rows = (el: XmlElement) => childElements(firstChild(el, 'sheetData') as XmlElement, 'row').map(attributes);
    expect(rows(now)).toEqual(rows(old));
  });

  it('widens the Werken table by its own column and keeps the table as it was otherwise', () => {
    const old = rootOf(before, 'xl/tables/table1.xml'), now = rootOf(after, 'xl/tables/table1.xml');
    expect(attributes(now)).toEqual({ ...attributes(old), ref: 'A1:J5' });
    expect(firstChild(now, 'autoFilter')?.getAttribute('ref')).toBe('A1:J5');
    const oldColumns = children(firstChild(old, 'tableColumns') as XmlElement);
    const nowColumns = children(firstChild(now, 'tableColumns') as XmlElement);
    expect(nowColumns.slice(0, oldColumns.length)).toEqual(oldColumns);
    expect(nowColumns.slice(oldColumns.length)).toEqual([expect.stringMatching(/^<tableColumn id="10" name="meekoppelkansen"/)]);
  });

  it('opens in LibreOffice with the pairs on Meekoppelkansen, the column in Werken and the formulas still computing', () => {
    const sheets = libreOfficeSheets(output);
    expect(Object.keys(sheets).sort()).toEqual(['Budget', 'Controle', 'Meekoppelkansen', 'Overzicht', 'Verborgen', 'Werken']);
    const [header, ...rows] = sheets.Meekoppelkansen;
    expect(header.slice(0, 3)).toEqual(['id', 'werk_a', 'werk_b']);
    expect(header).toContain('status');
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['MK-W1-W2', 'W1', 'W2', 'warmtenet', 'riolering'],
      ['MK-W1-W3', 'W1', 'W3', 'warmtenet', 'groen'],
      ['MK-W2-W3', 'W2', 'W3', 'riolering', 'groen'],
    ]);
    expect(rows.map((r) => r[header.indexOf('status')])).toEqual(['nieuw', 'nieuw', 'nieuw']);
    expect(sheets.Werken.map((r) => r[9])).toEqual(['meekoppelkansen', 'MK-W1-W2, MK-W1-W3', 'MK-W1-W2, MK-W2-W3', 'MK-W1-W3, MK-W2-W3', '', '']);
    expect(sheets.Werken[5][7]).toBe('€ 1,000,000.00');
    expect(sheets.Budget.map((r) => r[1])).toEqual(['budget', '500000', '300000', '80000', '120000']);
    expect(sheets.Controle[0]).toEqual(['tabel', 'rij', 'kolom', 'waarde', 'melding']);
    expect(cliErr).toContain('Buurten');
  });

  it('still holds chart, pivot table, comment, validation, conditional format, names and the hidden sheet when LibreOffice reads it', () => {
    const fods = Buffer.from(libreOfficeConvert(output, 'uit.xlsx', 'fods')).toString('utf8');
    expect(fods).toContain('<chart:chart');
    expect(fods).toMatch(/<table:data-pilot-table table:name="Draaitabel1"/);
    expect(fods).toContain('Afstemmen met Stedin vóór 1 maart');
    expect(fods).toMatch(/<table:content-validation [^>]*of:cell-content-is-in-list/);
    expect(fods).toMatch(/<calcext:conditional-format calcext:target-range-address="Werken.H2:Werken.H5"/);
    expect(fods).toMatch(/<table:named-range table:name="Categorieen"/);
    expect(fods).toMatch(/<table:named-range table:name="Lijst"/);
    expect(fods).toMatch(/table:print-ranges="Budget.A1:Budget.B5"/);
    expect(fods).toMatch(/<table:database-range table:name="Werken" table:target-range-address="Werken.A1:Werken.J5"/);
    const verborgenStyle = /<table:table table:name="Verborgen" table:style-name="([^"]+)"/.exec(fods)?.[1];
    expect(fods).toMatch(new RegExp(`<style:style style:name="${verborgenStyle}" style:family="table"[^>]*>\\s*<style:table-properties table:display="false"`));
    expect(fods.match(/table:display="false"/g)).toHaveLength(1);
  });

  it('re-opens in exceljs with the hidden sheet, names, comment, validation and conditional format', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Werken', 'visible'], ['Budget', 'visible'], ['Overzicht', 'visible'], ['Verborgen', 'hidden'], ['Meekoppelkansen', 'visible'], ['Controle', 'visible'],
    ]);
    const werken = wb.getWorksheet('Werken') as ExcelJS.Worksheet;
    expect(JSON.stringify(werken.getCell('A2').note)).toContain('Afstemmen met Stedin');
    expect(werken.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: expect.arrayContaining(['"warmtenet,riolering,groen,glasvezel"']) });
    // exceljs 4.4 keeps loaded conditional formats on the sheet without typing them
    const formats = (werken as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    expect(formats.map((c) => c.ref)).toEqual(['H2:H5']);
    expect(werken.getCell('H6').value).toMatchObject({ formula: 'SUM(H2:H5)', result: 1000000 });
    expect(wb.definedNames.getRanges('Categorieen').ranges).toEqual(['Verborgen!$A$2']);
    expect(wb.getWorksheet('Meekoppelkansen')?.getCell('A2').value).toBe('MK-W1-W2');
  });
});
