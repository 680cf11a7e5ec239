/**
 * Warming the analysis worker while the page is idle. A freshly spawned worker runs the hot code
 * of a first analysis unoptimised (V8 compiles and optimises it on the way), which made a first
 * big workbook about twice as slow as the same work in a warm process. So the page makes its
 * worker ahead and has it walk the real path (readWerkboek, analyse, buildKaartModel) a few times
 * on a small workbook made here, in short steps: a real request waits at most one step. On the
 * page the workbook also goes through an .xlsx and back (exceljs), as an opened file does.
 * No file, no fetch.
 */
import { analyse } from '../core/analysis/analyse';
import { rdToWgs84 } from '../core/geometry/crs';
import { prng } from '../core/prng';
import type { CellValue, Position, RawTable, RawWerkboek } from '../core/types';
import { readWerkboek } from '../core/werkboek/read';
import { buildParenModel, buildWerkenModel } from './kaart-model';
import { plannerVelden } from './planner';

/** south-west corner of the made-up buurten, RD New metres (Utrecht) */
const X0 = 133_000;
const Y0 = 453_000;
/** 4 × 4 buurten of 600 m, streets every 80 m */
const BUURT = 600;
const RASTER = 4;
const STRAAT = 80;
const CATEGORIEEN = ['warmtenet', 'riolering', 'groen', 'elektriciteit', 'gas', 'drinkwater', 'glasvezel', 'herinrichting'];

const tabel = (name: string, headers: string[], rows: CellValue[][]): RawTable =>
  ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows, isTable: true });

const rdTekst = (ps: Position[]): string => ps.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`).join(', ');
const wgs = (ps: Position[]): Position[] => ps.map((p) => rdToWgs84(p).map((v) => Math.round(v * 1e8) / 1e8) as Position);

/** a buurt's square with a vertex every 50 m, as real outlines have many */
function vierkant(x: number, y: number): Position[] {
  const ring: Position[] = [];
  const zijde = (fx: number, fy: number, dx: number, dy: number) => {
    for (let s = 0; s < BUURT; s += 50) ring.push([fx + dx * s, fy + dy * s]);
  };
  zijde(x, y, 1, 0);
  zijde(x + BUURT, y, 0, 1);
  zijde(x + BUURT, y + BUURT, -1, 0);
  zijde(x, y + BUURT, 0, -1);
  ring.push([x, y]);
  return ring;
}

/** a stretch of a made-up street: vertices every 20-40 m, a little off the straight line */
function stretch(rand: () => number): Position[] {
  const langs = rand() < 0.5;
  const straat = Math.floor(rand() * (RASTER * BUURT / STRAAT)) * STRAAT + STRAAT / 2 + (rand() < 0.3 ? 1 + rand() * 4 : 0);
  const van = rand() * (RASTER * BUURT - 450);
  const tot = van + 50 + rand() * 400;
  const out: Position[] = [];
  for (let s = van; s < tot; s += 20 + rand() * 20) {
    const opzij = straat + (rand() - 0.5);
    out.push(langs ? [X0 + s, Y0 + opzij] : [X0 + opzij, Y0 + s]);
  }
  return out.length > 1 ? out : [[X0 + van, Y0 + straat], [X0 + tot, Y0 + straat]];
}

/** a work's geometry cell, spelled in the ways planners do (WKT, EWKT, GeoJSON; RD and WGS84) */
function geometrie(rand: () => number): string {
  const lijn = stretch(rand);
  const soort = rand();
  const spelling = Math.floor(rand() * 3);
  if (soort < 0.15) {
    const p = lijn[0];
    return spelling === 0 ? `POINT(${rdTekst([p])})` : JSON.stringify({ type: 'Point', coordinates: wgs([p])[0] });
  }
  if (soort < 0.75) {
    if (spelling === 0) return `LINESTRING(${rdTekst(lijn)})`;
    if (spelling === 1) return `SRID=4326;LINESTRING(${wgs(lijn).map((p) => p.join(' ')).join(', ')})`;
    return JSON.stringify({ type: 'LineString', coordinates: wgs(lijn) });
  }
  // a strip 3-8 m either side of the stretch
  const b = 3 + rand() * 5;
  const [a, z] = [lijn[0], lijn[lijn.length - 1]];
  const [x0, x1, y0, y1] = [Math.min(a[0], z[0]) - b, Math.max(a[0], z[0]) + b, Math.min(a[1], z[1]) - b, Math.max(a[1], z[1]) + b];
  const ring: Position[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  return spelling === 2 ? JSON.stringify({ type: 'Polygon', coordinates: [wgs(ring)] }) : `POLYGON((${rdTekst(ring)}))`;
}

/** a date as planners write it: ISO, an Excel serial, Dutch, or a year-quarter */
function datum(dag: number, vorm: number): CellValue {
  const iso = new Date(dag * 86_400_000).toISOString().slice(0, 10);
  if (vorm === 0) return iso;
  if (vorm === 1) return dag + 25_569;
  if (vorm === 2) return iso.split('-').reverse().join('-');
  return `${iso.slice(0, 4)} Q${Math.floor(Number(iso.slice(5, 7)) / 3.01) + 1}`;
}

/**
 * A small workbook with every table, made in code from a seed: 16 buurten and `n` works on a grid
 * of streets, dense enough that many pairs qualify.
 *
 * @example
 * readWerkboek(opwarmWerkboek(300, 1)).werken.length; // 300
 */
export function opwarmWerkboek(n: number, seed: number): RawWerkboek {
  const rand = prng(seed);
  const buurten: CellValue[][] = [];
  for (let i = 0; i < RASTER * RASTER; i++) {
    const ring = vierkant(X0 + (i % RASTER) * BUURT, Y0 + Math.floor(i / RASTER) * BUURT);
    buurten.push([`BU0344${String(i).padStart(4, '0')}`, `Buurt ${i}`, `WK0344${Math.floor(i / RASTER)}`, `Wijk ${Math.floor(i / RASTER)}`,
      `POLYGON((${rdTekst(ring)}))`, 500 + 37 * i]);
  }
  const dag0 = Date.UTC(2026, 0, 1) / 86_400_000;
  const werken: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const start = dag0 + Math.floor(rand() * 1500);
    werken.push([`OW${i}`, CATEGORIEEN[i % CATEGORIEEN.length], `eigenaar ${i % 5}`, `werk ${i}`,
      datum(start, i % 4), datum(start + 30 + Math.floor(rand() * 600), (i + 1) % 4), geometrie(rand)]);
  }
  return {
    buurten: tabel('Buurten', ['buurtcode', 'buurtnaam', 'wijkcode', 'wijknaam', 'geometrie', 'inwoners'], buurten),
    werken: tabel('Werken', ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie'], werken),
    koppelkansen: tabel('Koppelkansen', ['id', 'buurtcode', 'thema', 'soort', 'omschrijving'],
      buurten.map((b, i) => [`K${i}`, b[0], 'Gezondheid', 'gebiedsgericht', ''])),
    meekoppelkansen: tabel('Meekoppelkansen', ['id', 'status', 'notitie'], [['MK-OW0-OW1', 'in overleg', '']]),
  };
}

/**
 * Works in warm-up round `r` (from 0) of at most `n`: doubling from 50.
 *
 * @example
 * [0, 1, 2, 3, 4].map((r) => rondeGrootte(r, 400)); // [50, 100, 200, 400, 400]
 */
export const rondeGrootte = (r: number, n: number): number => Math.min(n, 50 * 2 ** r);

type Stap = 'maken' | 'lezen' | 'analyse' | 'kaart';

/**
 * The real path on one workbook, a step at a time (each yield a point where a request may take over).
 *
 * @example
 * for (const stap of opwarmPad(raw)) await pauze(); // 'lezen', 'analyse', 'kaart'
 */
export function* opwarmPad(raw: RawWerkboek): Generator<Stap> {
  const werkboek = readWerkboek(raw);
  yield 'lezen';
  const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels, { onProgress: () => undefined });
  yield 'analyse';
  const deel = buildWerkenModel(werkboek);
  yield 'kaart';
  buildParenModel(paren, deel.werken, plannerVelden(raw.meekoppelkansen));
}

/**
 * The warm-up as steps: `rondes` times the real path on a workbook of up to `n` works (a new seed
 * each round). The first rounds are small: a cold worker is slowest there, and a request waits
 * at most one step. Volume matters more than variety: a few thousand works in all got a big
 * workbook's read and engine close to a warm process's times, a thousand did not (measured in
 * Node and Chromium).
 *
 * @example
 * for (const stap of opwarmStappen()) await pauze(); // stap: 'maken', 'lezen', 'analyse', 'kaart', ...
 */
export function* opwarmStappen(rondes = 14, n = 400): Generator<Stap> {
  for (let r = 0; r < rondes; r++) {
    const raw = opwarmWerkboek(rondeGrootte(r, n), r + 1);
    yield 'maken';
    yield* opwarmPad(raw);
  }
}

/**
 * exceljs's Workbook class, loaded (the commonjs build puts it on default when imported from an ES
 * module, as in read-xlsx.ts). Loading is a warm-up step of its own: it is the longest part of a
 * first write.
 *
 * @example
 * const wb = new (await exceljsWorkbook())();
 */
export async function exceljsWorkbook(): Promise<typeof import('exceljs').Workbook> {
  const ExcelJS = await import('exceljs');
  return (ExcelJS as unknown as { Workbook?: typeof ExcelJS.Workbook }).Workbook
    ?? (ExcelJS as unknown as { default: typeof ExcelJS }).default.Workbook;
}

/**
 * A warm-up workbook as .xlsx bytes, written with exceljs, a sheet per table.
 *
 * @example
 * const bytes = await naarXlsx(opwarmWerkboek(400, 100)); // then readXlsx(bytes), as an opened file
 */
export async function naarXlsx(raw: RawWerkboek): Promise<Uint8Array> {
  const wb = new (await exceljsWorkbook())();
  for (const t of [raw.buurten, raw.werken, raw.koppelkansen, raw.meekoppelkansen]) {
    if (!t) continue;
    const ws = wb.addWorksheet(t.name);
    ws.addRow(t.headers);
    for (const row of t.rows) ws.addRow(row.map((c) => (c !== null && typeof c === 'object' ? null : c)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A warm-up workbook written to an .xlsx and read back as an opened file is: the tables then hold
 * exceljs's strings and numbers, and exceljs itself is warm for the real file.
 *
 * @example
 * const raw = await viaXlsx(opwarmWerkboek(400, 100)); // raw.werken?.rows.length === 400
 */
export async function viaXlsx(raw: RawWerkboek): Promise<RawWerkboek> {
  const { readXlsx } = await import(/* webpackChunkName: "read-xlsx" */ '../file/read-xlsx');
  return readXlsx(await naarXlsx(raw));
}

/** Works in warm-up round `r` (from 0) through an .xlsx: small first, exceljs is slowest cold. */
export const xlsxRondeGrootte = (r: number): number => [25, 100, 400, 400, 400, 400, 400][r] ?? 0;
