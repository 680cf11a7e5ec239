import { NIEUW_WERKBOEK } from '../../src/core/import/nieuw-werkboek';
import { DEFAULT_REGELS } from '../../src/core/types';
import { readWerkboek } from '../../src/core/werkboek/read';
import { createNieuwWerkboek } from '../../src/excel/nieuw-werkboek';
import { readWerkboekFromExcel } from '../../src/excel/read';
import type { FakeWorkbook } from '../fake-office';
import { openWorkbook, werkenSheet } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

/** a column's data validation as office-js reports it */
async function validation(sheet: string, address: string) {
  return Excel.run(async (context) => {
    const dv = context.workbook.worksheets.getItem(sheet).getRange(address).dataValidation.load('type, rule, errorAlert');
    await context.sync();
    return { type: dv.type, rule: dv.rule, errorAlert: dv.errorAlert };
  });
}

describe('createNieuwWerkboek', () => {
  it('makes the four empty tables with headers, formats and pick lists in an empty workbook, in two syncs', async () => {
    ({ wb, close } = openWorkbook([{ name: 'Blad1' }]));
    const report = await Excel.run((context) => createNieuwWerkboek(context));

    expect(report).toEqual({ created: ['Buurten', 'Werken', 'Koppelkansen', 'Regels'], skipped: [], meldingen: [] });
    expect(wb.syncLog).toHaveLength(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Blad1', 'Buurten', 'Werken', 'Koppelkansen', 'Regels']);
    for (const spec of NIEUW_WERKBOEK) {
      expect(wb.readTable(spec.naam).headers).toEqual(spec.kolommen.map((k) => k.naam));
      expect(wb.readTable(spec.naam).sheet).toBe(spec.naam);
    }
    expect(wb.readTable('Werken').rows).toEqual([['', '', '', '', '', '', '', '', '', '', '']]);
    expect(wb.columnFormats('Werken', 'id')).toEqual(['@']);
    expect(wb.columnFormats('Werken', 'start')).toEqual(['yyyy-mm-dd']);
    expect(wb.columnFormats('Werken', 'buffer_m')).toEqual(['0.00']);
    // the formats reach row 10,000, where the planner will type
    expect(wb.sheet('Werken')!.grid.get(9999, 0).fmt).toBe('@');

    const categorie = await validation('Werken', 'B2:B10000');
    expect(categorie.type).toBe('List');
    expect(categorie.rule).toEqual({ list: { inCellDropDown: true, source: expect.stringContaining('warmtenet,') } });
    expect(categorie.errorAlert).toMatchObject({ style: 'Warning', showAlert: true, title: 'categorie' });
    expect((await validation('Werken', 'I2:I10000')).rule).toEqual({ list: { inCellDropDown: true, source: 'idee,verkenning,ontwerp,voorbereiding,uitvoering,gereed' } });
    expect((await validation('Koppelkansen', 'D2')).errorAlert).toMatchObject({ style: 'Stop', message: 'Kies een waarde uit de lijst.' });
    expect((await validation('Werken', 'A2')).type).toBe('None');
  });

  it('writes the Regels defaults, which read back as DEFAULT_REGELS without a single problem', async () => {
    ({ wb, close } = openWorkbook([{ name: 'Blad1' }]));
    await Excel.run((context) => createNieuwWerkboek(context));

    expect(wb.readTable('Regels').rows.map((r) => r[0])).toEqual(['afstand_m', 'min_overlap_m', 'min_overlap_m2', 'max_tussentijd_maanden', 'zelfde_categorie']);
    const werkboek = readWerkboek(await Excel.run((context) => readWerkboekFromExcel(context)));
    expect(werkboek.regels).toEqual(DEFAULT_REGELS);
    expect(werkboek.problems.filter((p) => p.ernst === 'fout')).toEqual([]);
  });

  it('leaves an existing Werken table and a planner sheet named Regels exactly as they were, and says so', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), { name: 'Regels', cells: [['mijn eigen regels'], ['niet aankomen']] }]));
    const before = wb.snapshot();

    const report = await Excel.run((context) => createNieuwWerkboek(context));

    expect(report.created).toEqual(['Buurten', 'Koppelkansen']);
    expect(report.skipped).toEqual(['Werken', 'Regels']);
    expect(report.meldingen).toEqual([
      'De tabel Werken bestaat al ("Werken" op blad "Werken"); Koppelkaart laat die zoals hij is.',
      'Er is al een blad "Regels"; Koppelkaart laat het zoals het is en maakt geen tabel Regels.',
    ]);
    const after = wb.snapshot();
    expect(after.Werken).toEqual(before.Werken);
    expect(after.Regels).toEqual(before.Regels);
    expect(Object.keys(after)).toEqual(['Werken', 'Regels', 'Buurten', 'Koppelkansen']);
  });

  it('counts a table under another name that means Werken (tblWerken) as there', async () => {
    ({ wb, close } = openWorkbook([{ name: 'Planning', tables: [{ ...werkenSheet().tables![0], name: 'tblWerken' }] }]));
    const report = await Excel.run((context) => createNieuwWerkboek(context));
    expect(report.skipped).toEqual(['Werken']);
    expect(wb.sheet('Werken')).toBeUndefined();
  });

  it('does nothing at all a second time', async () => {
    ({ wb, close } = openWorkbook([{ name: 'Blad1' }]));
    await Excel.run((context) => createNieuwWerkboek(context));
    const before = wb.snapshot();
    const report = await Excel.run((context) => createNieuwWerkboek(context));
    expect(report.created).toEqual([]);
    expect(report.skipped).toEqual(['Buurten', 'Werken', 'Koppelkansen', 'Regels']);
    expect(wb.snapshot()).toEqual(before);
  });
});
