/**
 * One geometry cell to an RD New geometry: read the text, decide the CRS, project, check.
 */
import type { GeometryParseResult, Position, RdGeometry } from '../types';
import { FlatBuilder } from './builder';
import { crsOfFlat, detectCrs, projectFlatInPlace, projectShapeInPlace } from './crs';
import { flatten, lazyGeometry } from './flat';
import { plainLines, plainPolygons } from './flatcheck';
import { readGeoJson } from './geojson';
import { scanGeoJson } from './geojsonscan';
import { checkPolygons } from './polygon';
import { forEachPart, type ReadResult, type ReadShape, type Shape } from './shape';
import { readWkt, readWktInto, type BuiltResult } from './wkt';

const EXAMPLE = 'Gebruik WKT (LINESTRING(136603.38 455665.99, 136636.68 455681.66)), EWKT (SRID=28992;POINT(...)) of GeoJSON.';

// one builder for every cell: parsing is synchronous, and the builder's scratch is copied out at the end
const builder = new FlatBuilder();

const PLAIN: BuiltResult = { ok: true, srid: undefined, droppedOrdinates: false };

/** reads the trimmed text into the builder: WKT, and GeoJSON of the plain form; other GeoJSON as nested lists */
function read(t: string): BuiltResult | ReadResult {
  if (t === '') return { ok: false, melding: `De geometrie is leeg. ${EXAMPLE}` };
  if (t.startsWith('{')) return scanGeoJson(t, builder) ? PLAIN : readGeoJson(t);
  // a letter (SRID=... starts with one too): WKT
  const first = t.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122) return readWktInto(t, builder);
  return { ok: false, melding: `De geometrie is niet te lezen. ${EXAMPLE}` };
}

/**
 * The text without the white space around it. Every character trim() removes is a control
 * character, a space or beyond ASCII, so a text whose ends are printable ASCII is kept as it is:
 * trim() would flatten a rope of joined pieces first, a copy (measured: ~0.5 µs a cell).
 */
function trimmed(text: string): string {
  const a = text.charCodeAt(0), z = text.charCodeAt(text.length - 1);
  return a > 32 && a < 127 && z > 32 && z < 127 ? text : text.trim();
}

/** the same text as nested lists, for the checks that have the words */
function readNested(t: string): ReadResult {
  return t.startsWith('{') ? readGeoJson(t) : readWkt(t);
}

function isEmpty(shape: Shape): boolean {
  let any = false;
  forEachPart(shape, (part) => (any ||= part.length > 0));
  return !any;
}

/** lines need two distinct points per part */
function checkLines(lines: Position[][]): string | undefined {
  for (const l of lines) {
    let distinct = false;
    for (let i = 1; i < l.length && !distinct; i++) distinct = l[i][0] !== l[0][0] || l[i][1] !== l[0][1];
    if (!distinct) {
      return 'Een lijn heeft minder dan twee verschillende punten. Geef minstens twee punten, of gebruik POINT.';
    }
  }
  return undefined;
}

/**
 * Reads a geometry cell: WKT, EWKT (`SRID=28992;...` or `SRID=4326;...`) or GeoJSON geometry text;
 * Point, LineString, Polygon and their Multi forms. WGS84 input is projected to RD New with the
 * definition of regels.md. Repairs (closing a ring, swapping lat/lon, dropping heights, fixing a
 * self-intersection without changing the area) come back as Dutch `warnings`; anything that cannot
 * be used comes back as `ok: false` with a Dutch `melding` saying how to fix it.
 *
 * @example
 * parseGeometry('LINESTRING(136603.38 455665.99, 136636.68 455681.66)');
 * // { ok: true, sourceCrs: 'rd', warnings: [], geometry: { crs: 'rd', kind: 'line', lines: [[[136603.38, 455665.99], [136636.68, 455681.66]]] } }
 */
export function parseGeometry(text: string): GeometryParseResult {
  const t = trimmed(text);
  const r = read(t);
  if (!r.ok) return r;
  if ('value' in r) return finishShape(r.value);
  const plain = finishBuilt(r.srid, r.droppedOrdinates);
  if (plain) return plain;
  // a melding, a repair or a warning: the nested path has the words. The builder may hold projected
  // numbers by now, so the text is read again (rare: only for cells that are not plain)
  const nested = readNested(t);
  return nested.ok ? finishShape(nested.value) : nested;
}

function warningsOf(droppedOrdinates: boolean, swapped: boolean): string[] {
  const warnings: string[] = [];
  if (droppedOrdinates) warnings.push('De geometrie had hoogte- of meetwaarden (Z/M); die zijn weggelaten. Geef alleen x en y in de cel om deze melding weg te nemen.');
  if (swapped) warnings.push('De coördinaten stonden als breedte lengte; ze zijn omgedraaid naar lengte breedte. Controleer de ligging.');
  return warnings;
}

/** the usual cell, on the builder: undefined when any check would answer a melding or change the geometry */
function finishBuilt(srid: number | undefined, droppedOrdinates: boolean): GeometryParseResult | undefined {
  const b = builder;
  if (b.n === 0) return undefined;
  const crs = crsOfFlat(b.xy, b.n, srid);
  if (!crs) return undefined;
  if (crs.crs === 'wgs84') projectFlatInPlace(b.xy, b.n, crs.swapped);
  if (b.kind === 1 && !plainLines(b)) return undefined;
  if (b.kind === 2 && !plainPolygons(b)) return undefined;
  return { ok: true, geometry: lazyGeometry(b.toFlat()), sourceCrs: crs.crs, warnings: warningsOf(droppedOrdinates, crs.swapped) };
}

/** a read shape to its result: CRS, projection, checks, flat form; every melding and repair is said here */
function finishShape({ shape, srid, droppedOrdinates }: ReadShape): GeometryParseResult {
  if (isEmpty(shape)) return { ok: false, melding: `De geometrie is leeg. Vul de coördinaten van het werk in. ${EXAMPLE}` };
  const crs = detectCrs(shape, srid);
  if (!crs.ok) return crs;
  const warnings = warningsOf(droppedOrdinates, crs.swapped);
  let rd: Shape = shape;
  // the reader's arrays are fresh, so projecting in place saves a copy of every position
  if (crs.crs === 'wgs84') projectShapeInPlace(shape, crs.swapped);
  if (rd.kind === 'line') {
    const bad = checkLines(rd.lines);
    if (bad) return { ok: false, melding: bad };
  }
  if (rd.kind === 'poly') {
    const checked = checkPolygons(rd.polygons);
    if (!checked.ok) return checked;
    warnings.push(...checked.warnings);
    rd = { kind: 'poly', polygons: checked.polygons };
  }
  // the flat form only: the reader's lists die young instead of being copied by every collection
  const geometry: RdGeometry = lazyGeometry(flatten(rd));
  return { ok: true, geometry, sourceCrs: crs.crs, warnings };
}
