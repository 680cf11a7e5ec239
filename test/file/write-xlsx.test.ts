import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/file/read-xlsx';
import { writeResultsXlsx, type TableContent, type XlsxResults } from '../../src/file/write-xlsx';
import type { RawTable } from '../../src/core/types';
import { libreOfficeSheets, zipParts, zipText } from './helpers';

const MK_HEADERS = ['id', 'werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'overlap', 'eenheid', 'tussentijd_dagen', 'buurten', 'status', 'notitie'];
const CONTROLE_HEADERS = ['tabel', 'rij', 'kolom', 'waarde', 'melding'];

const meekoppelkansen: TableContent = {
  headers: MK_HEADERS,
  rows: [
    ['MK-0001-0002', '0001', '0002', 'warmtenet', 'riolering', 31.456, 'm', 0, '0311 0312', 'nieuw', null],
    ['MK-0001-0007', '0001', '0007', 'warmtenet', 'groen', 0, 'punt', 120, '0311', 'in overleg', 'bel  Stedin & Vitens <snel>'],
  ],
};
const controle: TableContent = { headers: CONTROLE_HEADERS, rows: [['Werken', 5, 'eind', '2020-01-01', 'De einddatum ligt voor de startdatum.']] };

interface SourceOptions { extraRightOfTable?: boolean; plannerSheet?: boolean; withColumn?: boolean }

/** a planner's workbook: a note above the Werken table at B3, shared strings, a date column */
async function sourceWorkbook(options: SourceOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Werken');
  ws.getCell('A1').value = 'Werken van alle partijen';
  const columns = [{ name: 'id' }, { name: 'categorie' }, { name: 'start', filterButton: true }];
  if (options.withColumn) columns.push({ name: 'meekoppelkansen' });
  const rows = [['0001', 'warmtenet', new Date(Date.UTC(2027, 0, 1))], ['0002', 'riolering', new Date(Date.UTC(2028, 5, 1))], ['0007', 'groen', new Date(Date.UTC(2026, 2, 1))]];
  ws.addTable({ name: 'Werken', ref: 'B3', headerRow: true, columns, rows: rows.map((r) => (options.withColumn ? [...r, 'oud'] : r)) });
  if (options.extraRightOfTable) ws.getCell('E5').value = 'eigen notitie';
  if (options.plannerSheet) wb.addWorksheet('Meekoppelkansen').getCell('A1').value = 'mijn eigen lijstje';
  wb.addWorksheet('Buurten').getCell('A1').value = 'buurtcode';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function resultsFor(bytes: Uint8Array, values: Array<[string, string]>): Promise<XlsxResults> {
  const werken = (await readXlsx(bytes)).werken as RawTable;
  const byId = new Map(values);
  const rowValues = new Map<number, string>();
  werken.rows.forEach((row, i) => rowValues.set(werken.headerRow + 1 + i, byId.get(String(row[0])) ?? ''));
  return { meekoppelkansen, controle, werken: { table: werken, values: rowValues } };
}

const PAIRS: Array<[string, string]> = [['0001', 'MK-0001-0002, MK-0001-0007'], ['0002', 'MK-0001-0002'], ['0007', 'MK-0001-0007']];

describe('writeResultsXlsx', () => {
  it('adds Meekoppelkansen and Controle as real Excel tables that exceljs reads back', async () => {
    const source = await sourceWorkbook();
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    expect(out.problems).toEqual([]);
    const raw = await readXlsx(out.bytes);
    expect(raw.meekoppelkansen).toMatchObject({ name: 'Meekoppelkansen', sheet: 'Meekoppelkansen', isTable: true, headerRow: 1, headers: MK_HEADERS });
    expect(raw.meekoppelkansen?.rows).toEqual(meekoppelkansen.rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Werken', 'Buurten', 'Meekoppelkansen', 'Controle']);
    expect(wb.getWorksheet('Meekoppelkansen')?.getCell('F2').numFmt).toBe('0.00');
    expect(wb.getWorksheet('Meekoppelkansen')?.getCell('B2').numFmt).toBe('@');
  });

  it('writes a file LibreOffice opens, with the pairs on the Meekoppelkansen sheet and the problems on Controle', async () => {
    const source = await sourceWorkbook();
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    const sheets = libreOfficeSheets(out.bytes);
    expect(sheets.Meekoppelkansen).toEqual([
      MK_HEADERS,
      ['MK-0001-0002', '0001', '0002', 'warmtenet', 'riolering', '31.46', 'm', '0', '0311 0312', 'nieuw', ''],
      ['MK-0001-0007', '0001', '0007', 'warmtenet', 'groen', '0.00', 'punt', '120', '0311', 'in overleg', 'bel  Stedin & Vitens <snel>'],
    ]);
    expect(sheets.Controle).toEqual([CONTROLE_HEADERS, ['Werken', '5', 'eind', '2020-01-01', 'De einddatum ligt voor de startdatum.']]);
    expect(sheets.Werken[2]).toEqual(['', 'id', 'categorie', 'start', 'meekoppelkansen']);
    expect(sheets.Werken[3].slice(1, 3).concat(sheets.Werken[3][4])).toEqual(['0001', 'warmtenet', 'MK-0001-0002, MK-0001-0007']);
  });

  it('leaves every part it does not own byte for byte as it was', async () => {
    const source = await sourceWorkbook();
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    const before = await zipParts(source);
    const after = await zipParts(out.bytes);
    const owned = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/tables/table1.xml'];
    for (const [path, bytes] of before) {
      if (owned.includes(path)) continue;
      expect({ path, same: Buffer.from(after.get(path) ?? []).equals(Buffer.from(bytes)) }).toEqual({ path, same: true });
    }
    expect(after.get('xl/sharedStrings.xml')).toEqual(before.get('xl/sharedStrings.xml'));
  });

  it('appends cell formats to styles.xml without moving the existing ones', async () => {
    const source = await sourceWorkbook();
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/.exec(xml)?.[1] ?? '';
    const old = xfs(await zipText(source, 'xl/styles.xml'));
    const now = xfs(await zipText(out.bytes, 'xl/styles.xml'));
    expect(now.startsWith(old)).toBe(true);
    expect(now.length).toBeGreaterThan(old.length);
  });

  it('replaces its own sheets on a second run and updates the meekoppelkansen column in place', async () => {
    const source = await sourceWorkbook();
    const first = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    const again = await resultsFor(first.bytes, [['0001', 'MK-0001-0002'], ['0002', 'MK-0001-0002']]);
    const second = await writeResultsXlsx(first.bytes, { ...again, meekoppelkansen: { headers: MK_HEADERS, rows: [meekoppelkansen.rows[0]] } });
    const raw = await readXlsx(second.bytes);
    expect(raw.meekoppelkansen?.rows).toEqual([meekoppelkansen.rows[0]]);
    expect(raw.werken?.headers).toEqual(['id', 'categorie', 'start', 'meekoppelkansen']);
    expect(raw.werken?.rows.map((r) => r[3])).toEqual(['MK-0001-0002', 'MK-0001-0002', null]);
    const sheets = libreOfficeSheets(second.bytes);
    expect(Object.keys(sheets).sort()).toEqual(['Buurten', 'Controle', 'Meekoppelkansen', 'Werken']);
    expect(sheets.Meekoppelkansen).toHaveLength(2);
  });

  it('updates an existing meekoppelkansen column of the planner without widening the table', async () => {
    const source = await sourceWorkbook({ withColumn: true });
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    expect(await zipText(out.bytes, 'xl/tables/table1.xml')).toBe(await zipText(source, 'xl/tables/table1.xml'));
    expect((await readXlsx(out.bytes)).werken?.rows.map((r) => r[3])).toEqual(['MK-0001-0002, MK-0001-0007', 'MK-0001-0002', 'MK-0001-0007']);
  });

  it('does not write over a planner cell right of the Werken table, and says so in Controle', async () => {
    const source = await sourceWorkbook({ extraRightOfTable: true });
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ tabel: 'Werken', rij: 3, kolom: 'meekoppelkansen', ernst: 'waarschuwing' });
    expect(out.problems[0].melding).toMatch(/kolom E rechts naast de tabel is niet leeg/);
    const sheets = libreOfficeSheets(out.bytes);
    expect(sheets.Werken[4]).toEqual(['', '0002', 'riolering', '6/1/2028', 'eigen notitie']);
    expect(sheets.Controle[2]).toEqual(['Werken', '3', 'meekoppelkansen', '', out.problems[0].melding]);
  });

  it("never overwrites a planner's own sheet named Meekoppelkansen", async () => {
    const source = await sourceWorkbook({ plannerSheet: true });
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    expect(out.notices).toEqual([expect.stringMatching(/eigen werkblad 'Meekoppelkansen'.*'Meekoppelkansen \(Koppelkaart\)'/)]);
    const sheets = libreOfficeSheets(out.bytes);
    expect(sheets.Meekoppelkansen).toEqual([['mijn eigen lijstje']]);
    expect(sheets['Meekoppelkansen (Koppelkaart)'][1][0]).toBe('MK-0001-0002');
    expect((await readXlsx(out.bytes)).meekoppelkansen?.sheet).toBe('Meekoppelkansen (Koppelkaart)');
  });

  it('writes an empty result as a table with one empty row, which both readers accept', async () => {
    const source = await sourceWorkbook();
    const out = await writeResultsXlsx(source, { meekoppelkansen: { headers: MK_HEADERS, rows: [] }, controle: { headers: CONTROLE_HEADERS, rows: [] } });
    expect(await zipText(out.bytes, 'xl/tables/table2.xml')).toContain('ref="A1:K2"');
    expect((await readXlsx(out.bytes)).meekoppelkansen?.rows).toEqual([Array(MK_HEADERS.length).fill(null)]);
    expect(libreOfficeSheets(out.bytes).Meekoppelkansen).toEqual([MK_HEADERS]);
  });

  it('writes the column of a Werken sheet that has no table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Werken');
    ws.addRows([['id', 'categorie'], ['0001', 'warmtenet'], ['0002', 'riolering']]);
    const source = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = await writeResultsXlsx(source, await resultsFor(source, PAIRS));
    expect((await readXlsx(out.bytes)).werken).toMatchObject({ isTable: false, headers: ['id', 'categorie', 'meekoppelkansen'] });
    expect(libreOfficeSheets(out.bytes).Werken[2]).toEqual(['0002', 'riolering', 'MK-0001-0002']);
  });

  it('rejects bytes that are no workbook with a Dutch message', async () => {
    await expect(writeResultsXlsx(new Uint8Array([1, 2, 3]), { meekoppelkansen, controle })).rejects.toThrow(/geen leesbaar Excel-bestand/);
  });
});
