/**
 * Formula cells in a real .xlsx: they arrive as their cached results through the file adapter; an
 * error result is an Excel error value that becomes a Controle row, and the good rows still pair.
 */
import ExcelJS from 'exceljs';
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek';
import { readXlsx } from '../../src/file/read-xlsx';

async function workbookWithFormulas(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Werken');
  ws.addRow(['id', 'categorie', 'start', 'eind', 'geometrie', 'budget']);
  const line = (dy: number) => `LINESTRING(131000 ${453000 + dy}, 131100 ${453000 + dy})`;
  ws.addRow(['A', 'warmtenet', '2027-01-01', '2027-12-31', line(0), 1000]);
  // id, dates and geometry computed by formulas, with cached results as Excel saves them
  ws.addRow([{ formula: '"B"', result: 'B' }, 'riolering', { formula: 'DATE(2027,3,1)', result: 46447 }, { formula: 'C3+300', result: 46747 },
    { formula: 'CONCAT("LINESTRING(131000 453003, ","131100 453003)")', result: line(3) }, { formula: 'F2*2', result: 2000 }]);
  // error results: a lookup that found nothing, a division by zero in a column the analysis does not read
  ws.addRow(['X', { formula: 'VLOOKUP("x",H1:I2,2,FALSE)', result: { error: '#N/A' } }, '2027-03-01', '2027-09-30', line(5), 0]);
  ws.addRow(['C', 'glasvezel', '2027-03-01', '2027-09-30', line(6), { formula: 'F2/F4', result: { error: '#DIV/0!' } }]);
  ws.addRow(['Y', 'gas', { formula: 'DATE(2027,13,45)+"x"', result: { error: '#VALUE!' } }, '2027-09-30', line(5), 0]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('formulas in a real workbook', () => {
  it('are read as their results; error results become Controle rows and the good rows still pair', async () => {
    const werkboek = readWerkboek(await readXlsx(await workbookWithFormulas()));
    const werken = werkboek.problems.filter((p) => p.tabel === 'Werken');
    expect(werken.map((p) => [p.rij, p.kolom, p.waarde, p.ernst])).toEqual([
      [4, 'categorie', '#N/A', 'fout'],
      [5, 'budget', '#DIV/0!', 'waarschuwing'],
      [6, 'start', '#VALUE!', 'fout'],
    ]);
    expect(werken[0].melding).toMatch(/^De cel bevat de Excel-fout #N\/A: een opzoekformule .* Herstel de formule of typ de waarde in\./);
    expect(werkboek.werken.map((w) => w.id)).toEqual(['A', 'B', 'C']);
    expect(werkboek.werken[1].extra).toEqual({ budget: 2000 });
    expect(analyse(werkboek.werken, werkboek.buurten, werkboek.regels).map((m) => m.id).sort()).toEqual(['MK-A-B', 'MK-A-C', 'MK-B-C']);
  });
});
