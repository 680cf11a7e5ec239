/**
 * Which CRS a geometry's numbers are in, and the projection between WGS84 and RD New.
 */
import proj4 from 'proj4';
import type { Position, RdGeometry, WgsGeometry } from '../types';
import { allPositions, forEachPart, forEachPosition, mapPositions, type Shape } from './shape';

/** RD New exactly as PostGIS 3.3 ships it (spatial_ref_sys 28992), so both agree to millimetres. */
export const RD_NEW_PROJ4 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.2369,50.0087,465.658,-0.406857,0.350733,-1.87035,4.0812 +units=m +no_defs';
/** WGS84 lon/lat as PostGIS spells it for 4326 */
export const WGS84_PROJ4 = '+proj=longlat +datum=WGS84 +no_defs';

// one converter for the whole run: building it parses the definition, which costs far more than a point
const converter = proj4(WGS84_PROJ4, RD_NEW_PROJ4);
// proj4.transform on the two cached projections skips the converter's wrapping (~15% per point, measured)
const wgsProj = proj4.Proj(WGS84_PROJ4);
const rdProj = proj4.Proj(RD_NEW_PROJ4);

/**
 * Projects one WGS84 `[lon, lat]` to RD New `[x, y]` (proj4, the definition of regels.md).
 *
 * @example
 * wgs84ToRd([5.1214, 52.0907]); // ≈ [136783.72, 455860.14]
 */
export function wgs84ToRd(p: Position): Position {
  const r = project(p[0], p[1]);
  return [r.x, r.y];
}

// a z keeps proj4 from deleting it on the result, which would turn every answer into a slow dictionary object
const input = { x: 0, y: 0, z: 0 };

function project(lon: number, lat: number): { x: number; y: number } {
  input.x = lon;
  input.y = lat;
  const r = proj4.transform(wgsProj, rdProj, input, false);
  if (!r) throw new Error(`proj4 could not project (${lon} ${lat}); call wgs84ToRd with WGS84 lon/lat only.`);
  return r;
}

/**
 * Projects every WGS84 position of a shape to RD New in place (the reader's arrays are its own);
 * `swapped` reads each position as [lat, lon].
 *
 * @example
 * const s: Shape = { kind: 'point', points: [[5.1214, 52.0907]] };
 * projectShapeInPlace(s, false); // s.points[0] ≈ [136783.72, 455860.14]
 */
export function projectShapeInPlace(shape: Shape, swapped: boolean): void {
  forEachPart(shape, (part) => {
    for (let i = 0; i < part.length; i++) {
      const p = part[i];
      const r = swapped ? project(p[1], p[0]) : project(p[0], p[1]);
      p[0] = r.x;
      p[1] = r.y;
    }
  });
}

/**
 * Projects the first `n` WGS84 vertices of a flat `[x0, y0, x1, y1, ...]` array to RD New in place,
 * with the same proj4 call per vertex as `projectShapeInPlace`; `swapped` reads each as [lat, lon].
 * A vertex equal to the first (a ring's closing vertex) takes the first one's answer: proj4 answers
 * the same numbers for the same numbers, and a call costs most of a microsecond.
 *
 * @example
 * const xy = Float64Array.of(5.1214, 52.0907);
 * projectFlatInPlace(xy, 1, false); // xy ≈ [136783.72, 455860.14]
 */
export function projectFlatInPlace(xy: Float64Array, n: number, swapped: boolean): void {
  if (n === 0) return;
  const x0 = xy[0], y0 = xy[1];
  const first = swapped ? project(y0, x0) : project(x0, y0);
  const rdX = first.x, rdY = first.y;
  xy[0] = rdX;
  xy[1] = rdY;
  for (let i = 2; i < 2 * n; i += 2) {
    const x = xy[i], y = xy[i + 1];
    // Object.is: -0 and 0 are different input
    if (Object.is(x, x0) && Object.is(y, y0)) {
      xy[i] = rdX;
      xy[i + 1] = rdY;
      continue;
    }
    const r = swapped ? project(y, x) : project(x, y);
    xy[i] = r.x;
    xy[i + 1] = r.y;
  }
}

/**
 * Projects one RD New `[x, y]` back to WGS84 `[lon, lat]`.
 *
 * @example
 * rdToWgs84([155000, 463000]); // ≈ [5.38720, 52.15517]
 */
export function rdToWgs84(p: Position): Position {
  const r = converter.inverse({ x: p[0], y: p[1] });
  return [r.x, r.y];
}

/**
 * An RD geometry in WGS84 lon/lat, for the map and for files.
 *
 * @example
 * toWgs84({ crs: 'rd', kind: 'point', points: [[155000, 463000]] }).points[0]; // ≈ [5.3872, 52.1552]
 */
export function toWgs84(g: RdGeometry): WgsGeometry {
  return { ...mapPositions(g, rdToWgs84), crs: 'wgs84' } as WgsGeometry;
}

/**
 * A WGS84 geometry projected to RD New.
 *
 * @example
 * toRd({ crs: 'wgs84', kind: 'point', points: [[5.3872, 52.1552]] }).points[0]; // ≈ [155000, 463000]
 */
export function toRd(g: WgsGeometry): RdGeometry {
  return { ...mapPositions(g, wgs84ToRd), crs: 'rd' } as RdGeometry;
}

const isRd = (x: number, y: number): boolean => x >= 0 && x <= 300000 && y >= 300000 && y <= 625000;
const isWgs = (x: number, y: number): boolean => x >= 3.2 && x <= 7.3 && y >= 50.7 && y <= 53.6;

/** What the numbers turned out to be. */
export type CrsGuess =
  | { ok: true; crs: 'rd' | 'wgs84'; swapped: boolean }
  | { ok: false; melding: string };

/**
 * What `detectCrs` answers for the first `n` vertices of a flat array when that answer is a CRS;
 * undefined when it would be a melding (ask `detectCrs` on the shape for the words).
 *
 * @example
 * crsOfFlat(Float64Array.of(52.09, 5.12), 1); // { ok: true, crs: 'wgs84', swapped: true }
 */
export function crsOfFlat(xy: Float64Array, n: number, srid?: number): Extract<CrsGuess, { ok: true }> | undefined {
  if (srid !== undefined && srid !== 28992 && srid !== 4326) return undefined;
  let rd = 0, wgs = 0, swapped = 0;
  for (let i = 0; i < 2 * n; i += 2) {
    const x = xy[i], y = xy[i + 1];
    if (isRd(x, y)) rd++;
    else if (isWgs(x, y)) wgs++;
    else if (isWgs(y, x)) swapped++;
    else return undefined;
  }
  const v = verdict(rd, wgs, swapped, srid);
  return v === 'rd' ? IS_RD : v === 'swapped' ? IS_WGS_SWAPPED : v === 'wgs84' ? IS_WGS : undefined;
}

/**
 * The one rule both CRS answers use, from the counts of vertices that read as RD, as WGS84 and as
 * swapped WGS84 (none outside all three): a CRS, or which mix or SRID conflict it is.
 */
function verdict(rd: number, wgs: number, swapped: number, srid?: number): 'rd' | 'wgs84' | 'swapped' | 'mixed' | 'mixed-order' | 'srid' {
  if (rd > 0 && wgs + swapped > 0) return 'mixed';
  if (wgs > 0 && swapped > 0) return 'mixed-order';
  if ((srid === 28992 && rd === 0) || (srid === 4326 && rd > 0)) return 'srid';
  return rd > 0 ? 'rd' : swapped > 0 ? 'swapped' : 'wgs84';
}

// the three answers, shared: one per cell would be garbage at once
const IS_RD = Object.freeze({ ok: true, crs: 'rd', swapped: false } as const);
const IS_WGS = Object.freeze({ ok: true, crs: 'wgs84', swapped: false } as const);
const IS_WGS_SWAPPED = Object.freeze({ ok: true, crs: 'wgs84', swapped: true } as const);

const fmt = (p: Position): string => `(${p[0]} ${p[1]})`;

function outside(p: Position, srid?: number): CrsGuess {
  const which = srid === 28992 ? 'RD New (x 0 – 300000, y 300000 – 625000)' : srid === 4326
    ? 'WGS84 in Nederland (lengte 3,2 – 7,3, breedte 50,7 – 53,6)'
    : 'Nederland: RD New (x 0 – 300000, y 300000 – 625000) of WGS84 (lengte 3,2 – 7,3, breedte 50,7 – 53,6)';
  return { ok: false, melding: `De coördinaat ${fmt(p)} ligt buiten ${which}. Controleer de coördinaten en hun volgorde.` };
}

/**
 * Decides the CRS of a shape: an explicit SRID (28992 or 4326) wins, else the coordinate ranges.
 * Latitude/longitude in swapped order is recognised (`swapped`); RD and WGS84 mixed is an error.
 *
 * @example
 * detectCrs({ kind: 'point', points: [[52.09, 5.12]] }); // { ok: true, crs: 'wgs84', swapped: true }
 */
export function detectCrs(shape: Shape, srid?: number): CrsGuess {
  if (srid !== undefined && srid !== 28992 && srid !== 4326) {
    return { ok: false, melding: `SRID ${srid} wordt niet ondersteund: gebruik SRID=28992 (RD New) of SRID=4326 (WGS84), of laat de SRID weg.` };
  }
  let rd = 0, wgs = 0, swapped = 0;
  let bad: Position | null = null;
  // a walk without flattening: this runs for every vertex of every work
  forEachPosition(shape, (x, y) => {
    if (isRd(x, y)) rd++;
    else if (isWgs(x, y)) wgs++;
    else if (isWgs(y, x)) swapped++;
    else bad ??= [x, y];
  });
  if (bad) return outside(bad, srid);
  const v = verdict(rd, wgs, swapped, srid);
  if (v === 'mixed') {
    return { ok: false, melding: 'De geometrie mengt RD-coördinaten (meters) en WGS84-coördinaten (graden). Geef alle punten in één stelsel.' };
  }
  if (v === 'mixed-order') {
    return { ok: false, melding: 'De geometrie mengt lengte/breedte en breedte/lengte. Geef alle punten als lengte breedte (bijv. 5.12 52.09).' };
  }
  if (v === 'srid') return outside(allPositions(shape)[0], srid);
  return { ok: true, crs: v === 'rd' ? 'rd' : 'wgs84', swapped: v === 'swapped' };
}
