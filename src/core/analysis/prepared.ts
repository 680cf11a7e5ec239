/**
 * A geometry flattened into typed arrays for the hot path: vertices in one Float64Array, part
 * boundaries in an Int32Array, and its bbox. Points are parts of one vertex.
 */
import type { RdGeometry } from '../types';
import { flatOf, flatten, type PreparedGeometry } from '../geometry/flat';
import { insideRing } from '../geometry/planar';

export type { KindCode, PreparedGeometry } from '../geometry/flat';

/**
 * Flattens an RD geometry: a parsed one already is (its flat form is returned, not copied).
 *
 * @example
 * prepare({ crs: 'rd', kind: 'line', lines: [[[0, 0], [10, 0]]] }).parts; // Int32Array [0, 2]
 */
export function prepare(g: RdGeometry): PreparedGeometry {
  return flatOf(g) ?? flatten(g);
}

/**
 * Point in polygon(s), even-odd over all rings: holes and separate polygons both come out right
 * for valid input.
 *
 * @example
 * insidePolygon(prepare({ crs: 'rd', kind: 'poly', polygons: [[[[0, 0], [10, 0], [10, 10], [0, 0]]]] }), 8, 2); // true
 */
export function insidePolygon(g: PreparedGeometry, x: number, y: number): boolean {
  if (x < g.minX || x > g.maxX || y < g.minY || y > g.maxY) return false;
  let inside = false;
  for (let r = 0; r + 1 < g.parts.length; r++) {
    // rings are closed, so the closing edge is already a real edge: skip the duplicate last vertex
    if (insideRing(x, y, g.xy, g.parts[r], g.parts[r + 1] - g.parts[r] - 1)) inside = !inside;
  }
  return inside;
}
