import type { Meekoppelkans, Werk } from '../../src/core/types';
import { readWerkboekFromExcel } from '../../src/excel/read';
import { writeResults } from '../../src/excel/write';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../src/excel/batch';
import type { FakeWorkbook } from '../fake-office';
import { WERKEN_HEADERS, column, openWorkbook } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

const N_WERKEN = 142; // 142 * 141 / 2 = 10,011 possible pairs
const id = (i: number) => `W${String(i).padStart(4, '0')}`;

function werken(): Werk[] {
  return Array.from({ length: N_WERKEN }, (_, i) => ({
    id: id(i),
    categorie: i % 2 ? 'riolering' : 'warmtenet',
    eigenaar: i % 2 ? 'Gemeente Utrecht' : 'Eneco',
    titel: `Werk nummer ${i} in de Kanaalstraat en omgeving`,
    start: 20_000,
    eind: 20_400,
    geometry: { crs: 'rd', kind: 'line', lines: [[[136600, 455600 + i], [136700, 455600 + i]]] },
    rij: i + 2,
    extra: {},
  }));
}

function pairs(count: number): Meekoppelkans[] {
  const out: Meekoppelkans[] = [];
  for (let a = 0; a < N_WERKEN && out.length < count; a++) {
    for (let b = a + 1; b < N_WERKEN && out.length < count; b++) {
      out.push({
        id: `MK-${id(a)}-${id(b)}`,
        werkA: id(a),
        werkB: id(b),
        categorieA: a % 2 ? 'riolering' : 'warmtenet',
        categorieB: b % 2 ? 'riolering' : 'warmtenet',
        overlap: 100 - ((a + b) % 70) / 3,
        eenheid: 'm',
        tussentijdDagen: 0,
        buurten: ['BU03440111', 'BU03440112'],
        shared: { crs: 'rd', kind: 'line', lines: [[[136600, 455600], [136700, 455600]]] },
      });
    }
  }
  return out;
}

async function write(found: Meekoppelkans[]) {
  const before = wb.syncLog.length;
  const existing = await Excel.run((context) => readWerkboekFromExcel(context));
  const report = await Excel.run((context) => writeResults(context, { pairs: found, werken: werken(), problems: [], existing }));
  return { report, syncs: wb.syncLog.slice(before) };
}

describe('writing 10,000 meekoppelkansen', () => {
  beforeEach(() => {
    const rows = werken().map((w) => [w.id, w.categorie, w.eigenaar, w.titel, 46447, 46934, 'LINESTRING(136600 455600, 136700 455600)']);
    ({ wb, close } = openWorkbook([{ name: 'Werken', tables: [{ name: 'Werken', headers: WERKEN_HEADERS, rows }] }]));
  });

  it('takes a bounded number of syncs, each well under the 5 MB payload limit', async () => {
    const { report, syncs } = await write(pairs(10_000));

    expect(column(wb, 'Meekoppelkansen', 'id')).toHaveLength(10_000);
    expect(report.meekoppelkansen.changes.added).toBe(10_000);
    const sent = syncs.reduce((s, x) => s + x.requestBytes, 0);
    // reading: tables and sheets, places of ranges, one slice per 50,000 cells of Werken;
    // writing: one sync for the structure, then one per megabyte of values
    expect(sent).toBeGreaterThan(2 * DEFAULT_MAX_REQUEST_BYTES);
    expect(syncs.length).toBeLessThanOrEqual(8 + Math.ceil(sent / DEFAULT_MAX_REQUEST_BYTES));
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_BYTES);
    expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThan(wb.payloadLimitBytes / 2);
    expect(syncs.filter((s) => s.error)).toEqual([]);
  });

  it('sends next to nothing on a re-run that finds the same pairs', async () => {
    await write(pairs(10_000));
    const { report, syncs } = await write(pairs(10_000));
    expect(report.meekoppelkansen.changes).toMatchObject({ added: 0, unchanged: 10_000 });
    // only the number format of each add-in column is sent again
    expect(syncs.reduce((s, x) => s + x.requestBytes, 0)).toBeLessThan(200);
    expect(column(wb, 'Meekoppelkansen', 'status').every((s) => s === 'nieuw')).toBe(true);
  });

  it('removes 5,000 pairs that no longer qualify in a handful of operations', async () => {
    await write(pairs(10_000));
    const { report, syncs } = await write(pairs(10_000).filter((_, i) => i % 2 === 0));
    expect(report.meekoppelkansen.changes).toMatchObject({ removed: 5_000, unchanged: 5_000 });
    expect(column(wb, 'Meekoppelkansen', 'id')).toEqual(pairs(10_000).filter((_, i) => i % 2 === 0).map((p) => p.id));
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_BYTES);
  });
});
