import { bronKey } from '../../src/core/import/bronnen';
import { importBuurten } from '../../src/core/import/buurten';
import { parseCsv } from '../../src/core/import/csv';
import { importWerken, type ImportWerkenOptions } from '../../src/core/import/werken';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readBronnenFromExcel, saveBron } from '../../src/excel/bronnen';
import { applyBuurtenImport, applyWerkenImport } from '../../src/excel/import';
import { createNieuwWerkboek } from '../../src/excel/nieuw-werkboek';
import { readWerkboekFromExcel } from '../../src/excel/read';
import type { FakeWorkbook, SeedSheet } from '../fake-office';
import { cellOf, column, openWorkbook, werkenSheet } from './fixture';

let wb: FakeWorkbook;
let close: () => void;
afterEach(() => close());

const STEDIN_CSV = [
  'id;categorie;eigenaar;titel;start;eind;geometrie',
  '0012;elektriciteit;Stedin;Kabel Kanaalstraat;1-3-2027;30-6-2028;LINESTRING(136610 455598, 136690 455598)',
  'S2;gas;Stedin;"=HYPERLINK(""http://x"",""klik"")";2027 Q3;2027 Q4;LINESTRING(136000 455000, 136100 455000)',
  'S3;gas;Stedin;Eind voor start;1-3-2028;1-3-2027;LINESTRING(136000 455000, 136100 455000)',
  'W1;gas;Stedin;Dubbel id;1-3-2027;1-3-2028;LINESTRING(136000 455000, 136100 455000)',
].join('\n');

async function rawWerken() {
  return (await Excel.run((context) => readWerkboekFromExcel(context))).werken;
}

/** reads the workbook, imports the CSV as the task pane does, and writes it back */
async function importCsv(text: string, options: ImportWerkenOptions) {
  const imp = importWerken(parseCsv(text), await rawWerken(), options);
  const report = await Excel.run((context) => applyWerkenImport(context, imp));
  return { imp, report };
}

function open(sheets: SeedSheet[]) {
  ({ wb, close } = openWorkbook(sheets));
}

describe('applyWerkenImport', () => {
  it('appends the good CSV rows below the planner rows, moves a note below the table down, and leaves every old cell alone', async () => {
    open([{ ...werkenSheet(), cells: [[], [], [], [], [], ['notitie onder de tabel']] }]);
    const oldRows = wb.readTable('Werken').rows;

    const { report } = await importCsv(STEDIN_CSV, { bron: 'stedin.csv' });

    const t = wb.readTable('Werken');
    expect(t.rows.slice(0, 3)).toEqual(oldRows);
    expect(column(wb, 'Werken', 'id')).toEqual(['W1', 'W2', 'W3', '0012', 'S2']);
    expect(cellOf(wb, 'Werken', '0012', 'start')).toBe(46447);
    expect(wb.columnFormats('Werken', 'start').slice(3)).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd']);
    // a CSV text that looks like a formula stays text
    expect(cellOf(wb, 'Werken', 'S2', 'titel')).toBe('=HYPERLINK("http://x","klik")');
    expect(wb.sheet('Werken')!.grid.get(5, 1).f).toBeUndefined();
    expect(wb.values('Werken', 'A8')).toEqual([['notitie onder de tabel']]);
    expect(report).toMatchObject({ sheet: 'Werken', table: 'Werken', added: 2, removed: 0, meldingen: [] });
  });

  it('puts each rejected CSV line on Controle with its line number, column and a Dutch fix', async () => {
    open([werkenSheet()]);
    await importCsv(STEDIN_CSV, { bron: 'stedin.csv' });

    const controle = wb.readTable('Controle');
    expect(controle.headers).toEqual(['tabel', 'rij', 'kolom', 'waarde', 'melding']);
    expect(controle.rows.map((r) => r.slice(0, 3))).toEqual([
      ['CSV stedin.csv', 4, 'eind'],
      ['CSV stedin.csv', 5, 'id'],
    ]);
    expect(controle.rows[1][4]).toContain('staat al in de tabel Werken (rij 2)');
    expect(wb.readTable('Controle').sheet).toBe('Controle');
  });

  it("replaces a partner's rows: theirs go, the others stay in order, the new ones follow", async () => {
    open([werkenSheet()]);
    const gemeente = [
      'id;categorie;eigenaar;titel;start;eind;geometrie',
      'G1;groen;Gemeente Utrecht;Bomen Kanaalstraat;1-6-2027;31-12-2027;LINESTRING(136650 455605, 136750 455605)',
    ].join('\n');
    const before = wb.readTable('Werken').rows[0];

    const { report } = await importCsv(gemeente, { bron: 'gemeente.csv', vervangEigenaar: 'gemeente utrecht' });

    expect(column(wb, 'Werken', 'id')).toEqual(['W1', 'G1']);
    expect(wb.readTable('Werken').rows[0]).toEqual(before);
    expect(report).toMatchObject({ added: 1, removed: 2 });
  });

  it('replaces every row of a table whose rows all belong to that partner', async () => {
    open([werkenSheet([['W1', 'gas', 'Stedin', 'Oud', 46447, 46934, 'LINESTRING(0 0, 1 1)']])]);
    await importCsv(STEDIN_CSV, { bron: 'stedin.csv', vervangEigenaar: 'Stedin' });
    // W1 is free again, so the duplicate line is now a good one
    expect(column(wb, 'Werken', 'id')).toEqual(['0012', 'S2', 'W1']);
    expect(cellOf(wb, 'Werken', 'W1', 'titel')).toBe('Dubbel id');
  });

  it('fills the empty row of a new werkboek and keeps the pick lists on the new rows', async () => {
    open([{ name: 'Blad1' }]);
    await Excel.run((context) => createNieuwWerkboek(context));
    await importCsv(STEDIN_CSV, { bron: 'stedin.csv' });

    expect(column(wb, 'Werken', 'id')).toEqual(['0012', 'S2', 'W1']);
    expect(wb.columnFormats('Werken', 'id')).toEqual(['@', '@', '@']);
    const type = await Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('Werken').getRange('B2:B4').dataValidation.load('type');
      await context.sync();
      return dv.type;
    });
    expect(type).toBe('List');
    // and the works read back as the same works, without a problem in Werken
    const werkboek = readWerkboek(await Excel.run((c) => readWerkboekFromExcel(c)));
    expect(werkboek.werken.map((w) => w.id)).toEqual(['0012', 'S2', 'W1']);
    expect(werkboek.problems.filter((p) => p.tabel === 'Werken')).toEqual([]);
  });

  it('creates the Werken table on its own sheet when the workbook has none', async () => {
    open([{ name: 'Blad1', cells: [['van de planner']] }]);
    await importCsv(STEDIN_CSV, { bron: 'stedin.csv' });
    expect(wb.readTable('Werken').sheet).toBe('Werken');
    expect(column(wb, 'Werken', 'id')).toEqual(['0012', 'S2', 'W1']);
    expect(wb.values('Blad1')).toEqual([['van de planner']]);
  });

  it('appends to and replaces in a Werken sheet that holds no table, leaving the cells beside it alone', async () => {
    const rows = werkenSheet().tables![0];
    open([{ name: 'Werken', cells: [rows.headers, ...rows.rows] }, { name: 'Notities', cells: [['x']] }]);
    await importCsv(STEDIN_CSV, { bron: 'stedin.csv', vervangEigenaar: 'Eneco' });
    // Eneco's W1 went, so the file's W1 is a new work now
    expect(wb.values('Werken').map((r) => r[0])).toEqual(['id', 'W2', 'W3', '0012', 'S2', 'W1']);
    expect(wb.values('Werken')[5][3]).toBe('Dubbel id');
    expect(wb.values('Werken')[1]).toEqual(rows.rows[1]);
    expect(wb.values('Notities')).toEqual([['x']]);
  });

  it('writes nothing but a Controle row when the mapping misses fields', async () => {
    open([werkenSheet()]);
    const before = wb.snapshot().Werken;
    const { report } = await importCsv('Projectnr;Soort\nP1;gas', { bron: 'x.csv' });
    expect(wb.snapshot().Werken).toEqual(before);
    expect(report.added).toBe(0);
    expect(column(wb, 'Controle', 'melding')[0]).toContain('ontbreekt');
  });

  it('refuses to write when Werken changed between reading and writing', async () => {
    open([werkenSheet()]);
    const imp = importWerken(parseCsv(STEDIN_CSV), await rawWerken(), { bron: 'stedin.csv' });
    wb.edit('Werken', 'A1', [['nummer']]);
    const before = wb.snapshot().Werken;
    const report = await Excel.run((context) => applyWerkenImport(context, imp));
    expect(report.added).toBe(0);
    expect(report.meldingen[0]).toContain('De tabel Werken is veranderd');
    expect(wb.snapshot().Werken).toEqual(before);
  });

  it('writes 5,000 rows in a constant number of syncs plus one per chunk, none over the budget', async () => {
    open([werkenSheet()]);
    const lines = Array.from({ length: 5000 }, (_, i) => `N${i};riolering;Gemeente;Riool ${i};1-1-2027;1-1-2028;LINESTRING(${130000 + i} 455000, ${130000 + i} 455100)`);
    wb.syncLog.length = 0;
    const imp = importWerken(parseCsv(['id;categorie;eigenaar;titel;start;eind;geometrie', ...lines].join('\n')), await rawWerken(), { bron: 'groot.csv' });
    const reads = wb.syncLog.length;
    await Excel.run((context) => applyWerkenImport(context, imp, { maxRequestBytes: 100_000 }));
    const writes = wb.syncLog.slice(reads);
    const bytes = writes.reduce((s, r) => s + r.requestBytes, 0);
    expect(column(wb, 'Werken', 'id')).toHaveLength(5003);
    expect(writes.every((r) => r.requestBytes <= 100_000)).toBe(true);
    // index, Controle place, shape, probe, structure: 5; the values in ceil(bytes / budget) + 1 at most
    expect(writes.length).toBeLessThanOrEqual(5 + Math.ceil(bytes / 100_000) + 1);
  });
});

describe('remembered mappings', () => {
  const PARTNER = 'Projectnr;Soort werk;Partij;Omschrijving;Begin;Gereed;WKT\nP1;riolering;Vitens;Leiding;1-1-2027;1-1-2028;LINESTRING(136000 455000, 136100 455000)';

  it('round-trips a mapping through KoppelkaartBronnen, so the second import needs none', async () => {
    open([werkenSheet()]);
    const mapping = { Projectnr: 'id', 'Soort werk': 'categorie', Partij: 'eigenaar', WKT: 'geometrie' } as const;
    const first = importWerken(parseCsv(PARTNER), await rawWerken(), { bron: 'Vitens export.csv', mapping });
    expect(first.missing).toEqual([]);
    await Excel.run((context) => saveBron(context, 'Vitens export.csv', first.mapping, { vandaag: '2026-05-01' }));
    await Excel.run((context) => saveBron(context, 'stedin.csv', { Nr: 'id' }, { vandaag: '2026-05-02' }));

    expect(wb.readTable('KoppelkaartBronnen').rows).toEqual([
      ['Vitens export.csv', JSON.stringify(first.mapping), '2026-05-01'],
      ['stedin.csv', '{"Nr":"id"}', '2026-05-02'],
    ]);
    const bronnen = await Excel.run((context) => readBronnenFromExcel(context));
    const again = importWerken(parseCsv(PARTNER), await rawWerken(), { bron: 'vitens_export.csv', remembered: bronnen.get(bronKey('vitens_export.csv')) });
    expect(again.missing).toEqual([]);
    expect(again.append).toEqual(first.append);
  });

  it('replaces a source mapping saved again, and keeps the others', async () => {
    open([werkenSheet()]);
    await Excel.run((context) => saveBron(context, 'a.csv', { Nr: 'id' }, { vandaag: '2026-05-01' }));
    await Excel.run((context) => saveBron(context, 'b.csv', { Nr: 'id' }, { vandaag: '2026-05-01' }));
    await Excel.run((context) => saveBron(context, 'A.csv', { Code: 'id' }, { vandaag: '2026-05-03' }));
    expect(wb.readTable('KoppelkaartBronnen').rows).toEqual([
      ['b.csv', '{"Nr":"id"}', '2026-05-01'],
      ['A.csv', '{"Code":"id"}', '2026-05-03'],
    ]);
    expect((await Excel.run((context) => readBronnenFromExcel(context))).get(bronKey('a.csv'))).toEqual({ Code: 'id' });
  });

  it('gives an empty map when the workbook has no KoppelkaartBronnen, and never writes over a planner sheet of that name', async () => {
    open([werkenSheet(), { name: 'KoppelkaartBronnen', cells: [['van mij']] }]);
    expect((await Excel.run((context) => readBronnenFromExcel(context))).size).toBe(0);
    const saved = await Excel.run((context) => saveBron(context, 'a.csv', { Nr: 'id' }));
    expect(saved.sheet).toBe('KoppelkaartBronnen (2)');
    expect(saved.meldingen[0]).toContain('is van u');
    expect(wb.values('KoppelkaartBronnen')).toEqual([['van mij']]);
  });
});

describe('applyBuurtenImport', () => {
  const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 455000], [x + 100, 455000], [x + 100, 455100], [x, 455100], [x, 455000]]] });
  const collection = (features: { code: string; naam: string; x: number }[]) => ({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: features.map((f) => ({ type: 'Feature', properties: { BU_CODE: f.code, BU_NAAM: f.naam, inwoners: 1200 }, geometry: square(f.x) })),
  });

  it('adds buurten to a new werkboek and replaces a buurt whose code comes again', async () => {
    open([{ name: 'Blad1' }]);
    await Excel.run((context) => createNieuwWerkboek(context));
    const first = importBuurten(collection([{ code: 'BU03440111', naam: 'Lombok', x: 136000 }, { code: 'BU03440112', naam: 'Kanaleneiland', x: 137000 }]), (await Excel.run((c) => readWerkboekFromExcel(c))).buurten, { bron: 'a.geojson' });
    await Excel.run((context) => applyBuurtenImport(context, first));
    expect(column(wb, 'Buurten', 'buurtcode')).toEqual(['BU03440111', 'BU03440112']);
    expect(wb.readTable('Buurten').headers).toContain('inwoners');

    const second = importBuurten(collection([{ code: 'BU03440111', naam: 'Lombok-Oost', x: 136000 }]), (await Excel.run((c) => readWerkboekFromExcel(c))).buurten, { bron: 'b.geojson' });
    const report = await Excel.run((context) => applyBuurtenImport(context, second));
    expect(column(wb, 'Buurten', 'buurtnaam')).toEqual(['Kanaleneiland', 'Lombok-Oost']);
    expect(report).toMatchObject({ added: 1, removed: 1 });
    expect(readWerkboek(await Excel.run((c) => readWerkboekFromExcel(c))).buurten.map((b) => b.code)).toEqual(['BU03440112', 'BU03440111']);
  });
});
