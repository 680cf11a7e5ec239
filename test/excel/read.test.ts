import { readWerkboek } from '../../src/core/werkboek/read';
import { readWerkboekFromExcel } from '../../src/excel/read';
import type { FakeWorkbook } from '../fake-office';
import { WERKEN_HEADERS, column, openWorkbook, runAnalysis, werkenRows } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

const read = () => Excel.run((context) => readWerkboekFromExcel(context));

describe('readWerkboekFromExcel', () => {
  it('reads a table under another sheet name and a table named as planners name them', async () => {
    ({ wb, close } = openWorkbook([
      { name: 'Blad1', tables: [{ name: 'tbl_Werken', at: 'C4', headers: WERKEN_HEADERS, rows: werkenRows() }] },
      { name: 'Instellingen', tables: [{ name: 'Regels', headers: ['naam', 'waarde'], rows: [['afstand_m', 12]] }] },
    ]));
    const raw = await read();
    expect(raw.werken).toMatchObject({ name: 'tbl_Werken', sheet: 'Blad1', headerRow: 4, firstColumn: 3, isTable: true, headers: WERKEN_HEADERS });
    expect(raw.werken?.rows).toHaveLength(3);
    expect(raw.regels?.rows).toEqual([['afstand_m', 12]]);
    expect(raw.buurten).toBeUndefined();
  });

  it('falls back to a sheet of that name, its used range with the first row as header', async () => {
    ({ wb, close } = openWorkbook([{ name: 'werken', at: 'B3', cells: [WERKEN_HEADERS, ...werkenRows()] }]));
    const raw = await read();
    expect(raw.werken).toMatchObject({ name: 'werken', sheet: 'werken', headerRow: 3, firstColumn: 2, isTable: false });
    expect(readWerkboek(raw).werken.map((w) => w.id)).toEqual(['W1', 'W2', 'W3']);

    // the results go next to it: a header cell right of the used range, values below
    await runAnalysis();
    expect(wb.values('werken', 'I3:I6')).toEqual([['meekoppelkansen'], ['MK-W1-W2, MK-W1-W3'], ['MK-W1-W2, MK-W2-W3'], ['MK-W1-W3, MK-W2-W3']]);
    expect(column(wb, 'Meekoppelkansen', 'id')).toHaveLength(3);
  });

  it('gives dates as serial numbers, error cells as { error } and a typed #N/A as text', async () => {
    const rows = werkenRows();
    rows[0][3] = { error: '#N/A' };
    rows[1][3] = '#N/A';
    ({ wb, close } = openWorkbook([{ name: 'Werken', tables: [{ name: 'Werken', headers: WERKEN_HEADERS, rows }] }]));
    const raw = await read();
    expect(raw.werken?.rows.map((r) => r[3])).toEqual([{ error: '#N/A' }, '#N/A', 'Bomen planten']);
    expect(raw.werken?.rows[0][4]).toBe(46447);
    expect(raw.werken?.rows[2][4]).toBe('2027-06-01');
  });

  it('reads geometry continued in geometrie_2 as one more column', async () => {
    const rows = werkenRows().map((r) => [...r.slice(0, 6), 'LINESTRING(136600 455600, ', '136700 455600)']);
    ({ wb, close } = openWorkbook([{ name: 'Werken', tables: [{ name: 'Werken', headers: [...WERKEN_HEADERS, 'geometrie_2'], rows }] }]));
    const raw = await read();
    expect(raw.werken?.headers.at(-1)).toBe('geometrie_2');
    const werk = readWerkboek(raw).werken[0];
    expect(werk.geometry).toEqual({ crs: 'rd', kind: 'line', lines: [[[136600, 455600], [136700, 455600]]] });
  });

  it('splits a read that Excel finds too large until every response fits', async () => {
    const long = 'LINESTRING(' + Array.from({ length: 400 }, (_, i) => `${136000 + i} 455600`).join(', ') + ')';
    const rows = Array.from({ length: 300 }, (_, i) => [`W${i}`, 'gas', '', '', 46447, 46934, long]);
    ({ wb, close } = openWorkbook([{ name: 'Werken', tables: [{ name: 'Werken', headers: WERKEN_HEADERS, rows }] }]));
    wb.payloadLimitBytes = 200_000;
    const raw = await read();
    expect(raw.werken?.rows).toHaveLength(300);
    expect(raw.werken?.rows[299][6]).toBe(long);
    const refused = wb.syncLog.filter((s) => s.error === 'ResponsePayloadSizeLimitExceeded');
    const served = wb.syncLog.filter((s) => s.error === undefined);
    expect(refused.length).toBeGreaterThan(0);
    expect(Math.max(...served.map((s) => s.responseBytes))).toBeLessThanOrEqual(200_000);
  });
});
