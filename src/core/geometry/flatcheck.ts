/**
 * The line and polygon checks of `parseGeometry`, run on a `FlatBuilder` for the usual cell: they
 * answer true only when the nested checks (`checkPolygons` and the line test in parse.ts) would
 * pass the geometry untouched, without a melding, repair or warning. Anything else answers false
 * and the cell goes the nested way, which has the words; so these need not say why.
 */
import type { FlatBuilder } from './builder';
import { insideRing, segmentsIntersect } from './planar';
import { isSimpleRing } from './simple';

/**
 * True when every line part has two distinct points.
 *
 * @example
 * const b = new FlatBuilder();
 * readWktInto('LINESTRING(0 0, 0 0)', b);
 * plainLines(b); // false
 */
export function plainLines(b: FlatBuilder): boolean {
  const xy = b.xy;
  for (let k = 0; k < b.nParts; k++) {
    const from = b.startOf(k), to = b.endOf(k);
    let distinct = false;
    for (let v = from + 1; v < to && !distinct; v++) distinct = xy[2 * v] !== xy[2 * from] || xy[2 * v + 1] !== xy[2 * from + 1];
    if (!distinct) return false;
  }
  return true;
}

/** closed, at least 4 vertices, no repeated neighbours, an area: what checkPolygons keeps as it is */
function plainRing(xy: Float64Array, from: number, to: number): boolean {
  if (to - from < 4) return false;
  for (let v = from + 1; v < to; v++) if (xy[2 * v] === xy[2 * v - 2] && xy[2 * v + 1] === xy[2 * v - 1]) return false;
  if (xy[2 * from] !== xy[2 * to - 2] || xy[2 * from + 1] !== xy[2 * to - 1]) return false;
  // the shoelace sum in the order of ringArea, so a zero comes out the same
  let s = 0;
  for (let i = from; i + 1 < to; i++) s += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
  return s / 2 !== 0;
}

/** [minX, minY, maxX, maxY] of vertices from..to-1 */
function boxOf(xy: Float64Array, from: number, to: number): number[] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = from; v < to; v++) {
    minX = Math.min(minX, xy[2 * v]); minY = Math.min(minY, xy[2 * v + 1]);
    maxX = Math.max(maxX, xy[2 * v]); maxY = Math.max(maxY, xy[2 * v + 1]);
  }
  return [minX, minY, maxX, maxY];
}

/** true when some edge of ring a shares a point with some edge of ring b (parts ka and kb) */
function ringsTouch(b: FlatBuilder, ka: number, kb: number): boolean {
  const xy = b.xy, a0 = b.startOf(ka), a1 = b.endOf(ka), b0 = b.startOf(kb), b1 = b.endOf(kb);
  const [aMinX, aMinY, aMaxX, aMaxY] = boxOf(xy, a0, a1), [bMinX, bMinY, bMaxX, bMaxY] = boxOf(xy, b0, b1);
  if (aMaxX < bMinX || bMaxX < aMinX || aMaxY < bMinY || bMaxY < aMinY) return false;
  for (let i = a0; i + 1 < a1; i++) {
    for (let j = b0; j + 1 < b1; j++) {
      if (segmentsIntersect(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], xy[2 * j], xy[2 * j + 1], xy[2 * j + 2], xy[2 * j + 3])) return true;
    }
  }
  return false;
}

/** the first vertex of part k inside closed ring part r (crossing number, as checkPolygons tests it) */
function firstInside(b: FlatBuilder, k: number, r: number): boolean {
  const v = b.startOf(k), from = b.startOf(r);
  return insideRing(b.xy[2 * v], b.xy[2 * v + 1], b.xy, from, b.endOf(r) - from - 1);
}

/** the `plainlyValid` of checkPolygons: rings simple and apart, holes inside their own shell only, shells apart */
function plainlyValid(b: FlatBuilder): boolean {
  const n = b.nParts;
  for (let k = 0; k < n; k++) if (!isSimpleRing(b.xy, b.startOf(k), b.endOf(k) - b.startOf(k))) return false;
  for (let ka = 0; ka < n; ka++) for (let kb = ka + 1; kb < n; kb++) if (ringsTouch(b, ka, kb)) return false;
  const shellOf = new Int32Array(n);
  for (let k = 0; k < n; k++) shellOf[k] = b.shells[k] === 1 ? k : shellOf[k - 1];
  for (let k = 0; k < n; k++) {
    if (b.shells[k] === 1) {
      for (let q = 0; q < n; q++) if (q !== k && b.shells[q] === 1 && firstInside(b, k, q)) return false;
      continue;
    }
    if (!firstInside(b, k, shellOf[k])) return false;
    for (let m = shellOf[k] + 1; m < n && b.shells[m] === 0; m++) if (m !== k && firstInside(b, k, m)) return false;
  }
  return true;
}

/**
 * True when `checkPolygons` would keep these polygons as they are, with no warning: closed rings
 * of four or more points, no repeated neighbours, an area, and valid without asking jsts.
 *
 * @example
 * const b = new FlatBuilder();
 * readWktInto('POLYGON((0 0, 10 0, 10 10, 0 0))', b);
 * plainPolygons(b); // true (and false for the same ring left open)
 */
export function plainPolygons(b: FlatBuilder): boolean {
  for (let k = 0; k < b.nParts; k++) if (!plainRing(b.xy, b.startOf(k), b.endOf(k))) return false;
  if (b.nParts === 1) return isSimpleRing(b.xy, 0, b.n);
  return plainlyValid(b);
}
