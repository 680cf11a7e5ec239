import { readWerkboekFromExcel } from '../../src/excel/read';
import { columnsOf, onChange, onSelection, rijIndex, rowAddress, rowsOf, selectRow, writeCell } from '../../src/ui/excel-sheet';
import { openWorkbook, runAnalysis, werkenSheet } from '../excel/fixture';

describe('addresses', () => {
  it('reads the rows and columns of an address, with or without a sheet name', () => {
    expect(rowsOf('A3:G3')).toEqual([3, 3]);
    expect(rowsOf("'Werken'!B7:C9")).toEqual([7, 9]);
    expect(columnsOf('H2:H309')).toEqual([8, 8]);
    expect(columnsOf('AA1')).toEqual([27, 27]);
    expect(rowsOf('')).toBeNull();
  });
});

describe('the task pane in the fake Excel', () => {
  let close: () => void;
  let wb: ReturnType<typeof openWorkbook>['wb'];
  beforeEach(() => ({ wb, close } = openWorkbook([werkenSheet()])));
  afterEach(() => close());

  it('finds each id row after an analysis, selects a row and hears the selection', async () => {
    await runAnalysis();
    const raw = await Excel.run((c) => readWerkboekFromExcel(c));
    const paren = rijIndex(raw.meekoppelkansen!, ['id']);
    const werken = rijIndex(raw.werken!, ['id']);
    expect(werken.rijVan.get('W2')).toBe(3);
    const rij = paren.rijVan.get('MK-W1-W3')!;
    expect(paren.idOp.get(rij)).toBe('MK-W1-W3');

    const heard: string[] = [];
    await onSelection(paren.sheet, (a) => heard.push(a));
    await selectRow(raw.meekoppelkansen!, rij);
    await wb.flushEvents();
    expect(heard).toEqual([rowAddress(raw.meekoppelkansen!, rij)]);
    expect(rowsOf(heard[0])).toEqual([rij, rij]);
  });

  it('writes a planner cell by header, and reports the change to a listener', async () => {
    await runAnalysis();
    const raw = await Excel.run((c) => readWerkboekFromExcel(c));
    const paren = rijIndex(raw.meekoppelkansen!, ['id']);
    const rij = paren.rijVan.get('MK-W1-W2')!;
    const changes: string[] = [];
    await onChange(paren.sheet, (a) => changes.push(a));
    await expect(writeCell(raw.meekoppelkansen!, rij, 'Status', 'afgesproken')).resolves.toBe(true);
    await expect(writeCell(raw.meekoppelkansen!, rij, 'bestaat niet', 'x')).resolves.toBe(false);
    await wb.flushEvents();
    const again = await Excel.run((c) => readWerkboekFromExcel(c));
    const status = again.meekoppelkansen!.headers.indexOf('status');
    expect(again.meekoppelkansen!.rows[rij - again.meekoppelkansen!.headerRow - 1][status]).toBe('afgesproken');
    expect(changes).toHaveLength(1);
  });
});
