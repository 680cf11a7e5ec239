// frozen copy of src/core/geometry/geojson.ts at 0741005, before the flat parser: the reference the differential test compares with
/**
 * Reads GeoJSON geometry text (a bare geometry, or a Feature holding one) with `JSON.parse`.
 */
import { isKnownType, shapeFromNested, type Nested, type ReadResult } from './shape';

const HELP = 'Schrijf bijvoorbeeld {"type":"LineString","coordinates":[[5.12,52.09],[5.13,52.09]]}.';

/** every leaf must be a finite number; JSON cannot hold NaN, but strings and nulls slip in */
function checkNumbers(n: unknown): string | undefined {
  if (Array.isArray(n)) {
    for (const c of n) {
      const bad = checkNumbers(c);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof n === 'number' && Number.isFinite(n)) return undefined;
  return `'${String(n)}' is geen eindig getal`;
}

/**
 * Reads a GeoJSON geometry (Point, LineString, Polygon and their Multi forms). Extra ordinates
 * (height) are dropped and reported by `droppedOrdinates`. An EPSG:28992 `crs` member sets the SRID.
 *
 * @example
 * readGeoJson('{"type":"Point","coordinates":[5.12,52.09]}');
 * // { ok: true, value: { shape: { kind: 'point', points: [[5.12, 52.09]] }, droppedOrdinates: false } }
 */
export function readGeoJson(text: string): ReadResult {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return { ok: false, melding: `De GeoJSON-tekst is geen geldige JSON. ${HELP}` };
  }
  let geom = obj as { type?: unknown; coordinates?: unknown; geometry?: unknown; crs?: unknown };
  if (geom && geom.type === 'Feature') geom = (geom.geometry ?? {}) as typeof geom;
  const type = typeof geom?.type === 'string' ? geom.type.toLowerCase() : '';
  if (type === 'geometrycollection') {
    return { ok: false, melding: 'Een GeometryCollection kan niet: geef per werk één soort geometrie (punt, lijn of vlak), eventueel als Multi-vorm.' };
  }
  if (!isKnownType(type)) return { ok: false, melding: `Onbekend GeoJSON-geometrietype '${String(geom?.type)}'. ${HELP}` };
  if (!Array.isArray(geom.coordinates)) return { ok: false, melding: `De GeoJSON-geometrie heeft geen 'coordinates'. ${HELP}` };
  const bad = checkNumbers(geom.coordinates);
  if (bad) return { ok: false, melding: `Een coördinaat is niet te lezen: ${bad}. ${HELP}` };
  try {
    const { shape, dropped } = shapeFromNested(type, geom.coordinates as Nested);
    const srid = /28992/.test(JSON.stringify(geom.crs ?? '')) ? 28992 : undefined;
    return { ok: true, value: { shape, srid, droppedOrdinates: dropped } };
  } catch (e) {
    return { ok: false, melding: `De GeoJSON-geometrie is niet te lezen: ${(e as Error).message} ${HELP}` };
  }
}
