import { cellOf, column, openWorkbook, regelsSheet, runAnalysis, werkenSheet, werkenRows } from './fixture';
import type { FakeWorkbook } from '../fake-office';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

function open(sheets = [werkenSheet(), regelsSheet()]) {
  ({ wb, close } = openWorkbook(sheets));
}

/** the address of a table cell, for typing into it as the planner */
function addressOf(table: string, id: string, header: string): string {
  const t = wb.readTable(table);
  const r = t.rows.findIndex((row) => row[t.headers.indexOf('id')] === id);
  const c = t.headers.indexOf(header);
  const [, col, row] = /!([A-Z]+)(\d+)/.exec(t.address)!;
  return `${String.fromCharCode(col.charCodeAt(0) + c)}${Number(row) + 1 + r}`;
}

describe('writeResults', () => {
  it('creates Meekoppelkansen, the Werken column and Controle on the first run, and touches nothing else', async () => {
    open();
    const regelsBefore = wb.snapshot().Regels;
    const report = await runAnalysis();

    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W2', 'MK-W1-W3', 'MK-W2-W3']);
    expect(column(wb, 'Meekoppelkansen', 'status')).toEqual(['nieuw', 'nieuw', 'nieuw']);
    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W1-W2', 'titel_b')).toBe('Riool vervangen');
    expect(wb.readTable('Meekoppelkansen').sheet).toBe('Meekoppelkansen');
    expect(wb.columnFormats('Meekoppelkansen', 'id')).toEqual(['@', '@', '@']);
    expect(wb.columnFormats('Meekoppelkansen', 'overlap')).toEqual(['0.00', '0.00', '0.00']);
    expect(column(wb, 'Werken', 'meekoppelkansen')).toEqual(['MK-W1-W2, MK-W1-W3', 'MK-W1-W2, MK-W2-W3', 'MK-W1-W3, MK-W2-W3']);
    expect(wb.readTable('Werken').headers).toEqual([...werkenSheet().tables![0].headers, 'meekoppelkansen']);
    // no Buurten table: one waarschuwing on Controle
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Buurten']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Werken', 'Regels', 'Meekoppelkansen', 'Controle']);
    expect(wb.snapshot().Regels).toEqual(regelsBefore);
    expect(report.meekoppelkansen.changes).toMatchObject({ added: 3 });
    expect(report.meldingen).toEqual([]);
    expect(wb.eventErrors).toEqual([]);
  });

  it('keeps the planner notes and statuses on a re-run after the planner edited Werken', async () => {
    open();
    await runAnalysis();
    wb.edit('Meekoppelkansen', addressOf('Meekoppelkansen', 'MK-W1-W2', 'notitie'), [['samen graven in 2027']]);
    wb.edit('Meekoppelkansen', addressOf('Meekoppelkansen', 'MK-W1-W2', 'status'), [['in overleg']]);
    wb.edit('Werken', 'D3', [['Riool en kolken vervangen']]);

    const report = await runAnalysis();

    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W1-W2', 'notitie')).toBe('samen graven in 2027');
    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W1-W2', 'status')).toBe('in overleg');
    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W1-W2', 'titel_b')).toBe('Riool en kolken vervangen');
    expect(column(wb, 'Meekoppelkansen', 'status')).toEqual(['in overleg', 'nieuw', 'nieuw']);
    expect(report.meekoppelkansen.changes).toMatchObject({ added: 0, updated: 2, unchanged: 1 });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Werken', 'Regels', 'Meekoppelkansen', 'Controle']);
  });

  it('keeps a pair that no longer qualifies as vervallen when it has a note, and removes one without', async () => {
    open();
    await runAnalysis();
    wb.edit('Meekoppelkansen', addressOf('Meekoppelkansen', 'MK-W1-W3', 'notitie'), [['bomen pas na het warmtenet']]);
    // W3 moves to another street: its two pairs no longer qualify
    wb.edit('Werken', 'G4', [['LINESTRING(137650 456605, 137750 456605)']]);

    const report = await runAnalysis();

    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W2', 'MK-W1-W3']);
    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W1-W3', 'status')).toBe('vervallen');
    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W1-W3', 'notitie')).toBe('bomen pas na het warmtenet');
    expect(column(wb, 'Werken', 'meekoppelkansen')).toEqual(['MK-W1-W2', 'MK-W1-W2', '']);
    expect(report.meekoppelkansen.changes).toMatchObject({ vervallen: 1, removed: 1 });
  });

  it('keeps a pair whose row carries only a comment as vervallen, the comment on its row, and removes one without', async () => {
    open();
    await runAnalysis();
    // a comment is all the planner put on MK-W2-W3 (Excel would delete it with the row)
    await Excel.run(async (context) => {
      context.workbook.comments.add(`Meekoppelkansen!${addressOf('Meekoppelkansen', 'MK-W2-W3', 'werk_a')}`, 'vraag Stedin naar de planning');
      await context.sync();
    });
    wb.edit('Werken', 'G4', [['LINESTRING(137650 456605, 137750 456605)']]);

    const report = await runAnalysis();

    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W2', 'MK-W2-W3']);
    expect(cellOf(wb, 'Meekoppelkansen', 'MK-W2-W3', 'status')).toBe('vervallen');
    const notes = wb.sheet('Meekoppelkansen')!.grid.notes();
    expect(notes).toHaveLength(1);
    const t = wb.readTable('Meekoppelkansen');
    const [, row] = /!\$?[A-Z]+\$?(\d+)/.exec(t.address)!;
    // the row of MK-W2-W3 (0-based sheet row = header row + 1 + its index - 1)
    expect(notes[0]).toMatchObject({ row: Number(row) + t.rows.findIndex((r) => r[t.headers.indexOf('id')] === 'MK-W2-W3'), note: 'vraag Stedin naar de planning' });
    expect(report.meekoppelkansen.changes).toMatchObject({ vervallen: 1, removed: 1 });
  });

  it('keeps a column the planner added to Meekoppelkansen, row by row, when rows go and come', async () => {
    open();
    await runAnalysis();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem('Meekoppelkansen').columns.add(undefined, [['prioriteit'], ['hoog'], ['laag'], ['midden']]);
      await context.sync();
    });
    wb.edit('Werken', 'G4', [['LINESTRING(137650 456605, 137750 456605)']]);
    await runAnalysis();
    expect(wb.readTable('Meekoppelkansen').headers.at(-1)).toBe('prioriteit');
    // the rows with a planner value stay (vervallen), each with its own value
    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W2', 'MK-W1-W3', 'MK-W2-W3']);
    expect(column(wb, 'Meekoppelkansen', 'prioriteit')).toEqual(['hoog', 'laag', 'midden']);
    expect(column(wb, 'Meekoppelkansen', 'status')).toEqual(['nieuw', 'vervallen', 'vervallen']);

    // W3 comes back: its pairs qualify again, the planner's values are still theirs
    wb.edit('Werken', 'G4', [[werkenRows()[2][6]]]);
    await runAnalysis();
    expect(column(wb, 'Meekoppelkansen', 'prioriteit')).toEqual(['hoog', 'laag', 'midden']);
    expect(column(wb, 'Meekoppelkansen', 'status')).toEqual(['nieuw', 'nieuw', 'nieuw']);
  });

  it('never overwrites a sheet named Meekoppelkansen that the planner made, and says where the table went', async () => {
    open([werkenSheet(), { name: 'Meekoppelkansen', cells: [['mijn eigen lijstje'], ['W1 en W2 samen?']] }]);
    const before = wb.snapshot().Meekoppelkansen;

    const first = await runAnalysis();
    const second = await runAnalysis();

    expect(wb.snapshot().Meekoppelkansen).toEqual(before);
    expect(wb.readTable('Meekoppelkansen').sheet).toBe('Meekoppelkansen (2)');
    expect(first.meekoppelkansen.sheet).toBe('Meekoppelkansen (2)');
    expect(first.meldingen).toEqual([expect.stringContaining('"Meekoppelkansen (2)"')]);
    // the second run finds its own table: no third sheet, no melding
    expect(second.meldingen).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Werken', 'Meekoppelkansen', 'Meekoppelkansen (2)', 'Controle']);
  });

  it('moves a note typed below Meekoppelkansen and Controle down when the tables grow, never writing over it', async () => {
    const rows = werkenRows();
    rows[2][6] = 'LINESTRING(137650 456605, 137750 456605)';
    open([werkenSheet(rows), regelsSheet()]);
    await runAnalysis();
    // one pair (A1:S2) and one Controle row (A1:E2); the notes leave an empty row between
    wb.edit('Meekoppelkansen', 'A4', [['mijn notitie']]);
    wb.edit('Controle', 'A4', [['nagelopen op 1 mei']]);
    // W3 comes to the street, and W2 ends before it starts: one pair for another, one more problem
    wb.edit('Werken', 'G4', [[werkenRows()[2][6]]]);
    wb.edit('Werken', 'F3', [['2020-01-01']]);

    await runAnalysis();

    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W3']);
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Werken', 'Buurten']);
    expect(wb.values('Controle', 'A5')).toEqual([['nagelopen op 1 mei']]);
    // W2 mended: two pairs more, one problem less (the note moves up with the table's last row)
    wb.edit('Werken', 'F3', [[werkenRows()[1][5] as number]]);
    await runAnalysis();
    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(['MK-W1-W3', 'MK-W1-W2', 'MK-W2-W3']);
    expect(wb.values('Meekoppelkansen', 'A6')).toEqual([['mijn notitie']]);
    expect(wb.values('Controle', 'A4')).toEqual([['nagelopen op 1 mei']]);
  });

  it('keeps one empty Meekoppelkansen row when every pair is gone and none has planner input', async () => {
    open();
    await runAnalysis();
    // W2 and W3 end before they start: no pair is left
    wb.edit('Werken', 'F3', [['2020-01-01']]);
    wb.edit('Werken', 'F4', [['2020-01-01']]);

    const report = await runAnalysis();

    expect(wb.readTable('Meekoppelkansen').rows).toEqual([new Array(wb.readTable('Meekoppelkansen').headers.length).fill('')]);
    expect(column(wb, 'Werken', 'meekoppelkansen')).toEqual(['', '', '']);
    expect(report.meekoppelkansen.changes).toMatchObject({ removed: 3 });
  });

  it('writes the Controle table anew on each run, one row per problem', async () => {
    const rows = werkenRows();
    rows[1][5] = '2020-01-01';
    open([werkenSheet(rows), regelsSheet()]);
    await runAnalysis();
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Werken', 'Buurten']);
    expect(column(wb, 'Controle', 'rij')).toEqual([3, '']);
    expect(column(wb, 'Controle', 'kolom')).toEqual(['eind', '']);
    expect(column(wb, 'Controle', 'waarde')[0]).toBe('2020-01-01');

    wb.edit('Werken', 'F3', [[46934]]);
    await runAnalysis();
    expect(column(wb, 'Controle', 'tabel')).toEqual(['Buurten']);
  });
});
