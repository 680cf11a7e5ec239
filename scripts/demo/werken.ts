/**
 * Planned works for the demo workbook: stretches of real Utrecht streets (lines), herinrichting and
 * renovatie areas (polygons) and single objects (points), by the parties that plan in a city.
 * The warmtenet goes mostly to Overvecht, the first wijk off natural gas; the other parties work
 * there too, so meekoppelkansen arise where they would in practice.
 */
import * as turf from '@turf/turf';
import type { Feature, LineString, Polygon, Position as GjPosition } from 'geojson';
import { toRd } from '../../src/core/geometry/crs';
import { toWkt } from '../../src/core/geometry/write';
import type { Position, WgsGeometry } from '../../src/core/types';
import { Random } from './random';

export interface Straat {
  naam: string;
  buurten: string[];
  line: Feature<LineString>;
  lengteM: number;
}

type Vorm = 'line' | 'poly' | 'point';

interface Partij {
  prefix: string;
  eigenaar: string;
  categorie: string;
  aantal: number;
  /** share of the works in Overvecht (wijk 03) */
  overvecht: number;
  vormen: ReadonlyArray<readonly [Vorm, number]>;
  titel: (straat: string, vorm: Vorm) => string;
}

const PARTIJEN: readonly Partij[] = [
  { prefix: 'WU', eigenaar: 'Warmtebedrijf Utrecht', categorie: 'warmtenet', aantal: 46, overvecht: 0.85, vormen: [['line', 9], ['point', 1]],
    titel: (s, v) => (v === 'point' ? `Onderstation warmtenet ${s}` : `Aanleg warmtenet ${s}`) },
  { prefix: 'EW', eigenaar: 'Eneco Warmte', categorie: 'warmtenet', aantal: 14, overvecht: 0.7, vormen: [['line', 1]],
    titel: (s) => `Uitbreiding stadsverwarming ${s}` },
  { prefix: 'ST', eigenaar: 'Stedin', categorie: 'elektriciteit', aantal: 40, overvecht: 0.4, vormen: [['line', 4], ['point', 1]],
    titel: (s, v) => (v === 'point' ? `Nieuw middenspanningsstation ${s}` : `Verzwaring elektriciteitsnet ${s}`) },
  { prefix: 'SG', eigenaar: 'Stedin', categorie: 'gas', aantal: 18, overvecht: 0.7, vormen: [['line', 1]],
    titel: (s) => `Saneren gasleiding ${s}` },
  { prefix: 'VI', eigenaar: 'Vitens', categorie: 'drinkwater', aantal: 34, overvecht: 0.35, vormen: [['line', 6], ['point', 1]],
    titel: (s, v) => (v === 'point' ? `Vervangen brandkraan ${s}` : `Vervanging drinkwaterleiding ${s}`) },
  { prefix: 'GR', eigenaar: 'Gemeente Utrecht, riolering', categorie: 'riolering', aantal: 44, overvecht: 0.4, vormen: [['line', 6], ['point', 1]],
    titel: (s, v) => (v === 'point' ? `Renovatie gemaal ${s}` : `Vervanging riolering ${s}`) },
  { prefix: 'GG', eigenaar: 'Gemeente Utrecht, groen', categorie: 'groen', aantal: 22, overvecht: 0.35, vormen: [['line', 2], ['poly', 2]],
    titel: (s, v) => (v === 'poly' ? `Vergroening ${s}` : `Bomen vervangen ${s}`) },
  { prefix: 'GK', eigenaar: 'Gemeente Utrecht, klimaatadaptatie', categorie: 'klimaatadaptatie', aantal: 14, overvecht: 0.4, vormen: [['poly', 2], ['line', 1]],
    titel: (s) => `Wadi en afkoppelen hemelwater ${s}` },
  { prefix: 'GH', eigenaar: 'Gemeente Utrecht, wijkaanpak', categorie: 'herinrichting', aantal: 20, overvecht: 0.5, vormen: [['poly', 1]],
    titel: (s) => `Herinrichting ${s}` },
  { prefix: 'KPN', eigenaar: 'KPN', categorie: 'glasvezel', aantal: 30, overvecht: 0.3, vormen: [['line', 1]],
    titel: (s) => `Glasvezel ${s}` },
  { prefix: 'BX', eigenaar: 'Bo-Ex', categorie: 'renovatie', aantal: 12, overvecht: 0.5, vormen: [['poly', 3], ['point', 1]],
    titel: (s) => `Renovatie en isolatie woningen ${s}` },
  { prefix: 'MI', eigenaar: 'Mitros', categorie: 'renovatie', aantal: 14, overvecht: 0.6, vormen: [['poly', 3], ['point', 1]],
    titel: (s) => `Groot onderhoud portiekflats ${s}` },
];

const STATUSSEN = [['idee', 1], ['gepland', 4], ['in voorbereiding', 3], ['in uitvoering', 1]] as const;

/** One row of the Werken table, before the cells are spelled out. */
export interface WerkRij {
  id: string;
  categorie: string;
  eigenaar: string;
  titel: string;
  start: Date | string;
  eind: Date | string;
  geometrie: string;
  buffer_m: number | null;
  status: string;
  budget: number;
  contact: string;
}

/**
 * All demo works, in a stable order.
 *
 * @example
 * werken(straten, new Random(2026)).length; // 308
 */
export function werken(straten: readonly Straat[], random: Random): WerkRij[] {
  const overvecht = straten.filter((s) => s.buurten.some((b) => b.startsWith('03')));
  const elders = straten.filter((s) => !s.buurten.some((b) => b.startsWith('03')));
  const rows: WerkRij[] = [];
  for (const partij of PARTIJEN) {
    for (let i = 1; i <= partij.aantal; i++) {
      const straat = random.pick(random.chance(partij.overvecht) ? overvecht : elders);
      const vorm = random.weighted(partij.vormen);
      const geometry = vormOp(straat, vorm, random);
      const [start, eind] = periode(random);
      rows.push({
        id: `${partij.prefix}-${String(i).padStart(3, '0')}`,
        categorie: random.chance(0.1) ? partij.categorie.toUpperCase() : partij.categorie,
        eigenaar: partij.eigenaar,
        titel: partij.titel(straat.naam, vorm),
        ...datumCellen(start, eind, random),
        geometrie: spelling(geometry, random),
        buffer_m: random.chance(0.05) ? random.pick([15, 20, 25]) : null,
        status: random.weighted(STATUSSEN),
        budget: random.int(4, 400) * 5000,
        contact: `${partij.eigenaar.split(',')[0]}, projectleider ${String.fromCharCode(65 + random.int(0, 25))}. ${random.pick(['de Vries', 'Jansen', 'Bakker', 'El Amrani', 'Visser', 'Yilmaz', 'Smit', 'de Graaf'])}`,
      });
    }
  }
  return rows;
}

/** a stretch of the street (line), an area along it (polygon) or one spot on it (point), in WGS84 */
function vormOp(straat: Straat, vorm: Vorm, random: Random): WgsGeometry {
  const km = straat.lengteM / 1000;
  if (vorm === 'point') {
    const p = turf.along(straat.line, random.between(0, km)).geometry.coordinates;
    return { crs: 'wgs84', kind: 'point', points: [round(p)] };
  }
  const lengte = Math.min(km, random.between(0.06, 0.45));
  const from = random.between(0, km - lengte);
  const stuk = turf.lineSliceAlong(straat.line, from, from + lengte);
  if (vorm === 'line') return { crs: 'wgs84', kind: 'line', lines: [stuk.geometry.coordinates.map(round)] };
  const area = turf.buffer(stuk, random.between(12, 30), { units: 'meters', steps: 4 }) as Feature<Polygon>;
  return { crs: 'wgs84', kind: 'poly', polygons: [area.geometry.coordinates.map((ring) => ring.map(round))] };
}

/** start between 2026 and 2033, lasting one month to two years */
function periode(random: Random): [Date, Date] {
  const start = new Date(Date.UTC(2026 + random.int(0, 7), random.int(0, 11), random.int(1, 28)));
  const eind = new Date(start.getTime());
  eind.setUTCMonth(eind.getUTCMonth() + random.int(1, 24));
  return [start, eind];
}

/** the date spellings planners use: Excel dates, ISO, Dutch d-m-yyyy, year-quarter */
function datumCellen(start: Date, eind: Date, random: Random): { start: Date | string; eind: Date | string } {
  const form = random.weighted([['excel', 4], ['iso', 2], ['nl', 2], ['kwartaal', 1]] as const);
  if (form === 'excel') return { start, eind };
  if (form === 'iso') return { start: start.toISOString().slice(0, 10), eind: eind.toISOString().slice(0, 10) };
  if (form === 'nl') return { start: dutch(start), eind: dutch(eind) };
  const q = (d: Date, sep: string) => `${d.getUTCFullYear()}${sep}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  const sep = random.pick([' ', '-']);
  return { start: q(start, sep), eind: q(eind, sep) };
}

function dutch(d: Date): string {
  return `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;
}

/** RD New WKT, WGS84 WKT, GeoJSON or EWKT, as different partners deliver them */
function spelling(g: WgsGeometry, random: Random): string {
  const form = random.weighted([['rd', 5], ['wgs', 2], ['geojson', 2], ['ewkt-rd', 1], ['ewkt-wgs', 1]] as const);
  if (form === 'rd') return toWkt(toRd(g));
  if (form === 'ewkt-rd') return `SRID=28992;${toWkt(toRd(g))}`;
  if (form === 'wgs') return wgsWkt(g);
  if (form === 'ewkt-wgs') return `SRID=4326;${wgsWkt(g)}`;
  const coordinates = g.kind === 'point' ? g.points[0] : g.kind === 'line' ? g.lines[0] : g.polygons[0];
  return JSON.stringify({ type: g.kind === 'point' ? 'Point' : g.kind === 'line' ? 'LineString' : 'Polygon', coordinates });
}

/** WKT in degrees: seven decimals (about a centimetre), where the RD writer's three would be 100 m */
function wgsWkt(g: WgsGeometry): string {
  const pos = (p: Position) => `${p[0]} ${p[1]}`;
  const list = (ps: Position[]) => `(${ps.map(pos).join(', ')})`;
  if (g.kind === 'point') return `POINT(${pos(g.points[0])})`;
  if (g.kind === 'line') return `LINESTRING${list(g.lines[0])}`;
  return `POLYGON(${g.polygons[0].map(list).join(', ')})`;
}

function round(p: GjPosition): Position {
  return [Math.round(p[0] * 1e7) / 1e7, Math.round(p[1] * 1e7) / 1e7];
}
