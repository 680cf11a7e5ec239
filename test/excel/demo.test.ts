import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readXlsx } from '../../src/file/read-xlsx';
import { seedFromRawWerkboek } from '../fake-office/seed';
import type { FakeWorkbook } from '../fake-office';
import { column, openWorkbook, runAnalysis } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

describe('the demo workbook in the fake Excel', () => {
  it('gets its Meekoppelkansen, Werken column and Controle, and keeps every input table as it was', async () => {
    const raw = await readXlsx(readFileSync(resolve(__dirname, '../../assets/koppelkaart-demo-utrecht.xlsx')));
    ({ wb, close } = openWorkbook(seedFromRawWerkboek(raw).sheets));
    const before = wb.snapshot();

    const report = await runAnalysis();

    const ids = column(wb, 'Meekoppelkansen', 'id');
    expect(ids.length).toBeGreaterThan(0);
    expect(report.meekoppelkansen.changes.added).toBe(ids.length);
    const perWerk = column(wb, 'Werken', 'meekoppelkansen').filter((v) => v !== '');
    expect(perWerk.length).toBeGreaterThan(0);
    for (const sheet of ['Buurten', 'Koppelkansen', 'Regels']) expect(wb.snapshot()[sheet]).toEqual(before[sheet]);
    expect(wb.syncLog.filter((s) => s.error)).toEqual([]);
    expect(Math.max(...wb.syncLog.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThan(wb.payloadLimitBytes / 2);
  });
});
