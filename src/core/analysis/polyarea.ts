/**
 * area(P ∩ Q) for two polygons without building the intersection: by Green's theorem the area is
 * half the integral of (x dy − y dx) around the boundary of P ∩ Q, and that boundary is the parts of
 * P's edges inside Q plus the parts of Q's edges inside P. Each edge is cut where it crosses the
 * other polygon's edges; one midpoint per piece decides inside or outside. About 50 µs where a jsts
 * overlay takes a millisecond; edges that run along each other make the split ambiguous, and then
 * the answer is null so the caller falls back to jsts.
 */
import { len } from '../geometry/planar';
import { insidePolygon, type PreparedGeometry } from './prepared';

let cuts = new Float64Array(64);

/** signed area of ring r (positive when counter-clockwise) */
function ringSign(g: PreparedGeometry, r: number): number {
  let s = 0;
  const xy = g.xy;
  for (let i = g.parts[r]; i + 1 < g.parts[r + 1]; i++) s += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
  return s;
}

let near = new Int32Array(256);

/** fills `near` with the edges of q whose bbox meets p's bbox (no other edge of q can cut p's); returns how many */
function edgesNear(q: PreparedGeometry, p: PreparedGeometry): number {
  const Q = q.xy;
  let n = 0;
  if (near.length < Q.length / 2) near = new Int32Array(Q.length);
  for (let s = 0; s + 1 < q.parts.length; s++) {
    for (let j = q.parts[s]; j + 1 < q.parts[s + 1]; j++) {
      const cx = Q[2 * j], cy = Q[2 * j + 1], dx = Q[2 * j + 2], dy = Q[2 * j + 3];
      if (Math.max(cx, dx) < p.minX || Math.min(cx, dx) > p.maxX || Math.max(cy, dy) < p.minY || Math.min(cy, dy) > p.maxY) continue;
      near[n++] = j;
    }
  }
  return n;
}

/** sum of cross terms of p's edges inside q, each ring oriented shell-ccw / hole-cw; NaN on collinear overlap */
function insideEdges(p: PreparedGeometry, shellRings: Uint8Array, q: PreparedGeometry, ox: number, oy: number): number {
  const P = p.xy, Q = q.xy;
  const nearCount = edgesNear(q, p);
  let sum = 0;
  for (let r = 0; r + 1 < p.parts.length; r++) {
    // shells count counter-clockwise and holes clockwise: flip a ring drawn the other way
    const sign = (ringSign(p, r) > 0) === (shellRings[r] === 1) ? 1 : -1;
    for (let i = p.parts[r]; i + 1 < p.parts[r + 1]; i++) {
      const ax = P[2 * i], ay = P[2 * i + 1], bx = P[2 * i + 2], by = P[2 * i + 3];
      if (Math.max(ax, bx) < q.minX || Math.min(ax, bx) > q.maxX || Math.max(ay, by) < q.minY || Math.min(ay, by) > q.maxY) continue;
      const ex = bx - ax, ey = by - ay;
      let n = 0;
      for (let e = 0; e < nearCount; e++) {
        const j = near[e];
        const cx = Q[2 * j], cy = Q[2 * j + 1], dx = Q[2 * j + 2], dy = Q[2 * j + 3];
        if (Math.max(cx, dx) < Math.min(ax, bx) || Math.min(cx, dx) > Math.max(ax, bx)
          || Math.max(cy, dy) < Math.min(ay, by) || Math.min(cy, dy) > Math.max(ay, by)) continue;
        const fx = dx - cx, fy = dy - cy;
        const den = ex * fy - ey * fx;
        const wx = cx - ax, wy = cy - ay;
        const el = len(ex, ey), fl = len(fx, fy);
        if (Math.abs(den) <= 1e-12 * el * fl) {
          // parallel: on one line (within a micrometre) is the ambiguous case
          if (Math.abs(wx * ey - wy * ex) <= 1e-6 * el) return NaN;
          continue;
        }
        const t = (wx * fy - wy * fx) / den, u = (wx * ey - wy * ex) / den;
        if (t < 0 || t > 1 || u < 0 || u > 1) continue;
        if (n === cuts.length) {
          const bigger = new Float64Array(n * 2);
          bigger.set(cuts);
          cuts = bigger;
        }
        cuts[n++] = t;
      }
      // a handful of cuts per edge: insertion sort in place, no subarray per edge
      for (let a = 1; a < n; a++) {
        const v = cuts[a];
        let b = a - 1;
        for (; b >= 0 && cuts[b] > v; b--) cuts[b + 1] = cuts[b];
        cuts[b + 1] = v;
      }
      const pieces = cuts;
      let t0 = 0;
      for (let k = 0; k <= n; k++) {
        const t1 = k < n ? pieces[k] : 1;
        if (t1 > t0) {
          const tm = (t0 + t1) / 2;
          if (insidePolygon(q, ax + tm * ex, ay + tm * ey)) {
            // relative to a nearby origin: RD's large numbers would cost digits in the cross terms
            const x0 = ax - ox + t0 * ex, y0 = ay - oy + t0 * ey, x1 = ax - ox + t1 * ex, y1 = ay - oy + t1 * ey;
            sum += sign * (x0 * y1 - x1 * y0);
          }
        }
        t0 = t1;
      }
    }
  }
  return sum;
}

/**
 * The shell flags of a flattened polygon geometry; throws on any other (a programming error).
 *
 * @example
 * shellsOf(prepare(multiPolygon)); // Uint8Array [1, 0, 1]
 */
export function shellsOf(g: PreparedGeometry): Uint8Array {
  if (!g.shells) throw new Error('Expected a flattened polygon geometry (prepare() of a poly geometry), which has shells.');
  return g.shells;
}

/**
 * area(P ∩ Q) of two valid polygon sets, or null when edges of the two run along each other
 * (then ask jsts).
 *
 * @example
 * intersectionArea(prepare(square), prepare(otherSquare)); // 250
 */
export function intersectionArea(p: PreparedGeometry, q: PreparedGeometry): number | null {
  const pShells = shellsOf(p), qShells = shellsOf(q);
  if (p.maxX < q.minX || p.minX > q.maxX || p.maxY < q.minY || p.minY > q.maxY) return 0;
  const ox = Math.max(p.minX, q.minX), oy = Math.max(p.minY, q.minY);
  const a = insideEdges(p, pShells, q, ox, oy);
  const b = insideEdges(q, qShells, p, ox, oy);
  const area = (a + b) / 2;
  return Number.isNaN(area) ? null : Math.max(0, area);
}
