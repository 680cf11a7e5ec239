import { type RowSelection, debounce, onSelection, onWerkenChanged, selectRow } from '../../src/excel';
import type { FakeWorkbook } from '../fake-office';
import { WERKEN_HEADERS, openWorkbook, regelsSheet, runAnalysis, werkenRows, werkenSheet } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

describe('selection between map and sheet', () => {
  it('selects the whole row of a work and of a pair by id, and shows its sheet', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), regelsSheet()]));
    await runAnalysis();

    expect(await Excel.run((context) => selectRow(context, 'Werken', 'W2'))).toBe(true);
    expect(wb.selection).toMatchObject({ sheet: { name: 'Werken' }, box: { row: 2, col: 0, rowCount: 1, colCount: 8 } });
    expect(await Excel.run((context) => selectRow(context, 'Meekoppelkansen', 'MK-W2-W3'))).toBe(true);
    expect(wb.activeSheet?.name).toBe('Meekoppelkansen');
    expect(wb.selection?.box).toMatchObject({ row: 3, rowCount: 1 });
    expect(await Excel.run((context) => selectRow(context, 'Werken', 'W99'))).toBe(false);
  });

  it('reports the id of the Werken or Meekoppelkansen row the planner selects, until removed', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), regelsSheet()]));
    await runAnalysis();
    const seen: RowSelection[] = [];
    const sub = await Excel.run((context) => onSelection(context, (s) => seen.push(s)));

    wb.select(wb.sheet('Werken')!, { row: 3, col: 2, rowCount: 1, colCount: 1 });
    wb.select(wb.sheet('Werken')!, { row: 0, col: 0, rowCount: 1, colCount: 1 });
    wb.select(wb.sheet('Meekoppelkansen')!, { row: 1, col: 4, rowCount: 2, colCount: 1 });
    await wb.flushEvents();
    expect(seen).toEqual([{ table: 'Werken', id: 'W3' }, { table: 'Meekoppelkansen', id: 'MK-W1-W2' }]);

    await sub.remove();
    wb.select(wb.sheet('Werken')!, { row: 1, col: 0, rowCount: 1, colCount: 1 });
    await wb.flushEvents();
    expect(seen).toHaveLength(2);
    expect(wb.eventErrors).toEqual([]);
  });

  it('hears a planner edit of Werken but not its own write of the meekoppelkansen column', async () => {
    ({ wb, close } = openWorkbook([werkenSheet(), regelsSheet()]));
    const changes: string[] = [];
    const sub = await Excel.run((context) => onWerkenChanged(context, (c) => changes.push(c.address)));

    await runAnalysis();
    await wb.flushEvents();
    expect(changes).toEqual([]);

    wb.edit('Werken', 'D3', [['Riool en kolken vervangen']]);
    await wb.flushEvents();
    expect(changes).toEqual(['D3']);

    // the next run writes new ids into the column: still silent
    wb.edit('Werken', 'G4', [['LINESTRING(137650 456605, 137750 456605)']]);
    await wb.flushEvents();
    await runAnalysis();
    await wb.flushEvents();
    expect(changes).toEqual(['D3', 'G4']);
    await sub.remove();
    expect(wb.eventErrors).toEqual([]);
  });

  it('works the same for a Werken sheet without a table', async () => {
    ({ wb, close } = openWorkbook([{ name: 'Werken', cells: [WERKEN_HEADERS, ...werkenRows()] }]));
    const changes: string[] = [];
    await Excel.run((context) => onWerkenChanged(context, (c) => changes.push(c.address)));
    await runAnalysis();
    await wb.flushEvents();
    wb.edit('Werken', 'B2', [['gas']]);
    await wb.flushEvents();
    expect(changes).toEqual(['B2']);
    expect(await Excel.run((context) => selectRow(context, 'Werken', 'W3'))).toBe(true);
    expect(wb.selection?.box).toEqual({ row: 3, col: 0, rowCount: 1, colCount: 8 });
  });
});

describe('debounce', () => {
  it('turns a burst of calls into one call with the last arguments', () => {
    jest.useFakeTimers();
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 1000);
    d.call(1);
    jest.advanceTimersByTime(500);
    d.call(2);
    jest.advanceTimersByTime(999);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([2]);
    d.call(3);
    d.cancel();
    jest.advanceTimersByTime(5000);
    expect(calls).toEqual([2]);
    jest.useRealTimers();
  });
});
