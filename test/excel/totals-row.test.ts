/**
 * A planner who switches on the totals row (Tabelontwerp > Totaalrij) of a table: it is never read
 * as a work, a pair or a problem, and every write leaves it as it was, right below the data rows.
 */
import { analyse } from '../../src/core/analysis/analyse';
import { parseCsv } from '../../src/core/import/csv';
import { importWerken } from '../../src/core/import/werken';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readBronnenFromExcel, saveBron } from '../../src/excel/bronnen';
import { applyWerkenImport } from '../../src/excel/import';
import { readShape, readWerkboekFromExcel } from '../../src/excel/read';
import { type RowSelection, onSelection, selectRow } from '../../src/excel/selection';
import type { FakeWorkbook, SeedSheet, SeedValue } from '../fake-office';
import { columnLetters } from '../fake-office/address';
import { WERKEN_HEADERS, column, openWorkbook, regelsSheet, runAnalysis, werkenRows, werkenSheet } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

const read = () => Excel.run((context) => readWerkboekFromExcel(context));
const SUBTOTAL = { value: 3, formula: '=SUBTOTAL(103,[id])' };

/** Werken with a totals row: 'Totaal' under id, a count under geometrie */
function werkenWithTotals(headers = WERKEN_HEADERS, rows = werkenRows(), totals: SeedValue[] = ['Totaal', null, null, null, null, null, SUBTOTAL]): SeedSheet {
  return { name: 'Werken', tables: [{ name: 'Werken', headers, rows, totals }] };
}

/** the formula of a cell, as the planner typed it */
const formulaAt = (sheet: string, row: number, col: number) => wb.sheet(sheet)!.grid.get(row, col).f;

/** the address of a table's cell: `row` 0 is the first data row, `rowCount` the totals row */
function addressIn(table: string, row: number, header: string): string {
  const t = wb.readTable(table);
  const [, first] = /!([A-Z]+\d+)/.exec(t.address)!;
  const col = first.charCodeAt(0) - 65 + t.headers.indexOf(header);
  return `${columnLetters(col)}${Number(first.slice(1)) + 1 + row}`;
}

/** switches a table's totals row on, as the planner does on the ribbon */
async function showTotals(table: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.tables.getItem(table).showTotals = true;
    await context.sync();
  });
}

describe('reading a table with a totals row', () => {
  it('reads no work and no problem from the Werken totals row, and the analysis is the one without it', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), regelsSheet()]));
    const plain = readWerkboek(await read());
    close();
    ({ wb, close } = openWorkbook([werkenWithTotals(), regelsSheet()]));
    const raw = await read();
    const werkboek = readWerkboek(raw);

    expect(raw.werken?.rows).toHaveLength(3);
    expect(werkboek.werken).toEqual(plain.werken);
    expect(werkboek.problems).toEqual(plain.problems);
    expect(werkboek.problems.filter((p) => p.tabel === 'Werken')).toEqual([]);
    expect(analyse(werkboek.werken, werkboek.buurten, werkboek.regels)).toEqual(analyse(plain.werken, plain.buurten, plain.regels));
  });

  it('gives the shape of the data rows and says that a totals row follows', async () => {
    ({ wb, close } = openWorkbook([werkenWithTotals()]));
    const shape = await Excel.run((context) => readShape(context, { role: 'Werken', sheet: 'Werken', table: 'Werken' }));
    expect(shape).toMatchObject({ headerRow: 1, rowCount: 3, columnCount: 7, totalsRow: true });
  });
});

describe('selecting beside a totals row', () => {
  it('reports no work for the totals row the planner clicks, and finds no work named Totaal', async () => {
    ({ wb, close } = openWorkbook([werkenWithTotals()]));
    const seen: RowSelection[] = [];
    const sub = await Excel.run((context) => onSelection(context, (s) => seen.push(s)));
    wb.select(wb.sheet('Werken')!, { row: 4, col: 0, rowCount: 1, colCount: 1 });
    wb.select(wb.sheet('Werken')!, { row: 3, col: 0, rowCount: 1, colCount: 1 });
    await wb.flushEvents();
    await sub.remove();

    expect(seen).toEqual([{ table: 'Werken', id: 'W3' }]);
    expect(await Excel.run((context) => selectRow(context, 'Werken', 'Totaal'))).toBe(false);
    expect(wb.eventErrors).toEqual([]);
  });
});

describe('writing the results beside a Werken totals row', () => {
  it('adds the meekoppelkansen column and fills the data rows only: the totals row stays as it was', async () => {
    ({ wb, close } = openWorkbook([werkenWithTotals(), regelsSheet()]));
    const before = wb.totalsRow('Werken')!;

    const report = await runAnalysis();

    expect(column(wb, 'Werken', 'meekoppelkansen')).toEqual(['MK-W1-W2, MK-W1-W3', 'MK-W1-W2, MK-W2-W3', 'MK-W1-W3, MK-W2-W3']);
    expect(wb.totalsRow('Werken')).toEqual([...before, '']);
    expect(formulaAt('Werken', 4, 6)).toBe('=SUBTOTAL(103,[id])');
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Buurten']);
    expect(report.werkenColumn).toBe(true);
    expect(report.meldingen).toEqual([]);
  });

  it('never writes into what the planner typed in the totals cell of the meekoppelkansen column', async () => {
    const headers = [...WERKEN_HEADERS, 'meekoppelkansen'];
    const rows = werkenRows().map((r) => [...r, null]);
    const totals = ['Totaal', null, null, null, null, null, SUBTOTAL, { value: 3, formula: '=COUNTA([meekoppelkansen])' }];
    ({ wb, close } = openWorkbook([werkenWithTotals(headers, rows, totals), regelsSheet()]));
    const before = wb.totalsRow('Werken');

    await runAnalysis();
    await runAnalysis();

    expect(column(wb, 'Werken', 'meekoppelkansen')).toEqual(['MK-W1-W2, MK-W1-W3', 'MK-W1-W2, MK-W2-W3', 'MK-W1-W3, MK-W2-W3']);
    expect(wb.totalsRow('Werken')).toEqual(before);
    expect([formulaAt('Werken', 4, 6), formulaAt('Werken', 4, 7)]).toEqual(['=SUBTOTAL(103,[id])', '=COUNTA([meekoppelkansen])']);
    expect(wb.columnFormats('Werken', 'meekoppelkansen')).toEqual(['@', '@', '@']);
  });
});

describe('our own tables after the planner switched on their totals row', () => {
  it('deletes Meekoppelkansen rows above the totals row and adds new ones above it: notes, totals and formats kept', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), regelsSheet()]));
    await runAnalysis();
    await showTotals('Meekoppelkansen');
    wb.edit('Meekoppelkansen', addressIn('Meekoppelkansen', 3, 'id'), [['Totaal']]);
    wb.edit('Meekoppelkansen', addressIn('Meekoppelkansen', 3, 'besparing_eur'), [[{ value: 0, formula: '=SUBTOTAL(109,[besparing_eur])' }]]);
    wb.edit('Meekoppelkansen', addressIn('Meekoppelkansen', 1, 'notitie'), [['bomen pas na het warmtenet']]);
    const totals = wb.totalsRow('Meekoppelkansen');
    const besparing = wb.readTable('Meekoppelkansen').headers.indexOf('besparing_eur');

    // W3 moves away: MK-W1-W3 stays as vervallen (it has a note), MK-W2-W3 goes
    wb.edit('Werken', 'G4', [['LINESTRING(137650 456605, 137750 456605)']]);
    const gone = await runAnalysis();
    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W2', 'MK-W1-W3']);
    expect(column(wb, 'Meekoppelkansen', 'status')).toEqual(['nieuw', 'vervallen']);
    expect(wb.totalsRow('Meekoppelkansen')).toEqual(totals);
    expect(formulaAt('Meekoppelkansen', 3, besparing)).toBe('=SUBTOTAL(109,[besparing_eur])');

    // W3 comes back: MK-W2-W3 is new again, above the totals row
    wb.edit('Werken', 'G4', [[werkenRows()[2][6]]]);
    const back = await runAnalysis();
    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W2', 'MK-W1-W3', 'MK-W2-W3']);
    expect(column(wb, 'Meekoppelkansen', 'notitie')).toEqual(['', 'bomen pas na het warmtenet', '']);
    expect(wb.columnFormats('Meekoppelkansen', 'id')).toEqual(['@', '@', '@']);
    expect(wb.totalsRow('Meekoppelkansen')).toEqual(totals);
    expect(formulaAt('Meekoppelkansen', 4, besparing)).toBe('=SUBTOTAL(109,[besparing_eur])');
    expect([gone.meldingen, back.meldingen, wb.eventErrors]).toEqual([[], [], []]);
  });

  it('grows and shrinks Controle above its totals row', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), regelsSheet()]));
    await runAnalysis();
    await showTotals('Controle');
    wb.edit('Controle', addressIn('Controle', 1, 'tabel'), [['Aantal meldingen']]);
    const totals = wb.totalsRow('Controle');

    wb.edit('Werken', 'F3', [['2020-01-01']]);
    wb.edit('Werken', 'F4', [['2020-01-01']]);
    await runAnalysis();
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Werken', 'Werken', 'Buurten']);
    expect(wb.totalsRow('Controle')).toEqual(totals);

    wb.edit('Werken', 'F3', [[46934]]);
    wb.edit('Werken', 'F4', [['2027-12-31']]);
    await runAnalysis();
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Buurten']);
    expect(wb.totalsRow('Controle')).toEqual(totals);
  });
});

describe('remembered mappings under a totals row', () => {
  it('adds a source to KoppelkaartBronnen above its totals row and reads the totals row as no source', async () => {
    ({ wb, close } = openWorkbook([werkenSheet()]));
    await Excel.run((context) => saveBron(context, 'a.csv', { Nr: 'id' }, { vandaag: '2026-05-01' }));
    await showTotals('KoppelkaartBronnen');
    wb.edit('KoppelkaartBronnen', 'A3', [['Totaal']]);

    await Excel.run((context) => saveBron(context, 'b.csv', { Code: 'id' }, { vandaag: '2026-05-02' }));

    expect(wb.readTable('KoppelkaartBronnen').rows).toEqual([['a.csv', '{"Nr":"id"}', '2026-05-01'], ['b.csv', '{"Code":"id"}', '2026-05-02']]);
    expect(wb.totalsRow('KoppelkaartBronnen')).toEqual(['Totaal', '', '']);
    expect([...(await Excel.run((context) => readBronnenFromExcel(context))).keys()]).toHaveLength(2);
  });
});

describe('importing into a table with a totals row', () => {
  const CSV = [
    'id;categorie;eigenaar;titel;start;eind;geometrie',
    '0012;elektriciteit;Stedin;Kabel Kanaalstraat;1-3-2027;30-6-2028;LINESTRING(136610 455598, 136690 455598)',
    'S2;gas;Stedin;Gasleiding;2027 Q3;2027 Q4;LINESTRING(136000 455000, 136100 455000)',
  ].join('\n');

  async function importCsv(text: string, vervangEigenaar?: string) {
    const imp = importWerken(parseCsv(text), (await read()).werken, { bron: 'stedin.csv', vervangEigenaar });
    return Excel.run((context) => applyWerkenImport(context, imp));
  }

  it('adds the CSV rows above the Werken totals row, which moves down with the note below it', async () => {
    ({ wb, close } = openWorkbook([{ ...werkenWithTotals(), cells: [[], [], [], [], [], [], ['notitie onder de tabel']] }]));
    const oldRows = wb.readTable('Werken').rows;
    const totals = wb.totalsRow('Werken');

    const report = await importCsv(CSV);

    expect(column(wb, 'Werken', 'id')).toEqual(['W1', 'W2', 'W3', '0012', 'S2']);
    expect(wb.readTable('Werken').rows.slice(0, 3)).toEqual(oldRows);
    expect(wb.columnFormats('Werken', 'id').slice(3)).toEqual(['@', '@']);
    expect(wb.totalsRow('Werken')).toEqual(totals);
    expect(formulaAt('Werken', 6, 6)).toBe('=SUBTOTAL(103,[id])');
    expect(wb.values('Werken', 'A9')).toEqual([['notitie onder de tabel']]);
    expect(report).toMatchObject({ added: 2, removed: 0, meldingen: [] });
  });

  it("replaces a partner's rows above the totals row and leaves it as it was", async () => {
    ({ wb, close } = openWorkbook([werkenWithTotals()]));
    const totals = wb.totalsRow('Werken');

    const report = await importCsv(CSV.replace(/Stedin/g, 'Gemeente Utrecht'), 'Gemeente Utrecht');

    expect(column(wb, 'Werken', 'id')).toEqual(['W1', '0012', 'S2']);
    expect(wb.totalsRow('Werken')).toEqual(totals);
    expect(formulaAt('Werken', 4, 6)).toBe('=SUBTOTAL(103,[id])');
    expect(report).toMatchObject({ added: 2, removed: 2, meldingen: [] });
    expect(readWerkboek(await read()).werken.map((w) => w.id)).toEqual(['W1', '0012', 'S2']);
  });
});
