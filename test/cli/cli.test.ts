/**
 * The real compiled CLI (`bin/koppelkaart.js` → dist/cli), run as a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readXlsx } from '../../src/file/read-xlsx';
import { readWerkboek } from '../../src/core/werkboek/read';
import { analyse } from '../../src/core/analysis/analyse';
import { compiledCli, libreOfficeSheets } from '../file/helpers';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'koppelkaart.js');
const DEMO = join(ROOT, 'assets', 'koppelkaart-demo-utrecht.xlsx');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'file');
const CSV_HEADER = ['id', 'werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'overlap', 'eenheid', 'tussentijd_dagen', 'buurten'];

// compile src/core, src/file and src/cli when dist/cli is older than the sources (one helper for every CLI test)
beforeAll(() => {
  compiledCli();
  expect(existsSync(join(ROOT, 'dist', 'cli', 'cli', 'main.js'))).toBe(true);
}, 180_000);

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function csvRows(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kk-cli-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('koppelkaart analyse on the demo workbook', () => {
  it('prints the pairs as CSV with the columns of regels.md, sorted, the same as the engine finds in-process', async () => {
    const { code, stdout, stderr } = cli(['analyse', DEMO]);
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    expect(rows[0].slice(0, 9)).toEqual(CSV_HEADER);
    const raw = await readXlsx(readFileSync(DEMO));
    const werkboek = readWerkboek(raw);
    const pairs = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
    expect(pairs.length).toBeGreaterThan(20);
    expect(rows.slice(1).map((r) => r[0])).toEqual(pairs.map((p) => p.id));
    const keys = rows.slice(1).map((r) => [r[1], r[2]].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
    expect(stderr).toContain(`${werkboek.werken.length} werken gelezen, ${pairs.length} meekoppelkansen gevonden.`);
  });

  it('writes the workbook with Meekoppelkansen, Controle and the Werken column, leaving the input untouched', () => {
    const out = join(dir, 'uit.xlsx');
    const before = readFileSync(DEMO);
    const { code } = cli(['analyse', DEMO, '-o', out]);
    expect(code).toBe(0);
    expect(readFileSync(DEMO).equals(before)).toBe(true);
    const pairs = csvRows(cli(['analyse', DEMO]).stdout).slice(1);
    const sheets = libreOfficeSheets(readFileSync(out), 'uit.xlsx');
    expect(sheets.Meekoppelkansen[0].slice(0, 9)).toEqual(CSV_HEADER);
    expect(sheets.Meekoppelkansen.slice(1).map((r) => r[0])).toEqual(pairs.map((r) => r[0]));
    expect(sheets.Meekoppelkansen[1][sheets.Meekoppelkansen[0].indexOf('status')]).toBe('nieuw');
    expect(sheets.Controle[0]).toEqual(['tabel', 'rij', 'kolom', 'waarde', 'melding']);
    const werken = sheets.Werken;
    const col = werken[0].indexOf('meekoppelkansen');
    expect(col).toBeGreaterThan(0);
    const first = pairs[0];
    expect(werken.find((r) => r[0] === first[1])?.[col]).toContain(first[0]);
  });

  it('keeps a status the planner typed when the workbook is analysed again', async () => {
    const first = join(dir, 'een.xlsx');
    expect(cli(['analyse', DEMO, '-o', first]).code).toBe(0);
    // the planner edits the status of one pair: done here with the writer's own reader/writer pair
    const { writeResultsXlsx } = await import('../../src/file/write-xlsx');
    const raw = await readXlsx(readFileSync(first));
    const mk = raw.meekoppelkansen!;
    const status = mk.headers.indexOf('status');
    const rows = mk.rows.map((r, i) => (i === 0 ? r.map((c, j) => (j === status ? 'afgesproken' : c)) : r));
    const edited = await writeResultsXlsx(readFileSync(first), { meekoppelkansen: { headers: mk.headers, rows }, controle: { headers: ['tabel'], rows: [] } });
    writeFileSync(first, edited.bytes);
    const second = join(dir, 'twee.xlsx');
    expect(cli(['analyse', first, '-o', second]).code).toBe(0);
    const again = (await readXlsx(readFileSync(second))).meekoppelkansen!;
    expect(again.rows[0][status]).toBe('afgesproken');
    expect(again.rows[0][0]).toBe(mk.rows[0][0]);
  });

  it('writes the shared parts as GeoJSON in WGS84 with the same properties', () => {
    const out = join(dir, 'uit.geojson');
    expect(cli(['analyse', DEMO, '-o', out]).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    const ids = csvRows(cli(['analyse', DEMO]).stdout).slice(1).map((r) => r[0]);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(ids);
    const coords = JSON.stringify(fc.features.map((f: { geometry: unknown }) => f.geometry)).match(/-?\d+\.\d+/g)!.map(Number);
    expect(Math.min(...coords)).toBeGreaterThan(4.9);
    expect(Math.max(...coords)).toBeLessThan(52.2);
    expect(Object.keys(fc.features[0].properties).slice(0, 9)).toEqual(CSV_HEADER);
  });
});

describe('koppelkaart analyse on a CSV of works', () => {
  const csv = join(FIXTURES, 'werken-windows1252.csv');
  const buurten = join(FIXTURES, 'buurten-cbs.geojson');

  it('reads Windows-1252 with semicolons and Dutch dates, reports the bad row and finds the pairs', () => {
    const out = join(dir, 'paren.csv');
    const { code, stderr } = cli(['analyse', csv, '--buurten', buurten, '-o', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('gelezen als Windows-1252');
    expect(stderr).toMatch(/Fout in Werken, rij 5, kolom eind: .*vóór de startdatum/);
    const rows = csvRows(readFileSync(out, 'utf8'));
    expect(rows.map((r) => r.slice(0, 9))).toEqual([
      CSV_HEADER,
      ['MK-W1-W2', 'W1', 'W2', 'warmtenet', 'riolering', '109.17', 'm', '92', 'BU03440321 BU03440322'],
      ['MK-W1-W5', 'W1', 'W5', 'warmtenet', 'elektriciteit', '0', 'punt', '0', 'BU03440321'],
      ['MK-W2-W5', 'W2', 'W5', 'riolering', 'elektriciteit', '0', 'punt', '213', 'BU03440321'],
    ]);
    expect(rows[2][CSV_HEADER.length + 3]).toBe('Station café');
  });

  it('makes a new workbook for a CSV written as .xlsx', async () => {
    const out = join(dir, 'nieuw.xlsx');
    const { code, stderr } = cli(['analyse', csv, '-o', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('nieuw werkboek');
    const raw = await readXlsx(readFileSync(out));
    expect(raw.werken?.rows).toHaveLength(5);
    expect(raw.meekoppelkansen?.rows.map((r) => r[0])).toEqual(['MK-W1-W2', 'MK-W1-W5', 'MK-W2-W5']);
    const sheets = libreOfficeSheets(readFileSync(out), 'nieuw.xlsx');
    expect(sheets.Controle[1]).toEqual(['Werken', '5', 'eind', '1-1-2027', expect.stringContaining('vóór de startdatum')]);
  });

  it('reads UTF-8 with a BOM, comma-separated', () => {
    const file = join(dir, 'werken.csv');
    writeFileSync(file, '\uFEFFid,categorie,start,eind,geometrie\r\nA,gas,2027-01-01,2027-06-01,"LINESTRING(136000 458000, 136100 458000)"\r\nB,groen,2027-01-01,2027-06-01,"LINESTRING(136000 458005, 136100 458005)"\r\n');
    const { code, stdout, stderr } = cli(['analyse', file]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('Windows-1252');
    expect(csvRows(stdout)[1].slice(0, 7)).toEqual(['MK-A-B', 'A', 'B', 'gas', 'groen', '100', 'm']);
  });

  it('exits 1 when not a single work can be read', () => {
    const file = join(dir, 'leeg.csv');
    writeFileSync(file, 'id;categorie;start;eind;geometrie\nX;gas;morgen;overmorgen;hier\n');
    const { code, stderr, stdout } = cli(['analyse', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Geen enkel bruikbaar werk');
  });

  it('shows progress on stderr for thousands of works', () => {
    const file = join(dir, 'veel.csv');
    const lines = ['id;categorie;start;eind;geometrie'];
    for (let i = 0; i < 2500; i++) lines.push(`P${i};${i % 2 ? 'gas' : 'groen'};2027-01-01;2027-02-01;POINT(${130000 + (i % 50) * 100} ${450000 + Math.floor(i / 50) * 100})`);
    writeFileSync(file, lines.join('\n'));
    const { code, stderr } = cli(['analyse', file, '-o', join(dir, 'veel-uit.csv')]);
    expect(code).toBe(0);
    expect(stderr).toContain('analyse: 50%');
    expect(stderr).toContain('2500 werken gelezen');
  });
});

describe('koppelkaart usage', () => {
  it('prints help with exit 0', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('koppelkaart analyse INVOER [--buurten BESTAND] [-o UITVOER]');
  });

  it.each([
    [['analyse'], 'Geef een invoerbestand'],
    [['analyse', DEMO, '--kleur'], "Onbekende optie '--kleur'"],
    [['analyse', DEMO, '-o', 'uit.pdf'], "Onbekende uitvoer 'uit.pdf'"],
    [['analyse', 'bestaat-niet.xlsx'], "Bestand 'bestaat-niet.xlsx' bestaat niet."],
    [['analyse', DEMO, '--buurten', join(FIXTURES, 'werken-windows1252.csv')], 'Onbekend buurtenbestand'],
    [['teken'], "Onbekend commando 'teken'"],
  ])('exits 2 on %j', (args, melding) => {
    const { code, stderr } = cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toContain(melding);
  });

  it('runs from the package bin as npm installs it', () => {
    const out = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(out.split('\n')[0]).toBe('koppelkaart: vindt meekoppelkansen tussen geplande werken');
  });
});
