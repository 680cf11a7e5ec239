import ExcelJS from 'exceljs';
import { readXlsx, sameName, toCellValue } from '../../src/file/read-xlsx';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** a workbook with a Werken table placed at B3 (not A1) and a Regels sheet without a table */
async function sampleWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const werken = wb.addWorksheet('Planning');
  werken.getCell('A1').value = 'Planning 2026-2034';
  werken.addTable({
    name: 'Wérken_', ref: 'B3', headerRow: true,
    columns: [{ name: 'id' }, { name: 'start' }, { name: 'formule' }, { name: 'titel' }, { name: 'link' }],
    rows: [
      ['W1', new Date(Date.UTC(2027, 2, 1)), { formula: '1+1', result: 2 }, { richText: [{ text: 'Riool ' }, { text: 'Zuid', font: { bold: true } }] }, { text: 'site', hyperlink: 'https://example.org' }],
      ['W2', null, { formula: 'NA()', result: { error: '#N/A' } }, '', null],
    ],
  });
  const regels = wb.addWorksheet('regels');
  regels.getCell('C2').value = 'naam';
  regels.getCell('D2').value = 'waarde';
  regels.getCell('C3').value = 'afstand_m';
  regels.getCell('D3').value = 15;
  regels.getCell('C5').value = { error: '#VALUE!' } as ExcelJS.CellErrorValue;
  return bytesOf(wb);
}

describe('readXlsx', () => {
  it('finds a table by name ignoring case, accents and underscores, with its exact Excel position', async () => {
    const raw = await readXlsx(await sampleWorkbook());
    expect(raw.werken).toMatchObject({ name: 'Wérken_', sheet: 'Planning', headerRow: 3, firstColumn: 2, isTable: true });
    expect(raw.werken?.headers).toEqual(['id', 'start', 'formule', 'titel', 'link']);
  });

  it('normalises cells: dates to serials, formulas to results, rich text and links to text, errors and empties', async () => {
    const raw = await readXlsx(await sampleWorkbook());
    expect(raw.werken?.rows).toEqual([
      ['W1', 46447, 2, 'Riool Zuid', 'site'],
      ['W2', null, { error: '#N/A' }, null, null],
    ]);
  });

  it('falls back to a sheet of that name, taking its used range with the first row as header', async () => {
    const raw = await readXlsx(await sampleWorkbook());
    expect(raw.regels).toMatchObject({ sheet: 'regels', headerRow: 2, firstColumn: 3, isTable: false, headers: ['naam', 'waarde'] });
    expect(raw.regels?.rows).toEqual([['afstand_m', 15], [null, null], [{ error: '#VALUE!' }, null]]);
  });

  it('reads a tblWerken table and a Regels-lijst sheet as the Excel adapter does (one name rule)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').addTable({ name: 'tblWerken', ref: 'A1', headerRow: true, columns: [{ name: 'id' }], rows: [['W1']] });
    const sheet = wb.addWorksheet('Regels-lijst');
    sheet.getCell('A1').value = 'naam';
    const raw = await readXlsx(await bytesOf(wb));
    expect(raw.werken).toMatchObject({ name: 'tblWerken', sheet: 'Blad1', isTable: true });
    expect(raw.regels).toBeUndefined();
    expect(sameName('Werken-lijst', 'werkenlijst')).toBe(true);
  });

  it('leaves tables that are not there undefined', async () => {
    const raw = await readXlsx(await sampleWorkbook());
    expect(raw.buurten).toBeUndefined();
    expect(raw.koppelkansen).toBeUndefined();
  });

  it('reads from an ArrayBuffer as the page hands it over', async () => {
    const bytes = await sampleWorkbook();
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    expect((await readXlsx(copy)).werken?.rows.length).toBe(2);
  });

  it('rejects bytes that are no xlsx with a Dutch message', async () => {
    await expect(readXlsx(new TextEncoder().encode('id;categorie\nW1;riool'))).rejects.toThrow(/geen leesbaar Excel-bestand/);
  });
});

describe('sameName and toCellValue', () => {
  it('matches names the way planners type them', () => {
    expect(sameName(' Meekoppel_Kansen ', 'meekoppelkansen')).toBe(true);
    expect(sameName('Werken', 'Werk')).toBe(false);
  });

  it('keeps a time of day as the fraction of the serial', () => {
    expect(toCellValue(new Date(Date.UTC(2027, 2, 1, 12)))).toBe(46447.5);
  });
});
