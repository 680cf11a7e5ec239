import { readWerkboekFromExcel } from '../../src/excel/read';
import { rijIndex, writeCell } from '../../src/ui/excel-sheet';
import { openWorkbook, runAnalysis, werkenSheet } from '../excel/fixture';

describe('writing a planner cell from the list into the fake Excel', () => {
  let close: () => void;
  beforeEach(() => ({ close } = openWorkbook([werkenSheet()])));
  afterEach(() => close());

  it('finds each pair row by id and writes its status, leaving other rows alone', async () => {
    await runAnalysis();
    const raw = await Excel.run((c) => readWerkboekFromExcel(c));
    const paren = rijIndex(raw.meekoppelkansen!, ['id']);
    expect([...paren.rijVan.keys()].sort()).toEqual(['MK-W1-W2', 'MK-W1-W3', 'MK-W2-W3']);
    const rij = paren.rijVan.get('MK-W1-W2')!;
    await expect(writeCell(raw.meekoppelkansen!, rij, 'Status', 'afgesproken')).resolves.toBe(true);
    await expect(writeCell(raw.meekoppelkansen!, rij, 'bestaat niet', 'x')).resolves.toBe(false);

    const again = await Excel.run((c) => readWerkboekFromExcel(c));
    const t = again.meekoppelkansen!;
    const [id, status] = [t.headers.indexOf('id'), t.headers.indexOf('status')];
    const byId = new Map(t.rows.map((r) => [r[id], r[status]]));
    expect(byId).toEqual(new Map([['MK-W1-W2', 'afgesproken'], ['MK-W1-W3', 'nieuw'], ['MK-W2-W3', 'nieuw']]));
  });

  it('indexes rows from the header row down, skipping rows without an id', () => {
    const idx = rijIndex({ name: 'M', sheet: 'M', headerRow: 4, firstColumn: 2, headers: ['ID', 'x'], rows: [['a', 1], [null, 2], ['b', 3]], isTable: true }, ['id']);
    expect([...idx.rijVan]).toEqual([['a', 5], ['b', 7]]);
  });
});
