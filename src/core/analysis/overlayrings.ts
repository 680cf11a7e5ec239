/**
 * The polygon P ∩ Q itself, for the shared part of a qualifying pair, built from the same edge
 * clipping as `intersectionArea`: with every ring turned so its inside lies on the left, the
 * boundary of P ∩ Q is the pieces of P's edges inside Q and of Q's edges inside P, and at each
 * crossing of the two boundaries exactly one kept piece arrives and one leaves. Following pieces
 * from node to node (a vertex or a crossing, named, never compared by coordinates) closes the rings.
 * A jsts overlay costs ~0.5 ms a pair; this is a few µs. Degenerate input (edges along each other,
 * a vertex on the other boundary) answers null, and the caller asks jsts.
 */
import type { Position } from '../types';
import { insidePolygon, type PreparedGeometry } from './prepared';
import { shellsOf } from './polyarea';

/** a ring-oriented copy of a prepared polygon set: every ring with its inside on the left */
interface Oriented {
  xy: Float64Array;
  parts: Int32Array;
}

function orient(g: PreparedGeometry, shells: Uint8Array): Oriented {
  const xy = new Float64Array(g.xy.length);
  for (let r = 0; r + 1 < g.parts.length; r++) {
    const from = g.parts[r], to = g.parts[r + 1];
    let s = 0;
    for (let i = from; i + 1 < to; i++) s += g.xy[2 * i] * g.xy[2 * i + 3] - g.xy[2 * i + 2] * g.xy[2 * i + 1];
    // shells counter-clockwise, holes clockwise
    const keep = (s > 0) === (shells[r] === 1);
    for (let i = from; i < to; i++) {
      const k = keep ? i : to - 1 - (i - from);
      xy[2 * i] = g.xy[2 * k];
      xy[2 * i + 1] = g.xy[2 * k + 1];
    }
  }
  return { xy, parts: g.parts };
}

/** a crossing of edge i of P with edge j of Q at parameters t (on i) and u (on j) */
interface Crossing {
  i: number;
  j: number;
  t: number;
  u: number;
  x: number;
  y: number;
}

/** every crossing of P's edges with Q's, or null on a degenerate contact */
function crossings(p: Oriented, q: Oriented): Crossing[] | null {
  const out: Crossing[] = [];
  const P = p.xy, Q = q.xy;
  for (let r = 0; r + 1 < p.parts.length; r++) {
    for (let i = p.parts[r]; i + 1 < p.parts[r + 1]; i++) {
      const ax = P[2 * i], ay = P[2 * i + 1], ex = P[2 * i + 2] - ax, ey = P[2 * i + 3] - ay;
      for (let s = 0; s + 1 < q.parts.length; s++) {
        for (let j = q.parts[s]; j + 1 < q.parts[s + 1]; j++) {
          const cx = Q[2 * j], cy = Q[2 * j + 1], fx = Q[2 * j + 2] - cx, fy = Q[2 * j + 3] - cy;
          if (Math.max(cx, cx + fx) < Math.min(ax, ax + ex) || Math.min(cx, cx + fx) > Math.max(ax, ax + ex)
            || Math.max(cy, cy + fy) < Math.min(ay, ay + ey) || Math.min(cy, cy + fy) > Math.max(ay, ay + ey)) continue;
          const den = ex * fy - ey * fx, wx = cx - ax, wy = cy - ay;
          if (den === 0) {
            if (wx * ey - wy * ex === 0) return null; // on one line
            continue;
          }
          const t = (wx * fy - wy * fx) / den, u = (wx * ey - wy * ex) / den;
          if (t < 0 || t > 1 || u < 0 || u > 1) continue;
          // a crossing at a vertex makes the in/out split ambiguous
          if (t === 0 || t === 1 || u === 0 || u === 1) return null;
          out.push({ i, j, t, u, x: ax + t * ex, y: ay + t * ey });
        }
      }
    }
  }
  return out;
}

/** a kept piece of an edge: from node `from` to node `to`, starting at (x, y) */
interface Piece {
  from: string;
  to: string;
  x: number;
  y: number;
}

/**
 * The pieces of `a`'s edges inside polygon `b`; `cut(i)` lists the crossings on edge i, `key`
 * names a crossing the same way from both sides.
 */
function keptPieces(a: Oriented, side: string, b: PreparedGeometry, cut: Crossing[][], param: (c: Crossing) => number, out: Map<string, Piece>): boolean {
  const A = a.xy;
  for (let r = 0; r + 1 < a.parts.length; r++) {
    const from = a.parts[r], last = a.parts[r + 1] - 1;
    for (let i = from; i < last; i++) {
      const cs = (cut[i] ?? []).sort((c, d) => param(c) - param(d));
      const ax = A[2 * i], ay = A[2 * i + 1], ex = A[2 * i + 2] - ax, ey = A[2 * i + 3] - ay;
      // the vertex ending edge i is the start of edge i + 1, and of the ring's first edge at the end
      const endVertex = `${side}${i + 1 === last ? from : i + 1}`;
      let t0 = 0, node = `${side}${i}`;
      for (let k = 0; k <= cs.length; k++) {
        const t1 = k < cs.length ? param(cs[k]) : 1;
        const next = k < cs.length ? `c${cs[k].i}_${cs[k].j}` : endVertex;
        if (t1 <= t0) return false;
        const tm = (t0 + t1) / 2;
        if (insidePolygon(b, ax + tm * ex, ay + tm * ey)) {
          if (out.has(node)) return false;
          out.set(node, { from: node, to: next, x: k === 0 ? ax : cs[k - 1].x, y: k === 0 ? ay : cs[k - 1].y });
        }
        t0 = t1;
        node = next;
      }
    }
  }
  return true;
}

/** follows the pieces into closed rings; null when a node has no way on */
function chain(pieces: Map<string, Piece>): Position[][] | null {
  const rings: Position[][] = [];
  const used = new Set<string>();
  for (const start of pieces.values()) {
    if (used.has(start.from)) continue;
    const ring: Position[] = [];
    let p: Piece | undefined = start;
    while (p && !used.has(p.from)) {
      used.add(p.from);
      ring.push([p.x, p.y]);
      p = pieces.get(p.to);
    }
    if (!p || p !== start) return null;
    ring.push([start.x, start.y]);
    rings.push(ring);
  }
  return rings;
}

const signedArea = (r: Position[]): number => {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s / 2;
};

function inside(pt: Position, r: Position[]): boolean {
  let c = false;
  for (let i = 0, j = r.length - 2; i < r.length - 1; j = i++) {
    if (r[i][1] > pt[1] !== r[j][1] > pt[1] && pt[0] < ((r[j][0] - r[i][0]) * (pt[1] - r[i][1])) / (r[j][1] - r[i][1]) + r[i][0]) c = !c;
  }
  return c;
}

/** counter-clockwise rings are shells, clockwise ones holes of the smallest shell around them */
function group(rings: Position[][]): Position[][][] {
  const shells = rings.filter((r) => signedArea(r) > 0).map((r) => ({ area: signedArea(r), rings: [r] }));
  shells.sort((a, b) => a.area - b.area);
  for (const h of rings.filter((r) => signedArea(r) < 0)) {
    const home = shells.find((s) => inside(h[0], s.rings[0]));
    if (!home) return [];
    home.rings.push(h);
  }
  return shells.map((s) => s.rings);
}

/**
 * P ∩ Q of two valid polygon sets as polygons (shells counter-clockwise, holes clockwise), or null
 * when the boundaries touch in a degenerate way (then ask jsts).
 *
 * @example
 * intersectionRings(prepare(square), prepare(otherSquare));
 * // [[[[5, 0], [10, 0], [10, 10], [5, 10], [5, 0]]]]
 */
export function intersectionRings(p: PreparedGeometry, q: PreparedGeometry): Position[][][] | null {
  const pShells = shellsOf(p), qShells = shellsOf(q);
  if (p.maxX < q.minX || p.minX > q.maxX || p.maxY < q.minY || p.minY > q.maxY) return [];
  const po = orient(p, pShells), qo = orient(q, qShells);
  const cs = crossings(po, qo);
  if (!cs) return null;
  const onP: Crossing[][] = [], onQ: Crossing[][] = [];
  for (const c of cs) {
    (onP[c.i] ??= []).push(c);
    (onQ[c.j] ??= []).push(c);
  }
  const pieces = new Map<string, Piece>();
  if (!keptPieces(po, 'p', q, onP, (c) => c.t, pieces)) return null;
  if (!keptPieces(qo, 'q', p, onQ, (c) => c.u, pieces)) return null;
  const rings = chain(pieces);
  if (!rings) return null;
  const polygons = group(rings);
  return rings.length > 0 && polygons.length === 0 ? null : polygons;
}
