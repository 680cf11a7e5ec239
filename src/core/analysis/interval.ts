/**
 * Where along a segment P0→P1 a point is within d of segment Q0→Q1: the set of points within d
 * of a segment is a capsule (convex), so along a straight segment it is one interval of the
 * parameter u in [0, 1]. The capsule is a rectangle plus two discs; the interval is the hull of
 * the line's pieces in each.
 */
import { len } from '../geometry/planar';

/** result slots: the interval found, valid when lo <= hi */
export const hit = { lo: 0, hi: 0 };

/** widens [lo, hi] in `acc` by where |P0 + u·D − C| <= d */
function disc(px: number, py: number, dx: number, dy: number, cx: number, cy: number, d: number, acc: typeof hit): void {
  const fx = px - cx, fy = py - cy;
  const a = dx * dx + dy * dy, b = 2 * (dx * fx + dy * fy), c = fx * fx + fy * fy - d * d;
  const disc2 = b * b - 4 * a * c;
  if (disc2 < 0) return;
  const r = Math.sqrt(disc2);
  const u0 = (-b - r) / (2 * a), u1 = (-b + r) / (2 * a);
  if (u0 < acc.lo) acc.lo = u0;
  if (u1 > acc.hi) acc.hi = u1;
}

/** clips [lo, hi] to where lo_c <= α + u·β <= hi_c; returns false when empty */
function clip(range: { lo: number; hi: number }, alpha: number, beta: number, loC: number, hiC: number): boolean {
  if (beta === 0) return alpha >= loC && alpha <= hiC;
  let u0 = (loC - alpha) / beta, u1 = (hiC - alpha) / beta;
  if (u0 > u1) { const t = u0; u0 = u1; u1 = t; }
  if (u0 > range.lo) range.lo = u0;
  if (u1 < range.hi) range.hi = u1;
  return range.lo <= range.hi;
}

const rect = { lo: 0, hi: 0 };

/**
 * Sets `hit` to the parameter interval of P0→P1 within d of Q0→Q1, clamped to [0, 1]; returns
 * false when there is none. P0 ≠ P1 is required.
 *
 * @example
 * capsuleInterval(0, 0, 10, 0, 2, 5, 4, 5, 5) && [hit.lo, hit.hi]; // [0.2, 0.4]
 */
export function capsuleInterval(
  p0x: number, p0y: number, p1x: number, p1y: number, q0x: number, q0y: number, q1x: number, q1y: number, d: number,
): boolean {
  const dx = p1x - p0x, dy = p1y - p0y;
  hit.lo = Infinity;
  hit.hi = -Infinity;
  disc(p0x, p0y, dx, dy, q0x, q0y, d, hit);
  const ex = q1x - q0x, ey = q1y - q0y;
  const L = len(ex, ey);
  if (L > 0) {
    disc(p0x, p0y, dx, dy, q1x, q1y, d, hit);
    // rectangle: along-axis coordinate in [0, L], across-axis coordinate in [-d, d]
    const ux = ex / L, uy = ey / L, rx = p0x - q0x, ry = p0y - q0y;
    rect.lo = -Infinity;
    rect.hi = Infinity;
    if (clip(rect, rx * ux + ry * uy, dx * ux + dy * uy, 0, L) && clip(rect, rx * -uy + ry * ux, dx * -uy + dy * ux, -d, d)) {
      if (rect.lo < hit.lo) hit.lo = rect.lo;
      if (rect.hi > hit.hi) hit.hi = rect.hi;
    }
  }
  if (hit.lo < 0) hit.lo = 0;
  if (hit.hi > 1) hit.hi = 1;
  return hit.lo <= hit.hi;
}
