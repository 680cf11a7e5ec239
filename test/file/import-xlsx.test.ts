import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/file/read-xlsx';
import { writeImportXlsx } from '../../src/file/import-xlsx';
import { addNieuwWerkboek, nieuwWerkboekXlsx } from '../../src/file/nieuw-werkboek';
import { readWerkboek } from '../../src/core/werkboek/read';
import { libreOfficeSheets, zipParts } from './helpers';

const DEMO = readFileSync(join(__dirname, '..', '..', 'assets', 'koppelkaart-demo-utrecht.xlsx'));

describe('writeImportXlsx', () => {
  it("replaces one eigenaar's Werken rows: the others close up in order, new rows follow, other parts stay byte for byte", async () => {
    const raw = await readXlsx(DEMO);
    const werken = raw.werken!;
    const vitens = werken.rows.map((r, i) => (r[2] === 'Vitens' ? werken.headerRow + 1 + i : 0)).filter(Boolean);
    const row = (id: string) => werken.headers.map((h) => ({ id, categorie: 'drinkwater', eigenaar: 'Vitens', titel: 'Nieuwe leiding Biltstraat', start: 46447, eind: 46752, geometrie: 'LINESTRING(137000 456000, 137100 456000)' } as Record<string, string | number>)[h] ?? null);
    const out = await writeImportXlsx(DEMO, { tables: [{ table: werken, name: 'Werken', headers: werken.headers, remove: vitens, append: [row('VI-NIEUW-1'), row('VI-NIEUW-2')], formats: { start: 'date', eind: 'date' } }] });
    expect(out.problems).toEqual([]);
    const back = (await readXlsx(out.bytes)).werken!;
    const others = werken.rows.filter((r) => r[2] !== 'Vitens').map((r) => r[0]);
    expect(back.rows.map((r) => r[0])).toEqual([...others, 'VI-NIEUW-1', 'VI-NIEUW-2']);
    expect(readWerkboek({ ...raw, werken: back }).werken.find((w) => w.id === 'VI-NIEUW-2')?.titel).toBe('Nieuwe leiding Biltstraat');
    const [before, after] = [await zipParts(DEMO), await zipParts(out.bytes)];
    const changed = [...before.keys()].filter((p) => !Buffer.from(before.get(p)!).equals(Buffer.from(after.get(p) ?? new Uint8Array())));
    const werkenSheet = changed.filter((p) => p.startsWith('xl/worksheets/'));
    expect(werkenSheet).toHaveLength(1);
    expect(changed.filter((p) => !p.startsWith('xl/worksheets/') && !p.startsWith('xl/tables/') && p !== 'xl/styles.xml')).toEqual([]);
    const sheets = libreOfficeSheets(out.bytes);
    expect(sheets.Werken).toHaveLength(1 + others.length + 2);
  });

  it('writes nothing and says which cell blocks the table from growing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Werken');
    ws.addTable({ name: 'Werken', ref: 'A1', columns: [{ name: 'id' }, { name: 'categorie' }], rows: [['W1', 'gas']] });
    ws.getCell('B3').value = 'eigen notitie';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const werken = (await readXlsx(bytes)).werken!;
    const out = await writeImportXlsx(bytes, { tables: [{ table: werken, name: 'Werken', headers: ['id', 'categorie'], remove: [], append: [['W2', 'riool']] }] });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].melding).toContain('cel B3');
  });
});

describe('nieuw werkboek', () => {
  it('has the four tables with headers, Regels defaults and pick lists, read without a fout', async () => {
    const bytes = await nieuwWerkboekXlsx();
    const raw = await readXlsx(bytes);
    expect(raw.werken?.headers).toEqual(['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m', 'status', 'budget', 'contact']);
    expect(raw.regels?.rows.map((r) => r.slice(0, 2))).toEqual([['afstand_m', 10], ['min_overlap_m', 30], ['min_overlap_m2', 100], ['max_tussentijd_maanden', 24], ['zelfde_categorie', 'nee']]);
    expect(readWerkboek(raw).problems.filter((p) => p.ernst === 'fout' && p.tabel === 'Regels')).toEqual([]);
    const sheet = (await zipParts(bytes)).get('xl/worksheets/sheet2.xml')!;
    expect(Buffer.from(sheet).toString()).toMatch(/<dataValidation[^>]*type="list"[^>]*sqref="B2:B10000"[^>]*>\s*<formula1>(&quot;|")warmtenet,riolering/);
  });

  it('adds only the missing tables to an existing workbook and leaves its own Werken alone', async () => {
    const { bytes, notices } = await addNieuwWerkboek(DEMO);
    expect(notices).toContain("Er is al een tabel of werkblad 'Werken'; die is overgeslagen en niet veranderd.");
    const [before, after] = [await readXlsx(DEMO), await readXlsx(bytes)];
    expect(after.werken?.rows).toEqual(before.werken?.rows);
    expect(Object.keys(libreOfficeSheets(bytes))).toEqual(expect.arrayContaining(['Werken', 'Buurten', 'Regels', 'Koppelkansen']));
  });
});
