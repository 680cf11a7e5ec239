/**
 * A planner who switches on the totals row (Tabelontwerp > Totaalrij) of a table: it is never read
 * as a work, a pair or a problem, and every write leaves it as it was, right below the data rows.
 */
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readShape, readWerkboekFromExcel } from '../../src/excel/read';
import type { FakeWorkbook, SeedSheet, SeedValue } from '../fake-office';
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
