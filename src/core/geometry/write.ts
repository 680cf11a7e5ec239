/**
 * Geometry to text: WKT in RD New for the workbook, GeoJSON for files and the map.
 */
import type { Geometry, Position, RdGeometry } from '../types';

/** millimetres are the finest the rules care about; more digits only add noise */
const num = (v: number): string => String(Math.round(v * 1000) / 1000);
const pos = (p: Position): string => `${num(p[0])} ${num(p[1])}`;
const list = (ps: Position[]): string => `(${ps.map(pos).join(', ')})`;
const rings = (rs: Position[][]): string => `(${rs.map(list).join(', ')})`;

/**
 * An RD geometry as WKT with at most 3 decimals; a Multi type only when there are several parts.
 *
 * @example
 * toWkt({ crs: 'rd', kind: 'line', lines: [[[136603.381, 455665.99], [136636.68, 455681.66]]] });
 * // 'LINESTRING(136603.381 455665.99, 136636.68 455681.66)'
 */
export function toWkt(g: RdGeometry): string {
  if (g.kind === 'point') {
    return g.points.length === 1 ? `POINT(${pos(g.points[0])})` : `MULTIPOINT(${g.points.map((p) => `(${pos(p)})`).join(', ')})`;
  }
  if (g.kind === 'line') return g.lines.length === 1 ? `LINESTRING${list(g.lines[0])}` : `MULTILINESTRING(${g.lines.map(list).join(', ')})`;
  return g.polygons.length === 1 ? `POLYGON${rings(g.polygons[0])}` : `MULTIPOLYGON(${g.polygons.map(rings).join(', ')})`;
}

/** A GeoJSON geometry object. */
export interface GeoJsonGeometry {
  type: 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon';
  coordinates: Position | Position[] | Position[][] | Position[][][];
}

/**
 * A geometry (RD or WGS84; the coordinates are written as they are) as a GeoJSON geometry object.
 *
 * @example
 * toGeoJson({ crs: 'wgs84', kind: 'point', points: [[5.12, 52.09]] }); // { type: 'Point', coordinates: [5.12, 52.09] }
 */
export function toGeoJson(g: Geometry<'rd' | 'wgs84'>): GeoJsonGeometry {
  if (g.kind === 'point') return g.points.length === 1 ? { type: 'Point', coordinates: g.points[0] } : { type: 'MultiPoint', coordinates: g.points };
  if (g.kind === 'line') return g.lines.length === 1 ? { type: 'LineString', coordinates: g.lines[0] } : { type: 'MultiLineString', coordinates: g.lines };
  return g.polygons.length === 1 ? { type: 'Polygon', coordinates: g.polygons[0] } : { type: 'MultiPolygon', coordinates: g.polygons };
}
