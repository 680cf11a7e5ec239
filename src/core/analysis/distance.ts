/**
 * `ST_DWithin(a, b, d)` exactly: segment–segment distances, plus containment in polygons.
 */
import { len, pointSegmentDist2, segmentDistance } from '../geometry/planar';
import { insidePolygon, type PreparedGeometry } from './prepared';

/**
 * Gap between two bboxes (0 when they overlap).
 *
 * @example
 * bboxGap({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, { minX: 4, minY: 0, maxX: 5, maxY: 1 }); // 3
 */
export function bboxGap(a: Bbox, b: Bbox): number {
  const dx = Math.max(0, a.minX - b.maxX, b.minX - a.maxX);
  const dy = Math.max(0, a.minY - b.maxY, b.minY - a.maxY);
  return len(dx, dy);
}

/** An axis-aligned box. */
export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** true when some part of `a` starts inside polygon `b`: a part that does not cross b's boundary is then wholly inside */
function partStartsInside(a: PreparedGeometry, b: PreparedGeometry): boolean {
  for (let p = 0; p + 1 < a.parts.length; p++) {
    const v = a.parts[p];
    if (insidePolygon(b, a.xy[2 * v], a.xy[2 * v + 1])) return true;
  }
  return false;
}

/** index of the last vertex of segment k's far end: a one-vertex part is a degenerate segment */
function segmentsOf(g: PreparedGeometry, p: number): number {
  const n = g.parts[p + 1] - g.parts[p];
  return n === 1 ? 1 : n - 1;
}

/** true when some segment of a is within d of some segment of b */
function segmentsWithin(a: PreparedGeometry, b: PreparedGeometry, d: number): boolean {
  const A = a.xy, B = b.xy;
  for (let p = 0; p + 1 < a.parts.length; p++) {
    const na = segmentsOf(a, p), one = na === 1 && a.parts[p + 1] - a.parts[p] === 1;
    for (let k = 0; k < na; k++) {
      const i = a.parts[p] + k, j = one ? i : i + 1;
      const ax = A[2 * i], ay = A[2 * i + 1], bx = A[2 * j], by = A[2 * j + 1];
      const minX = Math.min(ax, bx) - d, maxX = Math.max(ax, bx) + d, minY = Math.min(ay, by) - d, maxY = Math.max(ay, by) + d;
      if (maxX < b.minX || minX > b.maxX || maxY < b.minY || minY > b.maxY) continue;
      for (let q = 0; q + 1 < b.parts.length; q++) {
        const nb = segmentsOf(b, q), oneB = nb === 1 && b.parts[q + 1] - b.parts[q] === 1;
        for (let m = 0; m < nb; m++) {
          const s = b.parts[q] + m, t = oneB ? s : s + 1;
          const cx = B[2 * s], cy = B[2 * s + 1], dx = B[2 * t], dy = B[2 * t + 1];
          if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
          const dist = one && oneB ? len(ax - cx, ay - cy)
            : one ? Math.sqrt(pointSegmentDist2(ax, ay, cx, cy, dx, dy))
              : segmentDistance(ax, ay, bx, by, cx, cy, dx, dy);
          if (dist <= d) return true;
        }
      }
    }
  }
  return false;
}

/**
 * True when the two geometries are at most `d` apart, as PostGIS `ST_DWithin` (touching at
 * exactly d counts; a geometry inside a polygon is at distance 0).
 *
 * @example
 * withinDistance(prepare(lineA), prepare(lineB), 10); // true when the lines come within 10 m
 */
export function withinDistance(a: PreparedGeometry, b: PreparedGeometry, d: number): boolean {
  if (bboxGap(a, b) > d) return false;
  if (b.kind === 2 && partStartsInside(a, b)) return true;
  if (a.kind === 2 && partStartsInside(b, a)) return true;
  return segmentsWithin(a, b, d);
}
