/**
 * A seeded generator of planned works at Utrecht-like density: copies of the real Utrecht street
 * network (assets/data/straten.geojson) tiled over RD space, one copy per ~400 works, so density
 * stays like Utrecht's whatever the size. Lines are sub-stretches of streets (some offset), polygons
 * are such stretches buffered (as ST_Buffer does, with jsts), points lie on streets. Geometry is
 * spelled in every way parseGeometry reads. Used by the bench and the PostGIS differential tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rdToWgs84, wgs84ToRd } from '../src/core/geometry/crs';
import { fromJstsPolygons, toJstsLine } from '../src/core/geometry/jsts';
import { prng } from '../src/core/prng';
import type { Position } from '../src/core/types';
import type { FixtureWerk } from '../test/fixtures/engine/load';

/** How a work's geometry is written. */
export type Spelling = 'rd-wkt' | 'wgs-wkt' | 'ewkt-rd' | 'ewkt-wgs' | 'geojson-rd' | 'geojson-wgs';

/** A generated work: a fixture work plus how its geometry was spelled. */
export interface GenWerk extends FixtureWerk {
  spelling: Spelling;
}

/** Options of the generator. */
export interface GenOptions {
  /** works per copy of Utrecht (default 400) */
  worksPerTile?: number;
  /** share of works with their own buffer_m (default 0) */
  bufferShare?: number;
  /** shares of lines and polygons; the rest are points (defaults 0.6 and 0.25) */
  lineShare?: number;
  polyShare?: number;
}

export { prng } from '../src/core/prng';

let streets: Position[][] | null = null;

/** the real Utrecht streets in RD New */
export function utrechtStreets(): Position[][] {
  if (!streets) {
    const fc = JSON.parse(readFileSync(join(__dirname, '../assets/data/straten.geojson'), 'utf8'));
    streets = fc.features.map((f: { geometry: { coordinates: Position[] } }) => f.geometry.coordinates.map(wgs84ToRd));
  }
  return streets as Position[][];
}

let cumulative: Float64Array | null = null;

/** index of a street, chosen with probability proportional to its length */
function pickByLength(u: number): number {
  if (!cumulative) {
    const net = utrechtStreets();
    cumulative = new Float64Array(net.length);
    let acc = 0;
    net.forEach((l, i) => (cumulative![i] = acc += lengthOf(l)));
  }
  const target = u * cumulative[cumulative.length - 1];
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** the part of a polyline between distances s0 and s1 along it */
function cut(line: Position[], s0: number, s1: number): Position[] {
  const out: Position[] = [];
  let acc = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i], [bx, by] = line[i + 1];
    const len = Math.hypot(bx - ax, by - ay);
    const from = Math.max(s0, acc), to = Math.min(s1, acc + len);
    if (to > from && len > 0) {
      const at = (s: number): Position => [ax + ((s - acc) / len) * (bx - ax), ay + ((s - acc) / len) * (by - ay)];
      if (out.length === 0) out.push(at(from));
      out.push(at(to));
    }
    acc += len;
  }
  return out;
}

const lengthOf = (l: Position[]): number => l.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - l[i][0], p[1] - l[i][1]), 0);
const r3 = (v: number): number => Math.round(v * 1000) / 1000;
const r8 = (v: number): number => Math.round(v * 1e8) / 1e8;

const CATEGORIES = ['warmtenet', 'riolering', 'groen', 'elektriciteit', 'gas', 'drinkwater', 'glasvezel', 'herinrichting'];
const SPELLINGS: Spelling[] = ['rd-wkt', 'rd-wkt', 'wgs-wkt', 'ewkt-rd', 'ewkt-wgs', 'geojson-rd', 'geojson-wgs'];

type Shape = { kind: 'point'; p: Position } | { kind: 'line'; l: Position[] } | { kind: 'poly'; rings: Position[][] };

function wkt(s: Shape, f: (p: Position) => string): string {
  if (s.kind === 'point') return `POINT(${f(s.p)})`;
  if (s.kind === 'line') return `LINESTRING(${s.l.map(f).join(', ')})`;
  return `POLYGON(${s.rings.map((r) => `(${r.map(f).join(', ')})`).join(', ')})`;
}

function geojson(s: Shape, f: (p: Position) => Position): string {
  if (s.kind === 'point') return JSON.stringify({ type: 'Point', coordinates: f(s.p) });
  if (s.kind === 'line') return JSON.stringify({ type: 'LineString', coordinates: s.l.map(f) });
  return JSON.stringify({ type: 'Polygon', coordinates: s.rings.map((r) => r.map(f)) });
}

const inWgsBox = ([x, y]: Position): boolean => x >= 3.2 && x <= 7.3 && y >= 50.7 && y <= 53.6;

/** writes a shape in the chosen spelling; WGS spellings fall back to RD outside the Dutch lon/lat box */
function spell(s: Shape, spelling: Spelling): { text: string; spelling: Spelling } {
  const rd = (p: Position): Position => [r3(p[0]), r3(p[1])];
  const wgs = (p: Position): Position => rdToWgs84(p).map(r8) as Position;
  const first = s.kind === 'point' ? s.p : s.kind === 'line' ? s.l[0] : s.rings[0][0];
  if (spelling.endsWith('wgs') && !inWgsBox(rdToWgs84(first))) spelling = spelling.replace('wgs', 'rd') as Spelling;
  const txt = (p: Position): string => p.join(' ');
  switch (spelling) {
    case 'rd-wkt': return { text: wkt(s, (p) => txt(rd(p))), spelling };
    case 'wgs-wkt': return { text: wkt(s, (p) => txt(wgs(p))), spelling };
    case 'ewkt-rd': return { text: `SRID=28992;${wkt(s, (p) => txt(rd(p)))}`, spelling };
    case 'ewkt-wgs': return { text: `SRID=4326;${wkt(s, (p) => txt(wgs(p)))}`, spelling };
    case 'geojson-rd': return { text: geojson(s, rd), spelling };
    default: return { text: geojson(s, wgs), spelling };
  }
}

/** one work's shape on a random street of the tile at (ox, oy) */
function shapeOn(rand: () => number, ox: number, oy: number, o: Required<GenOptions>): Shape {
  const net = utrechtStreets();
  // long streets get more works, as main roads do
  const street = net[pickByLength(rand())].map(([x, y]) => [x + ox, y + oy] as Position);
  const L = lengthOf(street);
  const want = Math.min(L, 50 + rand() * 450);
  const s0 = rand() * (L - want);
  let part = cut(street, s0, s0 + want);
  const k = rand();
  if (k >= o.lineShare + o.polyShare) {
    const p = part[Math.floor(rand() * part.length)];
    return { kind: 'point', p: [p[0] + (rand() - 0.5) * 6, p[1] + (rand() - 0.5) * 6] };
  }
  if (rand() < 0.3) {
    // a parallel stretch (other side of the street): shift along the normal of the chord
    const [a, b] = [part[0], part[part.length - 1]];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1, off = 1 + rand() * 5;
    part = part.map(([x, y]) => [x - ((b[1] - a[1]) / len) * off, y + ((b[0] - a[0]) / len) * off]);
  }
  if (k < o.lineShare) return { kind: 'line', l: part };
  const poly = fromJstsPolygons(toJstsLine([part]).buffer(3 + rand() * 5, 4))[0];
  return { kind: 'poly', rings: poly };
}

const isoOf = (day: number): string => new Date(day * 86400000).toISOString().slice(0, 10);

/**
 * `n` works from `seed`: same seed, same works.
 *
 * @example
 * const werken = generateWerken(1000, 42); // 1000 GenWerk over ~3 copies of Utrecht
 */
export function generateWerken(n: number, seed: number, opts: GenOptions = {}): GenWerk[] {
  const o: Required<GenOptions> = { worksPerTile: 400, bufferShare: 0, lineShare: 0.6, polyShare: 0.25, ...opts };
  const rand = prng(seed);
  const tiles = Math.max(1, Math.ceil(n / o.worksPerTile));
  const cols = Math.ceil(Math.sqrt(tiles));
  const day0 = Date.UTC(2025, 0, 1) / 86400000;
  const out: GenWerk[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % tiles;
    const ox = ((t % cols) - Math.floor(cols / 2)) * 15000, oy = (Math.floor(t / cols) - Math.floor(cols / 2)) * 10000;
    const shape = shapeOn(rand, ox, oy, o);
    const { text, spelling } = spell(shape, SPELLINGS[Math.floor(rand() * SPELLINGS.length)]);
    const start = day0 + Math.floor(rand() * 3650);
    const w: GenWerk = {
      id: `W${i}`, categorie: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
      start: isoOf(start), eind: isoOf(start + 30 + Math.floor(rand() * 700)), geometrie: text, spelling,
    };
    if (rand() < o.bufferShare) w.buffer_m = 5 + Math.floor(rand() * 16);
    out.push(w);
  }
  return out;
}
