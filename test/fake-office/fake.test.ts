import { FakeWorkbook, createFakeOffice } from './index';

function setup() {
  const wb = new FakeWorkbook({
    sheets: [
      {
        name: 'Werken',
        tables: [{ name: 'Werken', headers: ['id', 'categorie'], rows: [['W1', 'gas'], ['W2', 'riolering']] }],
        cells: [],
      },
      { name: 'Notities', cells: [['a', 1], ['b', 2]], at: 'B2' },
    ],
  });
  wb.sheet('Werken')!.grid.set(5, 0, { v: 'onder de tabel', fmt: 'General' });
  const Excel = createFakeOffice(wb).Excel as typeof globalThis.Excel;
  return { wb, Excel };
}

describe('the fake Excel', () => {
  it('throws PropertyNotLoaded for a property read before load and sync, like office-js', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Werken').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['id', 'categorie'], ['W1', 'gas']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('applies writes only on sync and leaves a cell alone where the values hold null', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Notities').getRange('B2:C3');
      range.values = [['x', null], [null, 'y']];
      expect(wb.values('Notities', 'B2:C3')).toEqual([['a', 1], ['b', 2]]);
      await context.sync();
    });
    expect(wb.values('Notities', 'B2:C3')).toEqual([['x', 1], ['b', 'y']]);
  });

  it('types a numeric string as a number unless the cell is formatted as text', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Notities');
      sheet.getRange('E1').values = [['0111']];
      const text = sheet.getRange('E2');
      text.numberFormat = [['@']];
      text.values = [['0111']];
      await context.sync();
    });
    expect(wb.values('Notities', 'E1:E2')).toEqual([[111], ['0111']]);
  });

  it('tells a missing item from a null object', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const none = context.workbook.tables.getItemOrNullObject('Bestaatniet');
      none.load('name');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      context.workbook.worksheets.getItem('Bestaatniet').load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('loads collection items with the properties asked for', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('name, worksheet/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Werken', 'Notities']);
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([['Werken', 'Werken']]);
      expect(() => sheets.items[0].id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('adds table rows and columns by shifting the cells below and to the right', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken');
      table.rows.add(undefined, [['W3', 'groen']]);
      table.columns.add(undefined, undefined, 'meekoppelkansen');
      const rows = table.rows.load('count');
      await context.sync();
      expect(rows.count).toBe(3);
    });
    expect(wb.readTable('Werken')).toEqual({
      sheet: 'Werken',
      address: 'Werken!A1:C4',
      headers: ['id', 'categorie', 'meekoppelkansen'],
      rows: [['W1', 'gas', ''], ['W2', 'riolering', ''], ['W3', 'groen', '']],
    });
    expect(wb.values('Werken', 'A7')).toEqual([['onder de tabel']]);
  });

  it('shrinks a table when whole data rows are deleted, and refuses to cut one', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken');
      table.getDataBodyRange().getRow(1).delete('Up');
      await context.sync();
      table.getRange().getCell(1, 0).delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(wb.readTable('Werken').rows).toEqual([['W1', 'gas']]);
    expect(wb.values('Werken', 'A5')).toEqual([['onder de tabel']]);
  });

  it('records every sync with the bytes it sent and received, and refuses more than the limit', async () => {
    const { wb, Excel } = setup();
    wb.payloadLimitBytes = 1000;
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Notities').getRange('A10:B10');
      range.values = [['abc', 'def']];
      await context.sync();
      range.load('values');
      await context.sync();
      context.workbook.worksheets.getItem('Notities').getRange('A20').values = [['x'.repeat(2000)]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(wb.syncLog).toEqual([
      { ops: 3, requestBytes: JSON.stringify([['abc', 'def']]).length, responseBytes: 0 },
      { ops: 1, requestBytes: 0, responseBytes: JSON.stringify([['abc', 'def']]).length },
      { ops: 3, requestBytes: 2006, responseBytes: 0, error: 'RequestPayloadSizeLimitExceeded' },
    ]);
    expect(wb.values('Notities', 'A20')).toEqual([['']]);
  });

  it('calls change and selection handlers after the sync, with the address that changed', async () => {
    const { wb, Excel } = setup();
    const seen: unknown[] = [];
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken');
      table.onChanged.add(async (e) => void seen.push(['changed', e.address, e.changeType]));
      table.onSelectionChanged.add(async (e) => void seen.push(['selected', e.address, e.isInsideTable]));
      await context.sync();
      table.getDataBodyRange().getCell(0, 1).values = [['warmtenet']];
      table.getDataBodyRange().getRow(1).select();
      await context.sync();
      expect(seen).toEqual([]);
    });
    await wb.flushEvents();
    expect(seen).toEqual([['selected', 'A3:B3', true], ['changed', 'B2', 'RangeEdited']]);
    expect(wb.eventErrors).toEqual([]);
  });

  it('keeps a data validation per cell: through value writes, moved by inserted cells, Inconsistent over mixed cells', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Notities');
      const dv = ws.getRange('E1:E3').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: 'ja,nee' } };
      dv.errorAlert = { style: 'Warning', message: 'liever ja of nee', showAlert: true, title: 'ja/nee' };
      ws.getRange('E1').values = [['ja']];
      ws.getRange('E1:E2').insert('Down');
      await context.sync();
    });
    expect(wb.sheet('Notities')!.grid.get(2, 4)).toMatchObject({ v: 'ja', dv: { rule: { list: { source: 'ja,nee' } }, errorAlert: { style: 'Warning', showAlert: true } } });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Notities');
      const mixed = ws.getRange('E1:E3').dataValidation.load('type, rule');
      const listed = ws.getRange('E3:E5').dataValidation.load('type');
      expect(() => { ws.getRange('F1').dataValidation.rule = { list: { inCellDropDown: true, source: '' } }; }).not.toThrow();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      const again = ws.getRange('E1:E3').dataValidation.load('type, rule');
      const listed2 = ws.getRange('E3:E5').dataValidation.load('type');
      await context.sync();
      expect([again.type, again.rule, listed2.type]).toEqual(['Inconsistent', null, 'List']);
      expect(() => mixed.type).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => listed.type).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('keeps text after a leading apostrophe and a formula typed into a text cell as text, as Excel does', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Notities');
      ws.getRange('G1:G3').values = [["'=1+1"], ["'0012"], ['=1+1']];
      ws.getRange('H1').numberFormat = [['@']];
      ws.getRange('H1').values = [['=1+1']];
      await context.sync();
    });
    const grid = wb.sheet('Notities')!.grid;
    expect([grid.get(0, 6).v, grid.get(1, 6).v, grid.get(2, 6).f, grid.get(0, 7).v, grid.get(0, 7).f]).toEqual(['=1+1', '0012', '=1+1', '=1+1', undefined]);
  });

  it('gives the used part of a range, or a null object when it holds nothing', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Notities');
      const used = ws.getRange('A1:D9').getUsedRangeOrNullObject(true).load('address');
      const none = ws.getRange('A5:D9').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      expect(used.address).toBe('Notities!B2:C3');
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe('the fake Excel, a table with a totals row', () => {
  /** Werken A1:B4: header, W1, W2, and the totals row 'Totaal' with a count; a note in A6 */
  function withTotals() {
    const wb = new FakeWorkbook({
      sheets: [{
        name: 'Werken',
        tables: [{ name: 'Werken', headers: ['id', 'n'], rows: [['W1', 1], ['W2', 2]], totals: ['Totaal', { value: 2, formula: '=SUBTOTAL(103,[id])' }] }],
        cells: [[], [], [], [], [], ['onder de tabel']],
      }],
    });
    return { wb, Excel: createFakeOffice(wb).Excel as typeof globalThis.Excel };
  }

  it('counts the totals row in the table range and its columns, not in the data rows', async () => {
    const { wb, Excel } = withTotals();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken').load('showTotals');
      const ranges = [table.getRange(), table.getDataBodyRange(), table.getTotalRowRange(), table.columns.getItem('n').getRange()].map((r) => r.load('address'));
      const rows = table.rows.load('count');
      await context.sync();
      expect(table.showTotals).toBe(true);
      expect(ranges.map((r) => r.address)).toEqual(['Werken!A1:B4', 'Werken!A2:B3', 'Werken!A4:B4', 'Werken!B1:B4']);
      expect(rows.count).toBe(2);
    });
    expect(wb.readTable('Werken').rows).toEqual([['W1', 1], ['W2', 2]]);
    expect(wb.totalsRow('Werken')).toEqual(['Totaal', 2]);
    expect(wb.sheet('Werken')!.grid.get(3, 1).f).toBe('=SUBTOTAL(103,[id])');
  });

  it('adds rows above the totals row, which moves down with the cells below, and gives a new column a totals cell', async () => {
    const { wb, Excel } = withTotals();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken');
      table.rows.add(undefined, [['W3', 3], ['W4', 4]]);
      table.columns.add(undefined, undefined, 'meekoppelkansen');
      await context.sync();
    });
    expect(wb.readTable('Werken')).toMatchObject({ address: 'Werken!A1:C6', rows: [['W1', 1, ''], ['W2', 2, ''], ['W3', 3, ''], ['W4', 4, '']] });
    expect(wb.totalsRow('Werken')).toEqual(['Totaal', 2, '']);
    expect(wb.values('Werken', 'A8')).toEqual([['onder de tabel']]);
  });

  it('moves the totals row up when data rows are deleted, and refuses to delete it as cells', async () => {
    const { wb, Excel } = withTotals();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken');
      table.rows.getItemAt(0).delete();
      await context.sync();
      table.getTotalRowRange().delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(wb.readTable('Werken')).toMatchObject({ address: 'Werken!A1:B3', rows: [['W2', 2]] });
    expect(wb.totalsRow('Werken')).toEqual(['Totaal', 2]);
    expect(wb.values('Werken', 'A5')).toEqual([['onder de tabel']]);
  });

  it('switches the totals row on over an empty row only, and clears it when switched off', async () => {
    const { wb, Excel } = setup();
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem('Werken');
      table.showTotals = true;
      await context.sync();
      table.getTotalRowRange().values = [['Totaal', 'x']];
      table.showTotals = false;
      await context.sync();
    });
    expect(wb.totalsRow('Werken')).toBeUndefined();
    expect(wb.values('Werken', 'A4:B4')).toEqual([['', '']]);

    wb.edit('Werken', 'B4', [['getypt']]);
    const before = wb.snapshot();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem('Werken').showTotals = true;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(wb.snapshot()).toEqual(before);
  });

  it('moves no cell on resize: the new last row becomes the totals row and the old one a data row', async () => {
    const { wb, Excel } = withTotals();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem('Werken').resize('A1:B5');
      await context.sync();
    });
    expect(wb.readTable('Werken').rows).toEqual([['W1', 1], ['W2', 2], ['Totaal', 2]]);
    expect(wb.totalsRow('Werken')).toEqual(['', '']);
  });
});
