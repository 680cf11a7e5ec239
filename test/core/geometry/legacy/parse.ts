// frozen copy of src/core/geometry/parse.ts at 0741005, before the flat parser: the reference the differential test compares with
/**
 * One geometry cell to an RD New geometry: read the text, decide the CRS, project, check.
 */
import type { GeometryParseResult, Position, RdGeometry } from '../../../../src/core/types';
import { detectCrs, projectShapeInPlace } from './crs';
import { flatten, lazyGeometry } from './flat';
import { readGeoJson } from './geojson';
import { checkPolygons } from './polygon';
import { forEachPart, type ReadResult, type Shape } from './shape';
import { readWkt } from './wkt';

const EXAMPLE = 'Gebruik WKT (LINESTRING(136603.38 455665.99, 136636.68 455681.66)), EWKT (SRID=28992;POINT(...)) of GeoJSON.';

function read(text: string): ReadResult {
  const t = text.trim();
  if (t === '') return { ok: false, melding: `De geometrie is leeg. ${EXAMPLE}` };
  if (t.startsWith('{')) return readGeoJson(t);
  if (/^(srid\s*=|[a-z])/i.test(t)) return readWkt(t);
  return { ok: false, melding: `De geometrie is niet te lezen. ${EXAMPLE}` };
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
  const r = read(text);
  if (!r.ok) return r;
  const { shape, srid, droppedOrdinates } = r.value;
  if (isEmpty(shape)) return { ok: false, melding: `De geometrie is leeg. Vul de coördinaten van het werk in. ${EXAMPLE}` };
  const crs = detectCrs(shape, srid);
  if (!crs.ok) return crs;
  const warnings: string[] = [];
  if (droppedOrdinates) warnings.push('De geometrie had hoogte- of meetwaarden (Z/M); die zijn weggelaten. Geef alleen x en y in de cel om deze melding weg te nemen.');
  if (crs.swapped) warnings.push('De coördinaten stonden als breedte lengte; ze zijn omgedraaid naar lengte breedte. Controleer de ligging.');
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
