import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import { annotatedXlsx, applyPlannerEdits } from '../../src/ui/save-xlsx';
import { plannerVelden } from '../../src/worker/planner';

// a small real workbook: three Utrecht buurten and six works on two streets
async function werkboekBytes(): Promise<Uint8Array> {
  const data = (n: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../assets/data', `${n}.geojson`), 'utf8')).features;
  const straten = data('straten').slice(0, 3);
  const codes = new Set<string>(straten.flatMap((s: { properties: { buurten: string } }) => s.properties.buurten.split(/[ ,]+/)));
  const wb = new ExcelJS.Workbook();
  const b = wb.addWorksheet('Buurten');
  b.addRow(['buurtcode', 'buurtnaam', 'geometrie']);
  for (const f of data('buurten').filter((x: { properties: { buurtcode: string } }) => codes.has(x.properties.buurtcode))) {
    b.addRow([f.properties.buurtcode, f.properties.buurtnaam, JSON.stringify(f.geometry)]);
  }
  const w = wb.addWorksheet('Werken');
  w.addRow(['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie']);
  straten.forEach((s: { geometry: unknown; properties: { straat: string } }, i: number) => {
    w.addRow([`W${i}a`, 'warmtenet', 'Eneco', s.properties.straat, '2026-01-01', '2026-12-31', JSON.stringify(s.geometry)]);
    w.addRow([`W${i}b`, 'riolering', 'gemeente', s.properties.straat, '2027-03-01', '2027-12-31', JSON.stringify(s.geometry)]);
  });
  wb.addWorksheet('Notities').addRow(['van de planner', 42]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('annotatedXlsx', () => {
  it('writes the pairs with the planner edits into a copy that reads back with those edits and the rest intact', async () => {
    const bytes = await werkboekBytes();
    const raw = await readXlsx(bytes);
    const werkboek = readWerkboek(raw);
    const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
    expect(paren.map((p) => p.id)).toEqual(['MK-W0a-W0b', 'MK-W1a-W1b', 'MK-W2a-W2b']);

    const edits = new Map([['MK-W1a-W1b', { status: 'afgesproken', notitie: 'samen in 2027, <b>geen</b> html' }]]);
    const out = await annotatedXlsx(bytes, raw, { werkboek, paren }, edits);
    const again = await readXlsx(out.bytes);

    const planner = plannerVelden(again.meekoppelkansen);
    expect(planner.get('MK-W1a-W1b')).toEqual({ status: 'afgesproken', notitie: 'samen in 2027, <b>geen</b> html' });
    expect(planner.get('MK-W0a-W0b')).toEqual({ status: 'nieuw', notitie: '' });
    // the planner's own sheet is still there
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Notities')?.getCell('B1').value).toBe(42);
    // the Werken table got each work's pair
    const kolom = again.werken!.headers.indexOf('meekoppelkansen');
    expect(again.werken!.rows.map((r) => r[kolom])).toEqual(['MK-W0a-W0b', 'MK-W0a-W0b', 'MK-W1a-W1b', 'MK-W1a-W1b', 'MK-W2a-W2b', 'MK-W2a-W2b']);
  });
});

describe('applyPlannerEdits', () => {
  it('sets status and notitie of the edited rows only, by id', () => {
    const rows = [['MK-A-B', 'nieuw', null], ['MK-C-D', 'nieuw', 'oud']];
    applyPlannerEdits(['id', 'Status', 'notitie'], rows, new Map([['MK-C-D', { status: 'vervallen', notitie: '' }]]));
    expect(rows).toEqual([['MK-A-B', 'nieuw', null], ['MK-C-D', 'vervallen', null]]);
  });

  it('refuses a table without the planner columns', () => {
    expect(() => applyPlannerEdits(['id'], [], new Map())).toThrow(/mergeMeekoppelkansen/);
  });
});
