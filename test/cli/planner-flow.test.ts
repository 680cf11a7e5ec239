/**
 * The planner's whole flow through the compiled CLI, on real files made by real tools:
 * nieuw → import-buurten (Utrecht buurten in RD New, made by PostGIS) → import-werken (two
 * partners' CSVs, one Windows-1252 with a mapping) → analyse → export; the workbook opened in
 * LibreOffice, the exported GeoJSON read back by PostGIS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { analyse } from '../../src/core/analysis/analyse';
import { RD_NEW_PROJ4, WGS84_PROJ4 } from '../../src/core/geometry/crs';
import { polygonsArea } from '../../src/core/geometry/planar';
import type { CellValue, RdGeometry } from '../../src/core/types';
import { dayParts, parseDay } from '../../src/core/werkboek/dates';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import { libreOfficeSheets } from '../file/helpers';
import { postgisAvailable, startCluster, type PgCluster } from '../postgis/cluster';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'koppelkaart.js');
const DEMO = join(ROOT, 'assets', 'koppelkaart-demo-utrecht.xlsx');
const BUURTEN = join(ROOT, 'assets', 'data', 'buurten.geojson');

function cli(args: string[]): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stderr: r.stderr };
}

beforeAll(() => {
  const main = join(ROOT, 'dist', 'cli', 'cli', 'main.js');
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
  expect(existsSync(main) && statSync(main).size > 0).toBe(true);
}, 180_000);

const dutchDate = (cell: CellValue, role: 'start' | 'eind') => {
  const day = parseDay(cell, role);
  if (!day.ok) throw new Error(day.melding);
  const p = dayParts(day.value);
  return `${p.day}-${p.month}-${p.year}`;
};

/** a partner's works from the demo workbook, as its own system would export them */
async function partnerRows(eigenaar: string): Promise<CellValue[][]> {
  const raw = await readXlsx(readFileSync(DEMO));
  return (raw.werken?.rows ?? []).filter((r) => r[2] === eigenaar);
}

const lengthOf = (g: RdGeometry) => (g.kind !== 'line' ? 0 : g.lines.reduce((s, l) => s + l.slice(1).reduce((t, p, i) => t + Math.hypot(p[0] - l[i][0], p[1] - l[i][1]), 0), 0));
const areaOf = (g: RdGeometry) => (g.kind === 'poly' ? polygonsArea(g.polygons) : 0);

const describePg = postgisAvailable() ? describe : describe.skip;

describePg('a planner starts from an empty workbook and hands results to GIS colleagues', () => {
  let pg: PgCluster;
  let dir: string;
  beforeAll(() => {
    pg = startCluster();
    dir = mkdtempSync(join(tmpdir(), 'kk-flow-'));
    pg.sql(`delete from spatial_ref_sys where srid in (990001, 990002);
insert into spatial_ref_sys (srid, proj4text) values (990001, '${WGS84_PROJ4}'), (990002, '${RD_NEW_PROJ4}');`);
  }, 120_000);
  afterAll(() => {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs nieuw, import-buurten, two import-werken, analyse and export, each leaving a workbook LibreOffice reads', async () => {
    const plan = join(dir, 'plan.xlsx');
    expect(cli(['nieuw', plan]).code).toBe(0);

    // the Utrecht buurten in RD New, as PostGIS writes them, with CBS property names
    const fc = JSON.parse(readFileSync(BUURTEN, 'utf8')) as { features: Array<{ properties: Record<string, string>; geometry: object }> };
    const copy = fc.features.map((f) => [f.properties.buurtcode, f.properties.buurtnaam, f.properties.wijkcode, f.properties.wijknaam, JSON.stringify(f.geometry)].join('\t'));
    const out = pg.sql(`create table b (code text, naam text, wk text, wn text, g text);
copy b from stdin;
${copy.join('\n')}
\\.
select json_build_object('type', 'FeatureCollection', 'crs', json_build_object('type', 'name', 'properties', json_build_object('name', 'urn:ogc:def:crs:EPSG::28992')),
  'features', json_agg(json_build_object('type', 'Feature', 'properties', json_build_object('BU_CODE', 'BU0344' || code, 'BU_NAAM', naam, 'WK_CODE', 'WK0344' || wk, 'WK_NAAM', wn),
  'geometry', ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326), 28992), 3)::json) order by code)) from b;`);
    const rdBuurten = join(dir, 'buurten-rd.geojson');
    writeFileSync(rdBuurten, out.trim());
    expect(JSON.parse(out).features[0].geometry.coordinates[0][0][0]).toBeGreaterThan(100_000);
    const buurten = cli(['import-buurten', plan, rdBuurten]);
    expect(buurten.stderr).toContain('111 features (buurten, RD New): 111 overgenomen');
    expect(buurten.code).toBe(0);

    // Stedin: Windows-1252, semicolons, own headers (mapped), Dutch dates; Warmtebedrijf: UTF-8 with BOM, commas
    const stedin = await partnerRows('Stedin');
    const stedinCsv = Papa.unparse({
      fields: ['Projectnr', 'Soort werk', 'Omschrijving', 'Begin', 'Gereed', 'Locatie', 'Kosten'],
      data: stedin.map((r) => [r[0], r[1], `${r[3]} (Poëzie & café)`, dutchDate(r[4], 'start'), dutchDate(r[5], 'eind'), r[6], `€ ${String(r[9] ?? 0).replace('.', ',')}`]),
    }, { delimiter: ';', newline: '\r\n' });
    writeFileSync(join(dir, 'stedin.csv'), iconv.encode(stedinCsv, 'win1252'));
    const wu = await partnerRows('Warmtebedrijf Utrecht');
    const wuCsv = Papa.unparse({ fields: ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie'], data: wu.map((r) => [r[0], r[1], r[2], r[3], dutchDate(r[4], 'start'), dutchDate(r[5], 'eind'), r[6]]) });
    writeFileSync(join(dir, 'warmte.csv'), '\uFEFF' + wuCsv);

    const first = cli(['import-werken', plan, join(dir, 'stedin.csv'), '--mapping', 'Projectnr=id,Soort werk=categorie', '--vervang-eigenaar', 'Stedin']);
    expect(first.stderr).toContain(`${stedin.length} regels gelezen: ${stedin.length} werken toegevoegd`);
    expect(first.code).toBe(0);
    const second = cli(['import-werken', plan, join(dir, 'warmte.csv')]);
    expect(second.stderr).toContain(`${wu.length} werken toegevoegd`);
    // the same source again, without --mapping: the remembered mapping applies, Stedin's rows are replaced, not doubled
    const again = cli(['import-werken', plan, join(dir, 'stedin.csv'), '--vervang-eigenaar', 'Stedin']);
    expect(again.stderr).toContain(`${stedin.length} werken toegevoegd, ${stedin.length} oude rijen vervangen`);

    const analysed = join(dir, 'analysed.xlsx');
    const analyseRun = cli(['analyse', plan, '-o', analysed]);
    expect(analyseRun.code).toBe(0);
    const werkboek = readWerkboek(await readXlsx(readFileSync(analysed)));
    expect(werkboek.werken).toHaveLength(stedin.length + wu.length);
    expect(werkboek.buurten).toHaveLength(111);
    expect(werkboek.werken.find((w) => w.eigenaar === 'Stedin')?.titel).toContain('(Poëzie & café)');
    const pairs = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.some((p) => p.buurten.length > 0)).toBe(true);

    const sheets = libreOfficeSheets(readFileSync(analysed), 'analysed.xlsx');
    expect(sheets.Buurten).toHaveLength(112);
    expect(sheets.Buurten[1][0]).toMatch(/^BU0344/);
    expect(sheets.Werken).toHaveLength(1 + stedin.length + wu.length);
    expect(sheets.Werken[0].slice(0, 7)).toEqual(['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie']);
    expect(sheets.Regels.map((r) => r[0])).toEqual(['naam', 'afstand_m', 'min_overlap_m', 'min_overlap_m2', 'max_tussentijd_maanden', 'zelfde_categorie']);
    expect(sheets.Meekoppelkansen).toHaveLength(1 + pairs.length);
    expect(sheets.KoppelkaartBronnen.map((r) => r[0])).toEqual(['bron', 'warmte.csv', 'stedin.csv']);
    expect(sheets.KoppelkaartBronnen[2].slice(0, 2)).toEqual(['stedin.csv', JSON.stringify({ Projectnr: 'id', 'Soort werk': 'categorie', Omschrijving: 'titel', Begin: 'start', Gereed: 'eind', Locatie: 'geometrie' })]);

    // export, and PostGIS reads the files back with the engine's lengths and areas (within 1 cm / 1 cm²·m)
    for (const [file, args, srid] of [['kansen.geojson', [], 990001], ['kansen-rd.geojson', ['--rd'], 0]] as const) {
      const exported = join(dir, file);
      expect(cli(['export', analysed, '-o', exported, ...args]).code).toBe(0);
      const text = readFileSync(exported, 'utf8');
      const features = JSON.parse(text).features as Array<{ id: string; properties: Record<string, unknown>; geometry: object }>;
      expect(features.map((f) => f.id)).toEqual(pairs.map((p) => p.id));
      expect(features[0].properties.status).toBe('nieuw');
      const rows = features.map((f) => `${f.id}\t${JSON.stringify(f.geometry)}`).join('\n');
      const geom = srid ? 'ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(g), 990001), 990002)' : 'ST_GeomFromGeoJSON(g)';
      const measured = pg.sql(`drop table if exists e; create table e (id text, g text);
copy e from stdin;
${rows}
\\.
select id, ST_Length(${geom}), ST_Area(${geom}) from e order by id;`).trim().split('\n').map((l) => l.split('|'));
      const byId = new Map(pairs.map((p) => [p.id, p]));
      for (const [id, len, area] of measured) {
        const p = byId.get(id)!;
        expect(Math.abs(Number(len) - lengthOf(p.shared))).toBeLessThan(0.01);
        expect(Math.abs(Number(area) - areaOf(p.shared))).toBeLessThan(0.01 * Math.max(1, Math.sqrt(areaOf(p.shared))));
      }
    }
    const werkenRd = JSON.parse(readFileSync(join(dir, 'kansen-rd.geojson'), 'utf8'));
    expect(werkenRd.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::28992');
    const werkenFile = join(dir, 'werken.geojson');
    expect(cli(['export', analysed, '-o', werkenFile, '--werken']).code).toBe(0);
    const werkenFc = JSON.parse(readFileSync(werkenFile, 'utf8'));
    expect(werkenFc.features).toHaveLength(werkboek.werken.length);
    const csvFile = join(dir, 'kansen.csv');
    expect(cli(['export', analysed, '-o', csvFile]).code).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFFid;werk_a;werk_b;')).toBe(true);
    const withDecimals = pairs.find((p) => !Number.isInteger(p.overlap));
    if (withDecimals) expect(csv).toContain(`;${String(withDecimals.overlap).replace('.', ',')};`);
  }, 600_000);
});
